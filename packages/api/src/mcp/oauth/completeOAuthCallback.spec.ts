import { createLogger } from '@mcp-registry/data-schemas';
import { completeOAuthCallback } from './completeOAuthCallback';
import type { McpOAuthDeps } from './oauthDeps';

/** The database failing under a callback: only a stand-in for MongoDB can fail on cue. */
function depsWithFailingDatabase(): McpOAuthDeps {
  const unavailable = async () => {
    throw new Error('connection to the database lost');
  };
  const deps = {
    logger: createLogger({ silent: true }),
    oauth: { publicUrl: 'http://service.test', clientUrl: 'http://client.test', flowTimeoutMs: 60_000, csrfKey: Buffer.alloc(32, 1) },
    findOAuthFlowByState: unavailable,
  };
  return deps as unknown as McpOAuthDeps;
}

describe('the OAuth callback when the database fails', () => {
  it('still sends the sign-in window to the client\'s error page (callback_failed), never a JSON 500', async () => {
    const result = await completeOAuthCallback(depsWithFailingDatabase(), { serverName: 'calendar', code: 'c', state: 's', csrfToken: 't' });
    expect(result).toEqual({ redirectUrl: 'http://client.test/oauth/error?error=callback_failed', clearCookie: false });
  });
});
