import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { checkExact, matchedData, validationResult } from 'express-validator';
import type { ValidationChain, ValidationError as FieldError } from 'express-validator';
import { ValidationError } from '@mcp-registry/api';
import { deepFreeze } from '@mcp-registry/data-schemas';

export interface ValidationDetail {
  field: string;
  location: string;
  message: string;
}

export type InputLocation = 'body' | 'query' | 'params';

export type ValidatedInput = Readonly<Record<InputLocation, Readonly<Record<string, unknown>>>>;

export interface ValidateOptions {
  /**
   * Body fields whose values may stay in memory so that an identical request reuses the outcome. A body with any
   * other field (a secret, say) is validated afresh and never kept. Requests without a body are always reusable.
   */
  reusableBodyFields?: readonly string[];
}

interface Outcome {
  details: ValidationDetail[] | null;
  input: ValidatedInput;
}

const REMEMBERED_OUTCOMES = 500;
const MAX_KEY_LENGTH = 2048;
const LOCATIONS: readonly InputLocation[] = ['body', 'query', 'params'];

function toDetails(error: FieldError): ValidationDetail[] {
  if (error.type === 'field') return [{ field: error.path, location: error.location, message: String(error.msg) }];
  if (error.type === 'unknown_fields') {
    return error.fields.map((f) => ({ field: f.path, location: f.location, message: 'Unknown field' }));
  }
  return [{ field: '', location: 'body', message: String(error.msg) }];
}

function hasObjectBody(req: Request): boolean {
  return req.body === undefined || (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body));
}

function reuseKey(req: Request, reusable: ReadonlySet<string>): string | null {
  const body = req.body as Record<string, unknown> | undefined;
  if (body !== undefined && !Object.keys(body).every((field) => reusable.has(field))) return null;
  const search = req.url.indexOf('?');
  const key = JSON.stringify([req.params, search === -1 ? '' : req.url.slice(search), body ?? null]);
  return key.length <= MAX_KEY_LENGTH ? key : null;
}

function outcomeOf(req: Request): Outcome {
  const result = validationResult(req);
  const details = result.isEmpty() ? null : result.array().flatMap(toDetails);
  const input = { body: {}, query: {}, params: {} } as Record<InputLocation, Record<string, unknown>>;
  for (const location of LOCATIONS) input[location] = matchedData(req, { locations: [location] });
  return deepFreeze({ details, input });
}

function apply(outcome: Outcome, req: Request, next: NextFunction): void {
  if (outcome.details) return next(new ValidationError('Invalid request', outcome.details));
  req.validated = outcome.input;
  next();
}

/**
 * Runs the route's express-validator chains; fields the chains do not name are rejected (body and query).
 * Any problem → one 400 listing every field. Read the result with validInput(). The chains depend on the request's
 * params, query and body only, so the outcome for an identical reusable request is remembered (the chains cost
 * far more than the rest of a cached read).
 */
export function validate(rules: ValidationChain[], options: ValidateOptions = {}): RequestHandler {
  const exact = checkExact(rules, { locations: ['body', 'query'] });
  const reusable = new Set(options.reusableBodyFields ?? []);
  const remembered = new Map<string, Outcome>();
  return async function validateRequest(req: Request, _res: Response, next: NextFunction): Promise<void> {
    if (!hasObjectBody(req)) {
      return next(new ValidationError('Invalid request', [{ field: '', location: 'body', message: 'The body must be a JSON object' }]));
    }
    const key = reuseKey(req, reusable);
    const known = key === null ? undefined : remembered.get(key);
    if (known) return apply(known, req, next);
    await exact.run(req);
    const outcome = outcomeOf(req);
    if (key !== null) {
      remembered.set(key, outcome);
      if (remembered.size > REMEMBERED_OUTCOMES) remembered.delete(remembered.keys().next().value as string);
    }
    apply(outcome, req, next);
  };
}

/** The validated input of one location (set by validate earlier in the route). */
export function validInput<T>(req: Request, location: InputLocation): T {
  if (!req.validated) throw new Error('validInput used on a route without validate()');
  return req.validated[location] as T;
}
