import { ErrorCode } from '@mcp-registry/data-provider';
import { ApiError } from '../../errors/apiError';

/** The authorization server lacks what the MCP authorization spec requires; `message` says what. */
export class OAuthUnsupportedError extends ApiError {
  constructor(reason: string) {
    super(502, ErrorCode.OAuthUnsupported, reason);
  }
}

/** The user holds no usable OAuth tokens for the installation (none, or the provider refused the refresh). */
export class OAuthNeedsAuthError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OAuthNeedsAuthError';
  }
}
