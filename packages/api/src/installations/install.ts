import { AuditAction, InstallationScope } from '@mcp-registry/data-provider';
import type { CreateInstallationInput } from '@mcp-registry/data-provider';
import type { IGroup, InstallationRecord, InstallationView, Methods } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor, ActorIdentity } from '../auth/actor';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/apiError';
import { findUsableServer } from './findUsableServer';
import type { FindUsableServerDeps } from './findUsableServer';
import { statusFor } from './installationStatus';
import { resolveInstallTarget } from './resolveInstallTarget';
import type { ResolveTargetDeps } from './resolveInstallTarget';
import { canManageTeamInstallations, TEAM_FORBIDDEN } from './teamAccess';
import { isInstallationAdmin } from './visibility';

export type InstallDeps = ResolveTargetDeps &
  FindUsableServerDeps &
  AuditDeps &
  Pick<Methods, 'findGroupInOrg' | 'findInstallationByKey' | 'upsertInstallation' | 'assignUserToInstallation' | 'deleteInstallation'>;

export interface InstallResult {
  installation: InstallationView;
  /** False for the idempotent replay: the existing installation, answered 200. */
  created: boolean;
}

export const ORG_FORBIDDEN = 'Organisation-wide installations require the MCP_SERVER_INSTALLATIONS ADMIN permission';

async function findManageableTeam(deps: InstallDeps, actor: Actor, teamId: string | undefined): Promise<IGroup> {
  if (!teamId) throw new ValidationError('Invalid request', [{ field: 'teamId', location: 'body', message: 'Required with scope "team"' }]);
  const group = await deps.findGroupInOrg(actor.organizationId, teamId);
  if (!group) throw new NotFoundError('Group');
  if (!canManageTeamInstallations(actor, group)) throw new ForbiddenError(TEAM_FORBIDDEN);
  return group;
}

type UserDetails = InstallationView['userDetails'][number];

/** The installer is usually the caller or the target; only a replay of someone else's install reads the user. */
async function installerDetails(deps: InstallDeps, installation: InstallationRecord, known: ActorIdentity[]): Promise<UserDetails | null> {
  const _id = installation.installedBy;
  const identity = known.find((k) => k.id === String(_id));
  if (identity) return { _id, email: identity.user.email, name: identity.user.name };
  const user = await deps.findUserById(_id);
  return user ? { _id, email: user.email, name: user.name } : null;
}

/**
 * The response is composed from what this request wrote and read (the installation, the caller's and the target's
 * identity, the group) rather than read back, so a replay costs no extra round trip; it is the shape a later GET returns.
 */
async function viewOf(deps: InstallDeps, actor: Actor, installation: InstallationRecord, target: ActorIdentity | null, team: IGroup | null): Promise<InstallationView> {
  const userIds = installation.userIds ?? [];
  const known = target ? [{ _id: String(target.id), email: target.user.email, name: target.user.name }] : [];
  return {
    ...installation,
    userIds,
    customUserVarNames: installation.customUserVarNames ?? [],
    userDetails: userIds.flatMap((id) => known.filter((u) => u._id === String(id)).map((u) => ({ ...u, _id: id }))),
    installedByDetails: await installerDetails(deps, installation, target ? [actor, target] : [actor]),
    team: team ? { _id: team._id, name: team.name } : null,
  };
}

async function removeOrphan(deps: InstallDeps, installation: InstallationRecord): Promise<void> {
  try {
    await deps.deleteInstallation(installation.organizationId, installation._id);
  } catch (error) {
    deps.logger.error('[installations] could not remove an installation whose assignment failed', { installationId: String(installation._id), error });
  }
}

/** One assignment row for the target. A brand-new installation whose assignment failed is removed again. */
async function assignTarget(deps: InstallDeps, installation: InstallationRecord, created: boolean, target: ActorIdentity): Promise<void> {
  try {
    await deps.assignUserToInstallation({ organizationId: installation.organizationId, installationId: installation._id, userId: target.id });
  } catch (error) {
    if (created) await removeOrphan(deps, installation);
    throw error;
  }
}

function auditTarget(scope: InstallationScope, actor: Actor, target: ActorIdentity | null, team: IGroup | null) {
  if (scope === InstallationScope.PERSONAL) return { targetType: 'user', targetId: target?.id ?? actor.id };
  if (scope === InstallationScope.TEAM) return { targetType: 'group', targetId: String(team?._id) };
  return { targetType: 'organization', targetId: actor.organizationId };
}

/** Audit entry `{ actor, action, target, installation }`, and a log line for on-behalf installs. */
async function recordInstall(deps: InstallDeps, actor: Actor, installation: InstallationRecord, target: ActorIdentity | null, team: IGroup | null) {
  const { scope } = installation;
  const onBehalf = target !== null && target.id !== actor.id;
  const details = { installationId: String(installation._id), catalogId: String(installation.catalogId), serverName: installation.serverName, scope, onBehalf };
  await recordAudit(deps, actor, { action: AuditAction.INSTALLATION_CREATE, ...auditTarget(scope, actor, target, team), details });
  if (onBehalf) deps.logger.info('[installations] installed on behalf of another user', { ...details, targetUserId: target.id, actorId: actor.id });
}

function isAssigned(installation: InstallationRecord, target: ActorIdentity | null): boolean {
  return target === null || (installation.userIds ?? []).some((id) => String(id) === target.id);
}

/**
 * POST /api/mcp_server. Permission checks that need no data come first. A replay whose installation the database
 * already holds (with the target assigned) is answered without writing; otherwise the duplicate rule lives in the
 * unique indexes (an upsert, retried once on a lost race), never in a read-then-insert.
 */
export async function install(deps: InstallDeps, actor: Actor, input: CreateInstallationInput): Promise<InstallResult> {
  const scope = input.scope ?? InstallationScope.PERSONAL;
  if (scope === InstallationScope.ORG && !isInstallationAdmin(actor)) throw new ForbiddenError(ORG_FORBIDDEN);
  const target = scope === InstallationScope.PERSONAL ? await resolveInstallTarget(deps, actor, input.userId) : null;
  const server = await findUsableServer(deps, actor, target, input.catalogId);
  const team = scope === InstallationScope.TEAM ? await findManageableTeam(deps, actor, input.teamId) : null;
  const key = { organizationId: actor.organizationId, catalogId: server._id, scope, ownerId: target?.id ?? null, teamId: team?._id ?? null };
  const existing = await deps.findInstallationByKey(key);
  if (existing && isAssigned(existing, target)) return { installation: await viewOf(deps, actor, existing, target, team), created: false };
  const { installation, created } = await deps.upsertInstallation({
    ...key,
    serverName: server.serverName,
    installedBy: actor.id,
    customUserVars: input.customUserVars,
    status: statusFor(server, Object.keys(input.customUserVars ?? {})),
  });
  if (target) await assignTarget(deps, installation, created, target);
  if (created) await recordInstall(deps, actor, installation, target, team);
  return { installation: await viewOf(deps, actor, installation, target, team), created };
}
