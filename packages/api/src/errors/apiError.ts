import { ErrorCode } from '@mcp-registry/data-provider';
import type { ErrorDetail } from '@mcp-registry/data-provider';

/** Every error meant for a client carries its status and stable code; only the error handler renders it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends ApiError {
  constructor(message: string, details?: readonly ErrorDetail[]) {
    super(400, ErrorCode.ValidationFailed, message, details);
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'Authentication required') {
    super(401, ErrorCode.Unauthenticated, message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'You do not have permission to do this') {
    super(403, ErrorCode.Forbidden, message);
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(404, ErrorCode.NotFound, `${what} not found`);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, details?: readonly ErrorDetail[]) {
    super(409, ErrorCode.Conflict, message, details);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(message = 'Request body is too large') {
    super(413, ErrorCode.PayloadTooLarge, message);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(message: string) {
    super(415, ErrorCode.UnsupportedMediaType, message);
  }
}

export class RateLimitedError extends ApiError {
  constructor(message = 'Too many requests, try again later') {
    super(429, ErrorCode.RateLimited, message);
  }
}

export class UpstreamUnavailableError extends ApiError {
  constructor(message: string) {
    super(502, ErrorCode.UpstreamUnavailable, message);
  }
}

export class SecretReentryRequiredError extends ApiError {
  constructor(message: string, details?: readonly ErrorDetail[]) {
    super(400, ErrorCode.SecretReentryRequired, message, details);
  }
}

/**
 * The MCP server needs credentials the caller has not given: the variables named in `missing` (set them with
 * PUT …/auth-values), or an OAuth grant. Each is one detail, so a client can tell which.
 */
export class AuthRequiredError extends ApiError {
  constructor(
    message: string,
    readonly requirement: { oauth: boolean; missing: readonly string[] },
  ) {
    const variables = requirement.missing.map((field) => ({ field, location: 'auth-values', message: 'Not set' }));
    const oauth = requirement.oauth ? [{ field: 'oauth', location: 'oauth', message: 'Authorization required' }] : [];
    super(409, ErrorCode.AuthRequired, message, [...variables, ...oauth]);
  }
}
