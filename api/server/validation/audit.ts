import { query } from 'express-validator';
import { listQuery } from './common';

export const listAuditRules = [
  ...listQuery(),
  query('action').optional().isString().withMessage('Must be a string').isLength({ max: 64 }),
  query('actorId').optional().isMongoId().withMessage('Must be an ObjectId'),
];
