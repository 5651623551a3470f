import { createOrganization } from '@mcp-registry/api';
import type { CommandSpec } from '../command';
import { OptionReader } from '../options';

export const createOrgCommand: CommandSpec<{ name: string; slug: string }> = {
  name: 'create-org',
  summary: 'Create an organisation with its ADMIN and USER roles.',
  options: {
    name: { type: 'string', placeholder: '<name>', description: 'Display name, e.g. "Acme Corp" (required)' },
    slug: { type: 'string', placeholder: '<slug>', description: 'Unique short name, e.g. acme (default: derived from --name)' },
  },
  notes: ['Example: npm run create-org -- --name "Acme Corp" --slug acme'],
  parse(values) {
    const r = new OptionReader(values);
    const name = r.string('name', true) ?? '';
    const derived = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 64).replace(/^-+|-+$/g, '');
    const slug = values.slug === undefined && derived ? derived : r.slug('slug');
    return r.done({ name, slug });
  },
  async run(db, input, out) {
    const organization = await createOrganization(db.deps, input);
    out(`Created organisation "${organization.name}" (slug ${organization.slug}, id ${String(organization._id)})`);
  },
};
