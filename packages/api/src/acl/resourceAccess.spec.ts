import { PermissionBits, PrincipalType, ResourceType } from '@mcp-registry/data-provider';
import { ForbiddenError, NotFoundError } from '../errors/apiError';
import { checkResourceAccess, combineBits, principalsOf } from './resourceAccess';
import type { AclStore, Principal } from './resourceAccess';

const subject = { id: 'u1', organizationId: 'o1', role: 'USER', groupIds: ['g1', 'g2'] };

function storeGranting(grants: Array<[Principal, number]>): AclStore {
  return {
    getEffectiveBits: async ({ principals }) =>
      combineBits(grants.filter(([p]) => principals.some((q) => q.type === p.type && q.id === p.id)).map(([, bits]) => bits)),
  };
}

const check = (store: AclStore, required: number) =>
  checkResourceAccess(store, subject, { resourceType: ResourceType.MCP_SERVER, resourceId: 'r', required, label: 'MCP server' });

describe('resource access', () => {
  it('names the user, each group, the role and public as principals', () => {
    expect(principalsOf(subject)).toEqual([
      { type: PrincipalType.USER, id: 'u1' },
      { type: PrincipalType.GROUP, id: 'g1' },
      { type: PrincipalType.GROUP, id: 'g2' },
      { type: PrincipalType.ROLE, id: 'USER' },
      { type: PrincipalType.PUBLIC },
    ]);
  });

  it('ORs the bits of all principals', async () => {
    const store = storeGranting([
      [{ type: PrincipalType.GROUP, id: 'g2' }, PermissionBits.VIEW],
      [{ type: PrincipalType.ROLE, id: 'USER' }, PermissionBits.EDIT],
    ]);
    await expect(check(store, PermissionBits.EDIT)).resolves.toBe(PermissionBits.VIEW | PermissionBits.EDIT);
  });

  it('answers not found without VIEW and forbidden with VIEW but not the required bit', async () => {
    await expect(check(storeGranting([[{ type: PrincipalType.PUBLIC }, PermissionBits.EDIT]]), PermissionBits.EDIT)).rejects.toThrow(NotFoundError);
    await expect(check(storeGranting([[{ type: PrincipalType.PUBLIC }, PermissionBits.VIEW]]), PermissionBits.DELETE)).rejects.toThrow(ForbiddenError);
  });
});
