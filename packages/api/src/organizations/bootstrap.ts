import { randomBytes } from 'node:crypto';
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ORGANIZATION_SLUG, SystemRoles } from '@mcp-registry/data-provider';
import type { IOrganization, Methods, UserRecord } from '@mcp-registry/data-schemas';
import { createUserAccount } from '../users/createUser';
import type { CreateUserDeps } from '../users/createUser';
import { ensureOrganization } from './createOrganization';
import type { OrganizationDeps } from './createOrganization';

export type BootstrapDeps = OrganizationDeps & CreateUserDeps & Pick<Methods, 'countUsers'>;

export interface BootstrapResult {
  organization: IOrganization;
  /** Set when this start created the first admin. */
  admin?: UserRecord;
  /** Set when the admin's password was generated (print it once). */
  generatedPassword?: string;
}

/**
 * Zero-setup: the default organisation (with its roles) always exists; on an empty database the first admin is
 * created from ADMIN_EMAIL / ADMIN_PASSWORD, or with a random password.
 */
export async function bootstrap(deps: BootstrapDeps, input: { adminEmail?: string; adminPassword?: string }): Promise<BootstrapResult> {
  const { organization } = await ensureOrganization(deps, { name: 'Default organisation', slug: DEFAULT_ORGANIZATION_SLUG });
  if ((await deps.countUsers()) > 0) return { organization };
  const generatedPassword = input.adminPassword ? undefined : randomBytes(12).toString('base64url');
  const admin = await createUserAccount(deps, String(organization._id), {
    email: input.adminEmail ?? DEFAULT_ADMIN_EMAIL,
    name: 'Administrator',
    password: input.adminPassword ?? (generatedPassword as string),
    role: SystemRoles.ADMIN,
  });
  return { organization, admin, generatedPassword };
}
