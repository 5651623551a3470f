import { body } from 'express-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@mcp-registry/data-provider';
import { idParam, listQuery, searchQuery } from './common';

export const email = () =>
  body('email').exists().withMessage('Required').bail().isString().withMessage('Must be a string').trim().isEmail().withMessage('Must be an email address').toLowerCase();
const roleName = () => body('role').optional().isString().withMessage('Must be a string').trim().notEmpty().withMessage('Must not be empty');
const name = () => body('name').optional().isString().withMessage('Must be a string').trim().isLength({ max: 100 }).withMessage('At most 100 characters');

export const listUsersRules = [...listQuery(), searchQuery()];

export const createUserRules = [
  email(),
  body('password')
    .exists()
    .withMessage('Required')
    .bail()
    .isString()
    .withMessage('Must be a string')
    .isLength({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
    .withMessage(`Must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`),
  name(),
  roleName(),
];

export const userIdRules = [idParam()];

export const updateUserRules = [idParam(), name(), roleName()];
