import type { CreateInstallationInput, ListInstallationsQuery, UpdateInstallationInput } from '@mcp-registry/data-provider';
import type { Actor } from '../auth/actor';
import type { ServiceDeps } from '../serviceDeps';
import { onInstalled } from '../mcp/onInstalled';
import { install } from './install';
import { getInstallation, listInstallations } from './readInstallations';
import { removeInstallation } from './removeInstallation';
import { updateInstallation } from './updateInstallation';

/** Installations of catalog servers (personal, team, organisation). */
export function createInstallationService(deps: ServiceDeps) {
  return {
    install: async (actor: Actor, input: CreateInstallationInput) => {
      const result = await install(deps, actor, input);
      if (result.created) await onInstalled(deps, actor, result.installation, input.customUserVars);
      if (result.created) deps.changes.notify();
      return result;
    },
    list: (actor: Actor, query: ListInstallationsQuery) => listInstallations(deps, actor, query),
    get: (actor: Actor, id: string) => getInstallation(deps, actor, id),
    update: async (actor: Actor, id: string, input: UpdateInstallationInput) => {
      const updated = await updateInstallation(deps, actor, id, input);
      deps.changes.notify();
      return updated;
    },
    remove: async (actor: Actor, id: string) => {
      await removeInstallation(deps, actor, id);
      deps.changes.notify();
    },
  };
}
