import { body } from 'express-validator';
import { PASSWORD_MAX_LENGTH } from '@mcp-registry/data-provider';
import { email } from './users';

export const loginRules = [
  email(),
  body('password')
    .exists()
    .withMessage('Required')
    .bail()
    .isString()
    .withMessage('Must be a string')
    .isLength({ min: 1, max: PASSWORD_MAX_LENGTH })
    .withMessage('Must not be empty'),
];
