/** OAuth callback parameters: an authorization code and its state are credentials while the flow is open. */
const OAUTH_QUERY_SECRETS = /([?&](?:code|state)=)[^&#]*/g;

/** The request URL as logs may show it. */
export function loggablePath(url: string): string {
  return url.includes('?') ? url.replace(OAUTH_QUERY_SECRETS, '$1[REDACTED]') : url;
}
