/** Stable error codes of the error envelope (DESIGN.md §4). Add one only with a reason. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A body in a media type, charset or content encoding the API does not read (it reads UTF-8 JSON). */
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  RateLimited: 'RATE_LIMITED',
  UpstreamUnavailable: 'UPSTREAM_UNAVAILABLE',
  Internal: 'INTERNAL',
  /** A user-controlled outbound URL was refused by the SSRF guard. */
  SsrfBlocked: 'SSRF_BLOCKED',
  /** A change to where a secret is sent was made without supplying the secret again. */
  SecretReentryRequired: 'SECRET_REENTRY_REQUIRED',
  /** An MCP server's authorization server lacks what the MCP authorization spec requires (e.g. PKCE S256). */
  OAuthUnsupported: 'OAUTH_UNSUPPORTED',
  /** An MCP server needs credentials (custom user variables, an API key or OAuth) the caller has not provided. */
  AuthRequired: 'AUTH_REQUIRED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with the input: which field, where it was (body, query, params) and what is wrong. */
export interface ErrorDetail {
  field: string;
  location: string;
  message: string;
}

/** The one error body every failing request gets. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: readonly ErrorDetail[]; requestId: string };
}
