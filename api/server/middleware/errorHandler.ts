import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@mcp-registry/data-provider';
import type { ErrorEnvelope } from '@mcp-registry/data-provider';
import { ApiError, PayloadTooLargeError } from '@mcp-registry/api';
import { InvalidCursorError, isDuplicateKeyError } from '@mcp-registry/data-schemas';
import type { Logger } from '@mcp-registry/data-schemas';
import { loggablePath } from './loggablePath';

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  name?: string;
}

/** Errors that are not ApiErrors but have a known meaning for the client. */
function translate(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof InvalidCursorError) {
    return new ApiError(400, ErrorCode.ValidationFailed, 'Invalid request', [{ field: 'after', location: 'query', message: error.message }]);
  }
  if (isDuplicateKeyError(error)) return new ApiError(409, ErrorCode.Conflict, 'The resource already exists');
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpLikeError;
  if (e.type === 'entity.too.large') return new PayloadTooLargeError('Request body is larger than 1 MB');
  if (e.type === 'entity.parse.failed') return new ApiError(400, ErrorCode.ValidationFailed, 'Malformed JSON body');
  if (e.name === 'CastError') return new ApiError(400, ErrorCode.ValidationFailed, 'Invalid identifier');
  const status = e.status ?? e.statusCode;
  if (e.expose && status && status >= 400 && status < 500) return new ApiError(400, ErrorCode.ValidationFailed, 'Malformed request');
  return null;
}

/** The one place that writes error bodies. Unknown errors: 500, fixed message, logged once with the request id. */
export function errorHandler(logger: Logger) {
  // Express recognises error handlers by their four parameters.
  return function errorHandlerMiddleware(error: unknown, req: Request, res: Response, next: NextFunction): void {
    if (res.headersSent) return next(error);
    const known = translate(error);
    if (!known) logger.error('[http] unhandled error', { requestId: req.id, method: req.method, path: loggablePath(req.originalUrl), error });
    const apiError = known ?? new ApiError(500, ErrorCode.Internal, 'Internal server error');
    const body: ErrorEnvelope = {
      error: {
        code: apiError.code,
        message: apiError.message,
        ...(apiError.details !== undefined ? { details: apiError.details } : {}),
        requestId: req.id,
      },
    };
    res.status(apiError.status).json(body);
  };
}

export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new ApiError(404, ErrorCode.NotFound, `No route for ${req.method} ${req.path}`));
}
