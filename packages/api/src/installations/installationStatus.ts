import { InstallationStatus } from '@mcp-registry/data-provider';
import type { McpServerRecord } from '@mcp-registry/data-schemas';

/** Names of the variables the server declares that have no value among `provided` (names of the stored values). */
export function missingUserVars(server: Pick<McpServerRecord, 'config'>, provided: readonly string[]): string[] {
  const have = new Set(provided);
  return (server.config.customUserVars ?? []).map((v) => v.name).filter((name) => !have.has(name));
}

/** `needs_configuration` while a declared variable has no value, `active` otherwise. */
export function statusFor(server: Pick<McpServerRecord, 'config'>, provided: readonly string[]): InstallationStatus {
  return missingUserVars(server, provided).length > 0 ? InstallationStatus.NEEDS_CONFIGURATION : InstallationStatus.ACTIVE;
}
