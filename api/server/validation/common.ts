import { body, param, query } from 'express-validator';
import type { ValidationChain } from 'express-validator';
import { LIST_MAX_LIMIT } from '@mcp-registry/data-provider';
import { isValidCursor } from '@mcp-registry/data-schemas';

/** `:id` (or another path parameter) must be an ObjectId: a malformed one is 400, never a CastError. */
export const idParam = (name = 'id'): ValidationChain => param(name).isMongoId().withMessage('Must be an ObjectId');

export const objectIdBody = (name: string): ValidationChain => body(name).isMongoId().withMessage('Must be an ObjectId');

/** `?limit=1..100&after=<cursor>` of every list endpoint. */
export const listQuery = (): ValidationChain[] => [
  query('limit').optional().isInt({ min: 1, max: LIST_MAX_LIMIT }).withMessage(`Must be an integer from 1 to ${LIST_MAX_LIMIT}`).toInt(),
  query('after').optional().isString().custom((v: string) => isValidCursor(v)).withMessage('Invalid cursor'),
];

export const searchQuery = (): ValidationChain =>
  query('search').optional().isString().withMessage('Must be a string').trim().isLength({ max: 100 }).withMessage('At most 100 characters');

/** A boolean query flag: `true`, `false`, `1` or `0` (as the OpenAPI document's boolean query parameters say); read as a boolean. */
export const booleanQuery = (name: string): ValidationChain =>
  query(name).optional().isBoolean().withMessage('true, false, 1 or 0').toBoolean(true);

/** An object (not a list, not null). Its keys are checked like every field: each must be declared by a chain. */
export function plainObject(value: unknown): true {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Must be an object');
  return true;
}

/** No body fields and no query parameters: whatever is sent is refused as unknown. */
export const noInput: ValidationChain[] = [];
