import { DEFAULT_ORGANIZATION_SLUG, LIST_MAX_LIMIT } from '@mcp-registry/data-provider';
import { operatorListUsers, toUserDto } from '@mcp-registry/api';
import type { CommandSpec } from '../command';
import { OptionReader } from '../options';

interface ListUsersArgs {
  org: string;
  limit?: number;
  search?: string;
  after?: string;
  json: boolean;
}

export const listUsersCommand: CommandSpec<ListUsersArgs> = {
  name: 'list-users',
  summary: 'List the users of an organisation, newest first.',
  options: {
    org: { type: 'string', placeholder: '<slug>', description: `Organisation slug (default: ${DEFAULT_ORGANIZATION_SLUG})` },
    search: { type: 'string', placeholder: '<prefix>', description: 'Only emails or names starting with this' },
    limit: { type: 'string', placeholder: '<n>', description: `Page size, 1 to ${LIST_MAX_LIMIT} (default 20)` },
    after: { type: 'string', placeholder: '<cursor>', description: 'Cursor printed by the previous page' },
    json: { type: 'boolean', description: 'Print JSON ({ data, has_more, after }) instead of a table' },
  },
  parse(values) {
    const r = new OptionReader(values);
    return r.done({
      org: r.slug('org', DEFAULT_ORGANIZATION_SLUG),
      limit: r.integer('limit', 1, LIST_MAX_LIMIT),
      search: r.string('search'),
      after: r.string('after'),
      json: r.flag('json'),
    });
  },
  async run(db, input, out) {
    const page = await operatorListUsers(db.deps, input.org, { limit: input.limit, search: input.search, after: input.after });
    const users = page.data.map(toUserDto);
    if (input.json) {
      out(JSON.stringify({ data: users, has_more: page.has_more, after: page.after }, null, 2));
      return;
    }
    const rows = [['EMAIL', 'ROLE', 'NAME', 'ID'], ...users.map((u) => [u.email, u.role, u.name, u.id])];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
    rows.forEach((row) => out(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ')));
    if (users.length === 0) out('(no users)');
    if (page.has_more) out(`More: npm run list-users -- --org ${input.org} --after ${page.after}`);
  },
};
