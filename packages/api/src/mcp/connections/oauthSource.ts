import type { Actor } from '../../auth/actor';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { ConnectTarget } from './connectTarget';

/** A started authorization: where the browser goes, and the CSRF cookie value that must accompany its callback. */
export interface StartedAuthorization {
  authorizationUrl: string;
  csrfToken: string;
}

/**
 * The seam between connections and OAuth (`mcp/oauth/`). The manager asks for headers at connect time only and
 * never stores them beyond the live transport. Implementations keep flows and tokens in MongoDB, refresh under a
 * lease, and are never asked for a connection made with the installation's own credentials (`userId: null`).
 */
export interface McpOAuthSource {
  /**
   * `Authorization` (or other) headers carrying the user's current access token for this installation, refreshed
   * when needed; null when the user has no usable grant (the server may then answer 401 → `needs_auth`).
   */
  resolveOAuthHeaders(target: ConnectTarget & { userId: string }): Promise<Record<string, string> | null>;
  /**
   * A wrapper for the transport's fetch that carries the user's access token on every request (refreshing it when it
   * is about to expire, and after a 401); null when the user holds no usable grant.
   */
  transportFetch?(target: ConnectTarget & { userId: string }): Promise<((fetch: FetchLike) => FetchLike) | null>;
  /** Starts a flow for the caller (reinitialize's `oauthUrl` and the cookie the route sets). */
  startAuthorization?(actor: Actor, target: ConnectTarget & { userId: string }): Promise<StartedAuthorization>;
}
