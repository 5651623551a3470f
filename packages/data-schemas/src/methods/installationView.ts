import type { Mongoose, PipelineStage, Types } from 'mongoose';
import { groupSchema } from '../schema/group';
import { installationSchema } from '../schema/installation';
import type { IInstallation } from '../schema/installation';
import { userSchema } from '../schema/user';
import { decodeCursor } from '../utils/cursor';
import { keysetPage } from '../utils/keysetPage';
import type { KeysetPage } from '../utils/keysetPage';
import { getModel } from '../utils/model';
import type { Id } from '../utils/objectId';
import { installationMatch } from './installationFilters';
import type { InstallationFilters, InstallationVisibility } from './installationFilters';

/** An installation without its secrets. */
export type InstallationRecord = Omit<IInstallation, 'customUserVars'>;

export interface InstallationUserDetails {
  _id: Types.ObjectId;
  email: string;
  name: string;
}

/** An installation with what its responses name: the assigned users' and the installer's email and name, and the team. */
export interface InstallationView extends InstallationRecord {
  userDetails: InstallationUserDetails[];
  /** Null when the installer's account no longer exists. */
  installedByDetails: InstallationUserDetails | null;
  team: { _id: Types.ObjectId; name: string } | null;
}

export interface ListInstallationViewsInput extends InstallationFilters {
  organizationId: Id;
  visibility: InstallationVisibility;
  limit?: number;
  after?: string;
}

interface DetailRow {
  _id: Types.ObjectId;
  email?: string;
  name?: string;
  kind?: 'team';
}

export const INSTALLATION_FIELDS = { customUserVars: 0 } as const;

/**
 * Reads that answer with whole installations, in at most two commands whatever the page size: the installations
 * (an indexed find), then one aggregate for every user and team they name (users by `_id`, with the teams'
 * groups by `_id` through `$unionWith`). Never a query per row.
 */
export function createInstallationViewMethods(mongoose: Mongoose) {
  const Installation = getModel(mongoose, 'McpInstallation', installationSchema);
  const User = getModel(mongoose, 'User', userSchema);
  const groups = getModel(mongoose, 'Group', groupSchema).collection.collectionName;

  /** Users by `_id`; when teams are named too, their groups are appended with `$unionWith` (same command). */
  function readDetails(userIds: Types.ObjectId[], teamIds: Types.ObjectId[]): Promise<DetailRow[]> {
    if (userIds.length + teamIds.length === 0) return Promise.resolve([]);
    const users = { _id: { $in: userIds } };
    if (teamIds.length === 0) return User.find(users, { email: 1, name: 1 }).lean<DetailRow[]>();
    const teams = [{ $match: { _id: { $in: teamIds } } }, { $project: { name: 1, kind: { $literal: 'team' } } }];
    const pipeline: PipelineStage[] = [{ $match: users }, { $project: { email: 1, name: 1 } }, { $unionWith: { coll: groups, pipeline: teams } } as PipelineStage];
    return User.aggregate<DetailRow>(pipeline);
  }

  async function withDetails(installations: InstallationRecord[]): Promise<InstallationView[]> {
    const named = installations.flatMap((i) => [...(i.userIds ?? []), i.installedBy]);
    const userIds = [...new Map(named.map((id) => [String(id), id])).values()];
    const teamIds = installations.flatMap((i) => (i.teamId ? [i.teamId] : []));
    const rows = await readDetails(userIds, teamIds);
    const users = new Map<string, InstallationUserDetails>();
    const teams = new Map<string, { _id: Types.ObjectId; name: string }>();
    for (const row of rows) {
      if (row.kind === 'team') teams.set(String(row._id), { _id: row._id, name: row.name ?? '' });
      else users.set(String(row._id), { _id: row._id, email: row.email ?? '', name: row.name ?? '' });
    }
    return installations.map((i) => ({
      ...i,
      userIds: i.userIds ?? [],
      customUserVarNames: i.customUserVarNames ?? [],
      userDetails: (i.userIds ?? []).flatMap((id) => users.get(String(id)) ?? []),
      installedByDetails: users.get(String(i.installedBy)) ?? null,
      team: i.teamId ? (teams.get(String(i.teamId)) ?? null) : null,
    }));
  }

  /** The installation when it is in the organisation and visible; null otherwise. */
  async function findInstallationView(organizationId: Id, id: Id, visibility: InstallationVisibility): Promise<InstallationView | null> {
    const match = installationMatch(organizationId, visibility, { _id: id });
    if (!match) return null;
    const installation = await Installation.findOne(match, INSTALLATION_FIELDS).lean<InstallationRecord>();
    if (!installation) return null;
    const [view] = await withDetails([installation]);
    return view ?? null;
  }

  /** Newest first, keyset-paged on `_id`; a bad cursor throws InvalidCursorError (→ 400). */
  async function listInstallationViews(input: ListInstallationViewsInput): Promise<KeysetPage<InstallationView>> {
    if (input.after) decodeCursor(input.after);
    const match = installationMatch(input.organizationId, input.visibility, input);
    if (!match) return { data: [], has_more: false, after: null };
    const page = await keysetPage<IInstallation, InstallationRecord>(Installation, { filter: match, limit: input.limit, after: input.after, projection: INSTALLATION_FIELDS });
    return { ...page, data: await withDetails(page.data) };
  }

  return { findInstallationView, listInstallationViews };
}
