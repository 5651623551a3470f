import type { components } from './schema.gen';

export type User = components['schemas']['User'];

export interface Session {
  token: string;
  user: User;
}

type Listener = (session: Session | null) => void;

let current: Session | null = null;
const listeners = new Set<Listener>();

/** The access token lives only in memory; the refresh token is an httpOnly cookie the page never sees. */
export const sessionStore = {
  get: (): Session | null => current,
  set(session: Session | null): void {
    current = session;
    for (const listener of listeners) listener(session);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

let refreshing: Promise<Session | null> | null = null;

async function requestRefresh(): Promise<Session | null> {
  const response = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' });
  if (!response.ok) return null;
  return (await response.json()) as Session;
}

/** One refresh at a time, however many requests found their token expired. */
export function refreshSession(): Promise<Session | null> {
  refreshing ??= requestRefresh()
    .catch(() => null)
    .then((session) => {
      sessionStore.set(session);
      return session;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
