import { body } from 'express-validator';
import { GroupMemberRole } from '@mcp-registry/data-provider';
import { idParam, listQuery, searchQuery } from './common';

const memberRoles = Object.values(GroupMemberRole);
const name = () => body('name').isString().withMessage('Must be a string').trim().isLength({ min: 1, max: 100 }).withMessage('1 to 100 characters');
const description = () =>
  body('description').optional().isString().withMessage('Must be a string').isLength({ max: 1000 }).withMessage('At most 1000 characters');

export const listGroupsRules = [...listQuery(), searchQuery()];

export const createGroupRules = [
  body('name').exists().withMessage('Required'),
  name(),
  description(),
  body('members').optional().isArray({ max: 1000 }).withMessage('Must be an array'),
  body('members.*.userId').isMongoId().withMessage('Must be an ObjectId'),
  body('members.*.role').optional().isIn(memberRoles).withMessage(`One of ${memberRoles.join(', ')}`),
];

export const groupIdRules = [idParam()];

export const updateGroupRules = [idParam(), name().optional(), description()];

export const addMemberRules = [
  idParam(),
  body('userId').exists().withMessage('Required').bail().isMongoId().withMessage('Must be an ObjectId'),
  body('role').optional().isIn(memberRoles).withMessage(`One of ${memberRoles.join(', ')}`),
];

export const removeMemberRules = [idParam(), idParam('userId')];
