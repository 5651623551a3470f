import { operatorCreateApiKey } from '@mcp-registry/api';
import type { CommandSpec } from '../command';
import { OptionReader } from '../options';

const DAY_MS = 24 * 60 * 60 * 1000;

export const createApiKeyCommand: CommandSpec<{ email: string; name: string; expiresInDays?: number }> = {
  name: 'create-api-key',
  summary: 'Create an API key for a user; the key is printed once (use it as Authorization: Bearer <key>).',
  options: {
    email: { type: 'string', placeholder: '<email>', description: 'The key owner (required)' },
    name: { type: 'string', placeholder: '<name>', description: 'What the key is for, e.g. "ci" (required)' },
    'expires-in-days': { type: 'string', placeholder: '<days>', description: 'Expiry, 1 to 3650 days (default: never)' },
  },
  notes: ['Example: npm run create-api-key -- --email ada@example.com --name ci --expires-in-days 90'],
  parse(values) {
    const r = new OptionReader(values);
    const name = r.string('name', true) ?? '';
    if (name.length > 100) r.problems.push('--name must be at most 100 characters');
    return r.done({ email: r.email('email', true), name, expiresInDays: r.integer('expires-in-days', 1, 3650) });
  },
  async run(db, input, out) {
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : undefined;
    const { apiKey, key, user } = await operatorCreateApiKey(db.deps, input.email, { name: input.name, expiresAt });
    out(`Created API key "${apiKey.name}" (prefix ${apiKey.prefix}, id ${String(apiKey._id)}) for ${user.email}`);
    if (expiresAt) out(`Expires: ${expiresAt.toISOString()}`);
    out(`Key (shown once): ${key}`);
  },
};
