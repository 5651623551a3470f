import { Types } from 'mongoose';
import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationScope as Scope } from '@mcp-registry/data-provider';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

/**
 * Which installations a caller may see: every one of the organisation (`all`, the ADMIN permission), or their
 * personal installations, their groups' team installations and the organisation's.
 */
export type InstallationVisibility = { all: true } | { all?: false; userId: Id; groupIds: readonly Id[] };

export interface InstallationFilters {
  catalogId?: Id;
  /** Personal installations owned by this user. */
  ownerId?: Id;
  scope?: Scope;
}

function objectIds(ids: readonly Id[]): Types.ObjectId[] {
  return ids.map(toObjectId).filter((id): id is Types.ObjectId => id !== null);
}

export function visibilityFilter(visibility: InstallationVisibility): Record<string, unknown> {
  if (visibility.all) return {};
  return {
    $or: [
      { scope: InstallationScope.PERSONAL, ownerId: toObjectId(visibility.userId) },
      { scope: InstallationScope.TEAM, teamId: { $in: objectIds(visibility.groupIds) } },
      { scope: InstallationScope.ORG },
    ],
  };
}

/**
 * The `$match` of a read: organisation, visibility and filters. A malformed id in a filter matches nothing
 * (ids are validated at the edge; this keeps a CastError from ever reaching a client).
 */
export function installationMatch(
  organizationId: Id,
  visibility: InstallationVisibility,
  filters: InstallationFilters & { _id?: Id } = {},
): Record<string, unknown> | null {
  const match: Record<string, unknown> = { organizationId: toObjectId(organizationId), ...visibilityFilter(visibility) };
  const ids: Array<[string, Id | undefined]> = [
    ['_id', filters._id],
    ['catalogId', filters.catalogId],
    ['ownerId', filters.ownerId],
  ];
  for (const [field, raw] of ids) {
    if (raw === undefined) continue;
    const id = toObjectId(raw);
    if (!id) return null;
    match[field] = id;
  }
  if (!match.organizationId) return null;
  const scope = filters.ownerId !== undefined ? InstallationScope.PERSONAL : filters.scope;
  if (filters.scope && scope !== filters.scope) return null;
  if (!scope) return match;
  if (!('$or' in match)) return { ...match, scope };
  return { ...match, scope, $or: (match.$or as Array<Record<string, unknown>>).filter((branch) => branch.scope === scope) };
}
