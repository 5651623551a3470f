import { errorResponse } from './helpers';
import type { OpenApiOperation } from './types';

const byStatus = ([a]: [string, unknown], [b]: [string, unknown]): number => (a === 'default' ? 1 : b === 'default' ? -1 : a.localeCompare(b));

/** Security requirements that are all non-empty: the caller must present one of them. */
const isAuthenticated = (op: OpenApiOperation): boolean =>
  op.security.length > 0 && op.security.every((requirement) => Object.keys(requirement).length > 0);

/**
 * The responses every operation of this service has, whether or not its module lists them: 400 (any request may
 * carry a malformed JSON body or an undeclared field), 401 when authentication is required, 413 with a body, and `default`.
 */
function impliedErrors(op: OpenApiOperation): number[] {
  const statuses = [400];
  if (isAuthenticated(op)) statuses.push(401);
  if (op.requestBody) statuses.push(413);
  return statuses;
}

/** An operation as it appears in the document: tagged with its module's tag and with the implied error responses. */
export function completeOperation(op: OpenApiOperation, tag: string): OpenApiOperation {
  const responses = { ...op.responses };
  for (const status of impliedErrors(op)) responses[String(status)] ??= errorResponse(status);
  responses.default ??= errorResponse('default');
  return { ...op, tags: op.tags ?? [tag], responses: Object.fromEntries(Object.entries(responses).sort(byStatus)) };
}
