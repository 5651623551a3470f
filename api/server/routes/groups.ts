import { Router } from 'express';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { groupController } from '../controllers/groups';
import { can } from '../middleware/checkAccess';
import { validate } from '../middleware/validate';
import { addMemberRules, createGroupRules, groupIdRules, listGroupsRules, removeMemberRules, updateGroupRules } from '../validation/groups';
import type { RouteDeps } from './routeDeps';

const { GROUPS } = PermissionTypes;
const P = Permissions;

export function groupRoutes({ auth, services }: RouteDeps): Router {
  const c = groupController(services);
  const r = Router();
  r.get('/', auth, can(GROUPS, P.READ), validate(listGroupsRules), c.list);
  r.post('/', auth, can(GROUPS, P.CREATE), validate(createGroupRules), c.create);
  r.get('/:id', auth, can(GROUPS, P.READ), validate(groupIdRules), c.get);
  r.patch('/:id', auth, can(GROUPS, P.UPDATE), validate(updateGroupRules), c.update);
  r.delete('/:id', auth, can(GROUPS, P.DELETE), validate(groupIdRules), c.remove);
  r.post('/:id/members', auth, can(GROUPS, P.UPDATE), validate(addMemberRules), c.addMember);
  r.delete('/:id/members/:userId', auth, can(GROUPS, P.UPDATE), validate(removeMemberRules), c.removeMember);
  return r;
}
