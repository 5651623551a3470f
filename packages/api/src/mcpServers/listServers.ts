import type { ListMcpServersQuery } from '@mcp-registry/data-provider';
import { organizationViewerKey, principalKey } from '@mcp-registry/data-schemas';
import type { Methods } from '@mcp-registry/data-schemas';
import { principalsOf } from '../acl/principals';
import type { Actor } from '../auth/actor';
import { canUseServers, isOrganizationAdmin } from './access';

export type ListServersDeps = Pick<Methods, 'listMcpServers'>;

/** The viewer keys the caller holds; undefined for the organisation admin, who sees every server. */
export function viewerKeysOf(actor: Actor): string[] | undefined {
  if (isOrganizationAdmin(actor)) return undefined;
  const keys = principalsOf(actor).map((p) => principalKey(p, actor.organizationId));
  if (canUseServers(actor)) keys.push(organizationViewerKey(actor.organizationId));
  return keys;
}

/** The servers the caller can VIEW, newest first, one indexed query per page. */
export function listServers(deps: ListServersDeps, actor: Actor, query: ListMcpServersQuery) {
  return deps.listMcpServers({ ...query, organizationId: actor.organizationId, viewerKeys: viewerKeysOf(actor) });
}
