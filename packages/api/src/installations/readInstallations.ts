import type { ListInstallationsQuery } from '@mcp-registry/data-provider';
import type { InstallationView, KeysetPage, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import { NotFoundError } from '../errors/apiError';
import { visibilityOf } from './visibility';

export type ReadInstallationsDeps = Pick<Methods, 'listInstallationViews' | 'findInstallationView'>;

/** GET /api/mcp_server: what the caller may see (everything of the organisation with ADMIN), newest first. */
export function listInstallations(deps: ReadInstallationsDeps, actor: Actor, query: ListInstallationsQuery): Promise<KeysetPage<InstallationView>> {
  return deps.listInstallationViews({
    organizationId: actor.organizationId,
    visibility: visibilityOf(actor),
    limit: query.limit,
    after: query.after,
    catalogId: query.catalogId,
    ownerId: query.userId,
    scope: query.scope,
  });
}

/** GET /api/mcp_server/:id: visible → the installation; anything else (other organisation included) → 404. */
export async function getInstallation(deps: ReadInstallationsDeps, actor: Actor, id: string): Promise<InstallationView> {
  const view = await deps.findInstallationView(actor.organizationId, id, visibilityOf(actor));
  if (!view) throw new NotFoundError('Installation');
  return view;
}
