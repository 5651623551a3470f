import { MCP_DEFAULT_SERVER_NAME, McpServerLimits } from '@mcp-registry/data-provider';

/** Room left for a `-<n>` suffix within the maximum name length. */
const BASE_MAX = McpServerLimits.SERVER_NAME_MAX - 6;

/**
 * The slug of a title: accents folded, lowercase, runs of anything outside `[a-z0-9]` collapsed to one dash,
 * no dash at either end; `mcp-server` when nothing is left.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, BASE_MAX)
    .replace(/-+$/, '');
  return slug || MCP_DEFAULT_SERVER_NAME;
}

/** `base` when free, else the first free `base-<n>` from 2 on. */
export function firstFreeName(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
