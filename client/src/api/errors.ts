import type { ErrorEnvelope } from '@mcp-registry/data-provider';

/** An error answered by the API, with the envelope's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ErrorEnvelope).error?.message === 'string';
}

function toApiError(error: unknown, response: Response): ApiError {
  if (isEnvelope(error)) return new ApiError(response.status, error.error.code, error.error.message, error.error.details);
  return new ApiError(response.status, 'HTTP_ERROR', `The server answered ${response.status} ${response.statusText}`.trim());
}

/** The data of a successful call; an error response becomes an ApiError carrying the envelope's message. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}

/** Like unwrap, with the HTTP status (an install answers 201 when created, 200 when it already existed). */
export async function unwrapWithStatus<T>(call: Promise<ApiResult<T>>): Promise<{ data: T; status: number }> {
  const result = await call;
  return { data: await unwrap(Promise.resolve(result)), status: result.response.status };
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  return error instanceof Error ? error.message : 'Something went wrong.';
}
