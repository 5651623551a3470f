import { InstallationScope } from '@mcp-registry/data-provider';
import type { InstallationRecord, Methods } from '@mcp-registry/data-schemas';
import type { Actor } from '../auth/actor';
import type { BackgroundConnects } from './connections/backgroundConnects';
import type { ConnectionManager } from './connections/connectionManager';
import { connectTargetFor } from './connectTargetFor';

export type OnInstalledDeps = Pick<Methods, 'setUserCredentials' | 'findServerById'> & { connections: ConnectionManager; background: BackgroundConnects };

/**
 * After a new personal installation: the custom user variables given with it seed the owner's own set, and when it
 * was made for someone else it is connected in the background, so their tools are there before they look.
 */
export async function onInstalled(deps: OnInstalledDeps, actor: Actor, installation: InstallationRecord, customUserVars: Record<string, string> | undefined): Promise<void> {
  if (installation.scope !== InstallationScope.PERSONAL || !installation.ownerId) return;
  const ownerId = String(installation.ownerId);
  if (customUserVars && Object.keys(customUserVars).length > 0) {
    await deps.setUserCredentials({ organizationId: installation.organizationId, installationId: installation._id, userId: ownerId }, customUserVars);
  }
  if (ownerId === actor.id) return;
  deps.background.schedule(async () => deps.connections.connect(await connectTargetFor(deps, installation, ownerId)));
}
