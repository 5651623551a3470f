import createClient from 'openapi-fetch';
import type { components, paths } from './schema.gen';
import { refreshSession, sessionStore } from './session';

export type Schemas = components['schemas'];

const withToken = (request: Request, token: string | undefined): Request => {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
};

/** Adds the access token; on a 401 refreshes the session once through the cookie and repeats the request. */
async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await fetch(withToken(request, sessionStore.get()?.token));
  if (response.status !== 401 || new URL(request.url).pathname.startsWith('/api/auth/')) return response;
  const session = await refreshSession();
  if (!session) return response;
  return fetch(withToken(retry, session.token));
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authorizedFetch });
