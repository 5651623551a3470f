import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { checkExact, validationResult } from 'express-validator';
import type { ValidationChain, ValidationError as FieldError } from 'express-validator';
import { ValidationError } from '@mcp-registry/api';

export interface ValidationDetail {
  field: string;
  location: string;
  message: string;
}

function toDetails(error: FieldError): ValidationDetail[] {
  if (error.type === 'field') return [{ field: error.path, location: error.location, message: String(error.msg) }];
  if (error.type === 'unknown_fields') {
    return error.fields.map((f) => ({ field: f.path, location: f.location, message: 'Unknown field' }));
  }
  return [{ field: '', location: 'body', message: String(error.msg) }];
}

/**
 * Runs the route's express-validator chains; fields the chains do not name are rejected (body and query).
 * Any problem → one 400 listing every field. Read the result with matchedData().
 */
export function validate(rules: ValidationChain[]): RequestHandler {
  const exact = checkExact(rules, { locations: ['body', 'query'] });
  return async function validateRequest(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
      return next(new ValidationError('Invalid request', [{ field: '', location: 'body', message: 'The body must be a JSON object' }]));
    }
    await exact.run(req);
    const result = validationResult(req);
    if (result.isEmpty()) return next();
    next(new ValidationError('Invalid request', result.array().flatMap(toDetails)));
  };
}
