import { McpOAuthCallbackError } from '@mcp-registry/data-provider';

const messages: Record<string, string> = {
  access_denied: 'The sign-in was refused at the server. Try again, and allow access when asked.',
  [McpOAuthCallbackError.FLOW_EXPIRED]: 'The sign-in took too long and expired. Start it again.',
  [McpOAuthCallbackError.CANCELLED]: 'The sign-in was cancelled.',
  [McpOAuthCallbackError.CSRF_VALIDATION_FAILED]: 'The sign-in could not be tied to this browser. Start it again from the Connections page.',
  [McpOAuthCallbackError.INVALID_STATE]: 'The sign-in is unknown or already used. Start it again from the Connections page.',
  [McpOAuthCallbackError.MISSING_CODE]: 'The server sent no authorization code back. Start the sign-in again.',
  [McpOAuthCallbackError.MISSING_STATE]: 'The server sent the sign-in back incomplete. Start it again.',
};

/** What to tell a person about an OAuth flow that failed with `error` (ours or the authorization server's). */
export function oauthErrorMessage(error: string | null | undefined): string {
  if (error && messages[error]) return messages[error];
  return `The sign-in failed${error ? ` (${error})` : ''}. Try again, or ask an administrator to check the server's OAuth settings.`;
}
