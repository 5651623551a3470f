import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { validationResult } from 'express-validator';
import type { ValidationChain, ValidationError as FieldError } from 'express-validator';
import { ValidationError } from '@mcp-registry/api';
import { declaredFields, undeclaredInput } from './declaredFields';
import { unsafeText } from './safeText';

export interface ValidationDetail {
  field: string;
  location: string;
  message: string;
}

function toDetails(error: FieldError): ValidationDetail[] {
  if (error.type === 'field') return [{ field: error.path, location: error.location, message: String(error.msg) }];
  return [{ field: '', location: 'body', message: String(error.msg) }];
}

/** Text no storage or pattern takes (validators themselves may throw on it): refused before any chain runs. */
function unsafeInput(req: Request): ValidationDetail[] {
  return [...unsafeText('params', req.params), ...unsafeText('query', req.query), ...unsafeText('body', req.body)];
}

const isWithin = (field: string, parent: string) => field === parent || field.startsWith(`${parent}.`) || field.startsWith(`${parent}[`);

/** Chain errors, then undeclared fields and lists; a chain's complaint about the same field or something inside it adds nothing. */
function allDetails(undeclared: ValidationDetail[], chains: ValidationDetail[]): ValidationDetail[] {
  const rest = chains.filter((d) => !undeclared.some((u) => u.location === d.location && isWithin(d.field, u.field)));
  return [...rest, ...undeclared];
}

/**
 * Runs the route's express-validator chains. Body and query may hold only the fields the chains name, and a list
 * only where a chain names its elements (`members.*`); strings must be text (no NUL, no unpaired surrogate).
 * Any problem → one 400 listing every field. Read the result with matchedData().
 */
export function validate(rules: ValidationChain[]): RequestHandler {
  const declared = declaredFields(rules);
  return async function validateRequest(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (req.body !== undefined && (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))) {
      return next(new ValidationError('Invalid request', [{ field: '', location: 'body', message: 'The body must be a JSON object' }]));
    }
    const unsafe = unsafeInput(req);
    if (unsafe.length > 0) return next(new ValidationError('Invalid request', unsafe));
    const undeclared = [...undeclaredInput(declared, 'body', req.body), ...undeclaredInput(declared, 'query', req.query)];
    await Promise.all(rules.map((rule) => rule.run(req)));
    const details = allDetails(undeclared, validationResult(req).array().flatMap(toDetails));
    if (details.length === 0) return next();
    next(new ValidationError('Invalid request', details));
  };
}
