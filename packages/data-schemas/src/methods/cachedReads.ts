import type { ReadCache } from '../cache/readCache';
import type { createAclEntryMethods } from './aclEntry';
import type { createInstallationMethods } from './installation';
import type { createInstallationViewMethods } from './installationView';
import type { createMcpServerMethods } from './mcpServer';

type CachedSources = Pick<ReturnType<typeof createMcpServerMethods>, 'listMcpServers' | 'findServerById'> &
  Pick<ReturnType<typeof createAclEntryMethods>, 'getEffectiveBits'> &
  Pick<ReturnType<typeof createInstallationMethods>, 'findInstallationByKey'> &
  Pick<ReturnType<typeof createInstallationViewMethods>, 'listInstallationViews'>;

/**
 * The reads that the hot requests repeat (catalog and installation lists, the access checks and duplicate lookup
 * of an install), served through the read cache. Reads that answer a single GET by name or id stay uncached.
 */
export function cachedReads(methods: CachedSources, cache: ReadCache): CachedSources {
  return {
    listMcpServers: cache.memoize('listMcpServers', methods.listMcpServers),
    findServerById: cache.memoize('findServerById', methods.findServerById),
    getEffectiveBits: cache.memoize('getEffectiveBits', methods.getEffectiveBits),
    findInstallationByKey: cache.memoize('findInstallationByKey', methods.findInstallationByKey),
    listInstallationViews: cache.memoize('listInstallationViews', methods.listInstallationViews),
  };
}
