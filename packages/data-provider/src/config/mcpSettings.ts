import { z } from 'zod';
import { parseAllowedAddressEntry, parseAllowedDomainEntry, type EntryParseResult } from './mcpSettingsEntries';

function entryList<T>(key: string, parse: (raw: string) => EntryParseResult<T>) {
  return z.array(
    z.string().superRefine((raw, ctx) => {
      const result = parse(raw);
      if (result.ok) return;
      ctx.addIssue({ code: 'custom', message: `${key} entry ${JSON.stringify(raw)} ${result.problem}` });
    }),
  );
}

/**
 * `mcpSettings` of the configuration file: the outbound-URL policy of the SSRF guard. Entries are checked
 * when the configuration loads so that a typo fails start-up instead of silently widening or narrowing access.
 */
export const mcpSettingsSchema = z.strictObject({
  /** When non-empty, a strict whitelist: `[http(s)://]host[:port]`, `*.host` also matching the apex. */
  allowedDomains: entryList('allowedDomains', parseAllowedDomainEntry).optional(),
  /** Private targets that are exempt from the private-address check: `host`, `ip`, `[v6]`, each with optional `:port`. */
  allowedAddresses: entryList('allowedAddresses', parseAllowedAddressEntry).optional(),
});

export type McpSettings = z.infer<typeof mcpSettingsSchema>;
