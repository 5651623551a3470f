import { PrincipalType } from '@mcp-registry/data-provider';
import { principalsOf } from './principals';

const subject = { id: 'u1', organizationId: 'o1', role: 'USER', groupIds: ['g1', 'g2'] };

describe('ACL principals', () => {
  it('names the user, each group, the role and public as principals', () => {
    expect(principalsOf(subject)).toEqual([
      { type: PrincipalType.USER, id: 'u1' },
      { type: PrincipalType.GROUP, id: 'g1' },
      { type: PrincipalType.GROUP, id: 'g2' },
      { type: PrincipalType.ROLE, id: 'USER' },
      { type: PrincipalType.PUBLIC },
    ]);
  });
});
