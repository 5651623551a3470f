import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@mcp-registry/data-provider';
import type { ErrorEnvelope } from '@mcp-registry/data-provider';
import { ApiError } from '@mcp-registry/api';
import { InvalidCursorError, isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { Logger } from '@mcp-registry/data-schemas';
import { loggablePath } from './loggablePath';

interface HttpLikeError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  name?: unknown;
}

/** What a library's 4xx (the router, the body parser) becomes; statuses without a code of their own become 400. */
const clientErrors: Record<number, [ErrorCode, string]> = {
  400: [ErrorCode.ValidationFailed, 'Malformed request'],
  401: [ErrorCode.Unauthenticated, 'Authentication required'],
  403: [ErrorCode.Forbidden, 'You do not have permission to do this'],
  404: [ErrorCode.NotFound, 'Not found'],
  409: [ErrorCode.Conflict, 'Conflict'],
  413: [ErrorCode.PayloadTooLarge, 'Request body is larger than 1 MB'],
  415: [ErrorCode.UnsupportedMediaType, 'The body must be JSON in UTF-8, without a content encoding other than gzip, deflate or br'],
  429: [ErrorCode.RateLimited, 'Too many requests, try again later'],
};

const messagesByType: Record<string, string> = {
  'entity.parse.failed': 'Malformed JSON body',
  'request.aborted': 'The request body ended early',
  'request.size.invalid': 'The request body does not match its Content-Length',
};

function statusOf(e: HttpLikeError): number | null {
  const status = e.status ?? e.statusCode;
  return typeof status === 'number' && Number.isInteger(status) ? status : null;
}

/** Errors that are not ApiErrors but have a known meaning for the client. */
function translate(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidCursorError) {
    return new ApiError(400, ErrorCode.ValidationFailed, 'Invalid request', [{ field: 'after', location: 'query', message: error.message }]);
  }
  if (isDuplicateKeyError(error)) return new ApiError(409, ErrorCode.Conflict, 'The resource already exists');
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  if (e.name === 'CastError') return new ApiError(400, ErrorCode.ValidationFailed, 'Invalid identifier');
  const status = statusOf(e);
  if (status === null || status < 400 || status >= 500) return null;
  if (e.name === 'URIError') return new ApiError(400, ErrorCode.ValidationFailed, 'Malformed percent-encoding in the URL path');
  const [code, message] = clientErrors[status] ?? (clientErrors[400] as [ErrorCode, string]);
  const typed = typeof e.type === 'string' ? messagesByType[e.type] : undefined;
  return new ApiError(clientErrors[status] ? status : 400, code, typed ?? message);
}

/** RFC 6750: a 401 names the scheme that would succeed (MCP clients look for it on the gateway). */
const BEARER_CHALLENGE = 'Bearer realm="mcp-registry"';

/** The fields of a fault worth logging: never the error object itself, whose own properties may hold request data. */
function faultOf(error: unknown): { error: string; stack?: string } {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}

/**
 * The one place that writes error bodies. Unknown errors are faults: 500 with a fixed message, logged once with
 * the request id and the stack.
 */
export function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return function errorHandlerMiddleware(error: unknown, req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) return next(error);
    const known = translate(error);
    if (!known) {
      const path = loggablePath(req.originalUrl);
      logger.error('[http] unhandled error', { requestId: req.id, method: req.method, path, ...faultOf(error) });
    }
    const apiError = known ?? new ApiError(500, ErrorCode.Internal, 'Internal server error');
    const body: ErrorEnvelope = {
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.details !== undefined ? { details: apiError.details } : {}),
        requestId: req.id,
      },
    };
    if (apiError.status === 401) res.setHeader('WWW-Authenticate', BEARER_CHALLENGE);
    res.status(apiError.status).json(body);
  };
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new ApiError(404, ErrorCode.NotFound, `No route for ${req.method} ${req.path}`));
}
