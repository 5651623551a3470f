import { randomBytes } from 'node:crypto';
import { DEFAULT_ORGANIZATION_SLUG, SystemRoles } from '@mcp-registry/data-provider';
import { operatorCreateUser } from '@mcp-registry/api';
import type { CommandSpec } from '../command';
import { OptionReader } from '../options';

interface CreateUserArgs {
  org: string;
  email: string;
  name?: string;
  password?: string;
  role: string;
}

export const createUserCommand: CommandSpec<CreateUserArgs> = {
  name: 'create-user',
  summary: 'Create a user in an organisation. Without --password a random one is generated and printed once.',
  options: {
    email: { type: 'string', placeholder: '<email>', description: 'Login email, unique (required)' },
    org: { type: 'string', placeholder: '<slug>', description: `Organisation slug (default: ${DEFAULT_ORGANIZATION_SLUG})` },
    name: { type: 'string', placeholder: '<name>', description: 'Display name' },
    password: { type: 'string', placeholder: '<password>', description: 'Password, 8 to 128 characters' },
    role: { type: 'string', placeholder: '<ROLE>', description: `Role name (default: ${SystemRoles.USER})` },
  },
  notes: ['Example: npm run create-user -- --email ada@example.com --role ADMIN'],
  parse(values) {
    const r = new OptionReader(values);
    return r.done({
      email: r.email('email', true),
      org: r.slug('org', DEFAULT_ORGANIZATION_SLUG),
      name: r.string('name'),
      password: r.password('password'),
      role: r.role('role', false) ?? SystemRoles.USER,
    });
  },
  async run(db, input, out) {
    const password = input.password ?? randomBytes(12).toString('base64url');
    const user = await operatorCreateUser(db.deps, input.org, { email: input.email, name: input.name, password, role: input.role });
    out(`Created user ${user.email} (role ${user.role}, id ${String(user._id)}) in organisation ${input.org}`);
    if (!input.password) out(`Password (shown once): ${password}`);
  },
};
