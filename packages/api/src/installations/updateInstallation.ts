import { AuditAction, InstallationStatus } from '@mcp-registry/data-provider';
import type { UpdateInstallationInput } from '@mcp-registry/data-provider';
import type { InstallationRecord, InstallationView, Methods } from '@mcp-registry/data-schemas';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';
import type { Actor } from '../auth/actor';
import type { ConnectionManager } from '../mcp/connections/connectionManager';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors/apiError';
import { missingUserVars, statusFor } from './installationStatus';
import { mayManageInstallation } from './manageAccess';
import type { ManageAccessDeps } from './manageAccess';
import { visibilityOf } from './visibility';

export type UpdateInstallationDeps = AuditDeps &
  ManageAccessDeps &
  Pick<Methods, 'findInstallation' | 'findServerById' | 'updateInstallation' | 'findInstallationView'> & {
    connections?: Pick<ConnectionManager, 'closeInstallation'>;
  };

/**
 * The status to store: the one asked for, or (when only the variables change) the one they imply. `active` is
 * refused while a variable the server declares has no value.
 */
async function nextStatus(deps: UpdateInstallationDeps, actor: Actor, installation: InstallationRecord, input: UpdateInstallationInput) {
  const server = await deps.findServerById(actor.organizationId, installation.catalogId);
  if (!server) throw new NotFoundError('Installation');
  const names = input.customUserVars !== undefined ? Object.keys(input.customUserVars ?? {}) : (installation.customUserVarNames ?? []);
  if (input.status === undefined) return statusFor(server, names);
  const missing = missingUserVars(server, names);
  if (input.status === InstallationStatus.ACTIVE && missing.length > 0) {
    throw new ValidationError('Invalid request', [{ field: 'status', location: 'body', message: `No value for ${missing.join(', ')}` }]);
  }
  return input.status;
}

/**
 * PATCH /api/mcp_server/:id: the same visibility and rights as DELETE (invisible → 404, visible but not allowed → 403),
 * then the new custom user variables (encrypted again) and status. Connections made with the old variables close.
 */
export async function updateInstallation(deps: UpdateInstallationDeps, actor: Actor, id: string, input: UpdateInstallationInput): Promise<InstallationView> {
  const installation = await deps.findInstallation(actor.organizationId, id, visibilityOf(actor));
  if (!installation) throw new NotFoundError('Installation');
  if (!(await mayManageInstallation(deps, actor, installation))) throw new ForbiddenError('You may not change this installation');
  const status = await nextStatus(deps, actor, installation, input);
  const updated = await deps.updateInstallation(actor.organizationId, id, { customUserVars: input.customUserVars, status });
  if (!updated) throw new NotFoundError('Installation');
  if (input.customUserVars !== undefined) deps.connections?.closeInstallation(id);
  await recordAudit(deps, actor, {
    action: AuditAction.INSTALLATION_UPDATE,
    targetType: 'installation',
    targetId: id,
    details: { fields: Object.keys(input).filter((k) => input[k as keyof UpdateInstallationInput] !== undefined), customUserVarNames: updated.customUserVarNames ?? [], status },
  });
  const view = await deps.findInstallationView(actor.organizationId, id, visibilityOf(actor));
  if (!view) throw new NotFoundError('Installation');
  return view;
}
