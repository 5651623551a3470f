import { body, query } from 'express-validator';
import { idParam, listQuery, objectIdBody } from './common';

export const listApiKeysRules = [...listQuery(), query('userId').optional().isMongoId().withMessage('Must be an ObjectId')];

export const createApiKeyRules = [
  body('name').exists().withMessage('Required').bail().isString().withMessage('Must be a string').trim().isLength({ min: 1, max: 100 }).withMessage('1 to 100 characters'),
  body('expiresAt')
    .optional()
    .isISO8601({ strict: true })
    .withMessage('Must be an ISO 8601 date-time')
    .bail()
    .custom((v: string) => new Date(v).getTime() > Date.now())
    .withMessage('Must be in the future'),
  objectIdBody('userId').optional(),
];

export const apiKeyIdRules = [idParam()];
