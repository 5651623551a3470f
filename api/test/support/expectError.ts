import type { Response } from 'supertest';
import type { ErrorCode, ErrorEnvelope } from '@mcp-registry/data-provider';

/** Asserts the status and the error envelope (code, message, request id); returns the error for further checks. */
export function expectError(res: Response, status: number, code: ErrorCode): ErrorEnvelope['error'] {
  if (res.status !== status) throw new Error(`Expected ${status} ${code}, got ${res.status}: ${JSON.stringify(res.body)}`);
  const body = res.body as ErrorEnvelope;
  expect(body.error).toEqual(expect.objectContaining({ code, message: expect.any(String), requestId: expect.any(String) }));
  expect(res.headers['x-request-id']).toBe(body.error.requestId);
  return body.error;
}

/** The `details` of a 400, as `field` names (for `expect(...).toContain('email')`). */
export function detailFields(res: Response): string[] {
  const details = (res.body as ErrorEnvelope).error.details as Array<{ field: string }> | undefined;
  return (details ?? []).map((d) => d.field);
}
