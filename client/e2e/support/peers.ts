import { createRequire } from 'node:module';
import type { McpPeer } from '../../../test/mcpPeer';
import type { OAuthPeer } from '../../../api/test/support/oauthPeer';

/** The peers of the API tests are CommonJS (the repository root is not an ES module package): required, not imported. */
const require = createRequire(import.meta.url);
const { startMcpPeer } = require('../../../test/mcpPeer.ts') as typeof import('../../../test/mcpPeer');
const { startOAuthPeer } = require('../../../api/test/support/oauthPeer.ts') as typeof import('../../../api/test/support/oauthPeer');

/** The header the keyed MCP peer demands, filled by the service from each user's own variable. */
export const KEYED_PEER_HEADER = 'x-api-key';
export const KEYED_PEER_SECRET = 'weather-secret-e2e';

/**
 * Real MCP servers and OAuth authorization servers on 127.0.0.1 (the SDK's server classes, as in the API tests),
 * started before the backend so that its SSRF exemptions can name their exact addresses. Their URLs reach the
 * tests through the environment.
 */
export type PeerUrlName = 'E2E_KEYED_MCP_URL' | 'E2E_OAUTH_MCP_URL' | 'E2E_DENYING_OAUTH_MCP_URL' | 'E2E_HOLDING_OAUTH_MCP_URL';

export interface Peers {
  env: Record<PeerUrlName, string>;
  addresses: string[];
  stop(): Promise<void>;
}

export async function startPeers(): Promise<Peers> {
  const keyed: McpPeer = await startMcpPeer({ requireHeader: { name: KEYED_PEER_HEADER, value: KEYED_PEER_SECRET } });
  const oauth: OAuthPeer = await startOAuthPeer();
  const denying: OAuthPeer = await startOAuthPeer({ denyAuthorization: true });
  const holding: OAuthPeer = await startOAuthPeer({ holdAuthorization: true });
  const env: Record<PeerUrlName, string> = {
    E2E_KEYED_MCP_URL: keyed.url,
    E2E_OAUTH_MCP_URL: oauth.mcpUrl,
    E2E_DENYING_OAUTH_MCP_URL: denying.mcpUrl,
    E2E_HOLDING_OAUTH_MCP_URL: holding.mcpUrl,
  };
  return {
    env,
    addresses: Object.values(env).map((url) => new URL(url).host),
    stop: async () => {
      await Promise.all([keyed.stop(), oauth.close(), denying.close(), holding.close()]);
    },
  };
}

export function peerUrl(name: PeerUrlName): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is set by globalSetup`);
  return url;
}
