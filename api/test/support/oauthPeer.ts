import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Response } from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { mcpAuthRouter, getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { InvalidGrantError, InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';
import type { AuthorizationParams, OAuthServerProvider } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { OAuthClientInformationFull, OAuthTokenRevocationRequest, OAuthTokens } from '@modelcontextprotocol/sdk/shared/auth.js';

export interface OAuthPeerOptions {
  /** Lifetime of issued access tokens (default 3600 s). */
  accessTtlSeconds?: number;
  /** Issue a new refresh token on every refresh and invalidate the old one (default true). */
  rotateRefreshTokens?: boolean;
  /** The authorization endpoint answers `error=access_denied`. */
  denyAuthorization?: boolean;
  /** The authorization endpoint never answers, like a person who never finishes signing in. */
  holdAuthorization?: boolean;
  /** Serve authorization-server metadata without `code_challenge_methods_supported`. */
  withoutS256?: boolean;
  /** Serve protected-resource metadata naming this resource instead of the MCP endpoint. */
  resourceOverride?: string;
  /** Slows each refresh grant, so that concurrent refreshes overlap. */
  refreshDelayMs?: number;
}

interface Grant {
  clientId: string;
  resource?: string;
  expiresAt: number;
}

/**
 * A real OAuth 2.1 authorization server and an OAuth-protected MCP server on 127.0.0.1, built from the SDK's
 * server pieces (mcpAuthRouter, requireBearerAuth, McpServer). It counts grants and revocations server-side.
 */
export interface OAuthPeer {
  origin: string;
  mcpUrl: string;
  grants: { authorization_code: number; refresh_token: number };
  registrations: number;
  revoked: string[];
  /** Bearer tokens the MCP endpoint accepted. */
  acceptedBearers: string[];
  /** `resource` parameters the token endpoint received. */
  tokenResources: Array<string | undefined>;
  /** Issues every token so far as expired (the next use needs a refresh). */
  expireAccessTokens(): void;
  close(): Promise<void>;
}

class ClientsStore implements OAuthRegisteredClientsStore {
  readonly clients = new Map<string, OAuthClientInformationFull>();
  constructor(private readonly onRegister: () => void) {}
  getClient(clientId: string) {
    return this.clients.get(clientId);
  }
  registerClient(client: Omit<OAuthClientInformationFull, 'client_id' | 'client_id_issued_at'>): OAuthClientInformationFull {
    this.onRegister();
    const full = { ...client, client_id: `client-${randomBytes(6).toString('hex')}`, client_id_issued_at: Math.floor(Date.now() / 1000) };
    this.clients.set(full.client_id, full);
    return full;
  }
}

const token = (kind: string) => `${kind}-${randomBytes(18).toString('base64url')}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mcpServerFor(auth: AuthInfo | undefined): McpServer {
  const server = new McpServer({ name: 'oauth-peer', version: '1.0.0' });
  server.registerTool('whoami', { description: 'Names the OAuth client whose token called it' }, async () => ({
    content: [{ type: 'text', text: `client:${auth?.clientId ?? 'none'}` }],
  }));
  return server;
}

export async function startOAuthPeer(options: OAuthPeerOptions = {}): Promise<OAuthPeer> {
  const app = express();
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mcpUrl = `${origin}/mcp`;
  const codes = new Map<string, { client: OAuthClientInformationFull; params: AuthorizationParams }>();
  const accessTokens = new Map<string, Grant>();
  const refreshTokens = new Map<string, Grant>();
  const ttl = options.accessTtlSeconds ?? 3600;

  const peer: OAuthPeer = {
    origin,
    mcpUrl,
    grants: { authorization_code: 0, refresh_token: 0 },
    registrations: 0,
    revoked: [],
    acceptedBearers: [],
    tokenResources: [],
    expireAccessTokens: () => {
      for (const grant of accessTokens.values()) grant.expiresAt = 0;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };

  function issue(clientId: string, resource: URL | undefined, refresh?: string): OAuthTokens {
    const grant = { clientId, resource: resource?.href, expiresAt: Date.now() + ttl * 1000 };
    const access = token('at');
    accessTokens.set(access, grant);
    const nextRefresh = refresh ?? token('rt');
    refreshTokens.set(nextRefresh, { ...grant, expiresAt: Number.MAX_SAFE_INTEGER });
    return { access_token: access, token_type: 'bearer', expires_in: ttl, ...(refresh ? {} : { refresh_token: nextRefresh }) };
  }

  const provider: OAuthServerProvider = {
    clientsStore: new ClientsStore(() => (peer.registrations += 1)),
    async authorize(client, params, res: Response) {
      if (options.holdAuthorization) return;
      const target = new URL(params.redirectUri);
      if (params.state) target.searchParams.set('state', params.state);
      if (options.denyAuthorization) {
        target.searchParams.set('error', 'access_denied');
        return res.redirect(target.href);
      }
      const code = token('code');
      codes.set(code, { client, params });
      target.searchParams.set('code', code);
      res.redirect(target.href);
    },
    async challengeForAuthorizationCode(_client, code) {
      const entry = codes.get(code);
      if (!entry) throw new InvalidGrantError('Unknown authorization code');
      return entry.params.codeChallenge;
    },
    async exchangeAuthorizationCode(client, code, _verifier, redirectUri, resource) {
      peer.grants.authorization_code += 1;
      peer.tokenResources.push(resource?.href);
      const entry = codes.get(code);
      codes.delete(code);
      if (!entry || entry.client.client_id !== client.client_id) throw new InvalidGrantError('Unknown authorization code');
      if (redirectUri !== entry.params.redirectUri) throw new InvalidGrantError('redirect_uri mismatch');
      return issue(client.client_id, resource);
    },
    async exchangeRefreshToken(client, refreshToken, _scopes, resource) {
      peer.grants.refresh_token += 1;
      if (options.refreshDelayMs) await sleep(options.refreshDelayMs);
      const grant = refreshTokens.get(refreshToken);
      if (!grant || grant.clientId !== client.client_id) throw new InvalidGrantError('Unknown or used refresh token');
      if (options.rotateRefreshTokens === false) return issue(client.client_id, resource, refreshToken);
      refreshTokens.delete(refreshToken);
      return issue(client.client_id, resource);
    },
    async verifyAccessToken(presented) {
      const grant = accessTokens.get(presented);
      if (!grant || grant.expiresAt <= Date.now()) throw new InvalidTokenError('Invalid or expired token');
      return { token: presented, clientId: grant.clientId, scopes: [], expiresAt: Math.floor(grant.expiresAt / 1000), resource: grant.resource ? new URL(grant.resource) : undefined };
    },
    async revokeToken(_client, request: OAuthTokenRevocationRequest) {
      peer.revoked.push(request.token);
      accessTokens.delete(request.token);
      refreshTokens.delete(request.token);
    },
  };

  const noLimit = { rateLimit: false as const };
  if (options.withoutS256) {
    app.get('/.well-known/oauth-authorization-server', (_req, res) => {
      res.json({ issuer: `${origin}/`, authorization_endpoint: `${origin}/authorize`, token_endpoint: `${origin}/token`, registration_endpoint: `${origin}/register`, response_types_supported: ['code'] });
    });
  }
  if (options.resourceOverride) {
    app.get('/.well-known/oauth-protected-resource/mcp', (_req, res) => {
      res.json({ resource: options.resourceOverride, authorization_servers: [`${origin}/`] });
    });
  }
  app.use(
    mcpAuthRouter({
      provider,
      issuerUrl: new URL(`${origin}/`),
      resourceServerUrl: new URL(mcpUrl),
      authorizationOptions: noLimit,
      clientRegistrationOptions: noLimit,
      revocationOptions: noLimit,
      tokenOptions: noLimit,
    }),
  );
  const bearer = requireBearerAuth({ verifier: provider, resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(new URL(mcpUrl)) });
  app.post('/mcp', bearer, express.json(), async (req, res) => {
    if (req.auth) peer.acceptedBearers.push(req.auth.token);
    const mcp = mcpServerFor(req.auth);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  return peer;
}
