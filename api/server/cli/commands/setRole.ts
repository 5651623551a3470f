import { operatorSetRole } from '@mcp-registry/api';
import type { CommandSpec } from '../command';
import { OptionReader } from '../options';

export const setRoleCommand: CommandSpec<{ email: string; role: string }> = {
  name: 'set-role',
  summary: "Change a user's role (the role must exist in the user's organisation).",
  options: {
    email: { type: 'string', placeholder: '<email>', description: 'The user (required)' },
    role: { type: 'string', placeholder: '<ROLE>', description: 'New role, e.g. ADMIN or USER (required)' },
  },
  notes: ['Example: npm run set-role -- --email ada@example.com --role ADMIN'],
  parse(values) {
    const r = new OptionReader(values);
    return r.done({ email: r.email('email', true), role: r.role('role', true) ?? '' });
  },
  async run(db, input, out) {
    const user = await operatorSetRole(db.deps, input.email, input.role);
    out(`${user.email} now has role ${user.role}`);
  },
};
