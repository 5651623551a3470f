import type { InstallationRecord, McpServerRecord } from '@mcp-registry/data-schemas';

/** What a connection is made for: one installation of one catalog server, with one set of credentials. */
export interface ConnectTarget {
  installation: Pick<InstallationRecord, '_id' | 'organizationId' | 'catalogId' | 'serverName' | 'scope' | 'ownerId'>;
  /** The catalog server as stored (secrets still sealed); its `version` dates the connection. */
  server: Pick<McpServerRecord, '_id' | 'serverName' | 'version' | 'config'>;
  /**
   * Whose credentials: a user's (their variables over the installation's, and their OAuth grant), or null for the
   * variables stored on the installation at install time only (an installation admin inspecting someone's install).
   */
  userId: string | null;
}

/** Connections are keyed by (installation, user); the installation's own credentials are a key of their own. */
export function connectionKey(installationId: unknown, userId: string | null): string {
  return `${String(installationId)}:${userId ?? 'installation'}`;
}
