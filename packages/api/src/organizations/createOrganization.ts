import { AuditAction } from '@mcp-registry/data-provider';
import { isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { IOrganization, Methods } from '@mcp-registry/data-schemas';
import { ConflictError } from '../errors/apiError';
import { recordAudit } from '../audit/recordAudit';
import type { AuditDeps } from '../audit/recordAudit';

export type OrganizationDeps = Pick<Methods, 'createOrganization' | 'ensureOrganization' | 'seedSystemRoles'> & AuditDeps;

/** A new organisation with its ADMIN and USER roles; a taken slug is a 409. */
export async function createOrganization(deps: OrganizationDeps, input: { name: string; slug: string }): Promise<IOrganization> {
  let organization: IOrganization;
  try {
    organization = await deps.createOrganization(input);
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new ConflictError(`An organisation with slug "${input.slug}" already exists`);
    throw error;
  }
  await deps.seedSystemRoles(organization._id);
  await recordAudit(deps, null, {
    action: AuditAction.ORGANIZATION_CREATE,
    organizationId: String(organization._id),
    targetType: 'organization',
    targetId: String(organization._id),
    details: { slug: organization.slug },
  });
  return organization;
}

/** The organisation with `slug`, created (with roles) when missing; safe to run at every start. */
export async function ensureOrganization(deps: OrganizationDeps, input: { name: string; slug: string }) {
  const result = await deps.ensureOrganization(input);
  await deps.seedSystemRoles(result.organization._id);
  return result;
}
