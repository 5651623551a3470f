import { ErrorCode } from '@mcp-registry/data-provider';
import { ApiError } from '../errors/apiError';

/** An outbound URL or connection refused by the SSRF guard; `reason` is safe to show to the caller. */
export class SSRFBlockedError extends ApiError {
  readonly reason: string;

  constructor(reason: string) {
    super(400, ErrorCode.SsrfBlocked, reason);
    this.reason = reason;
  }
}
