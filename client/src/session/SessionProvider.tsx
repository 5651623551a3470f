import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { refreshSession, sessionStore } from '../api/session';
import type { Session, User } from '../api/session';

interface SessionContextValue {
  /** `restoring` while the refresh cookie is tried on page load. */
  status: 'restoring' | 'signedIn' | 'signedOut';
  user: User | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  const [restoring, setRestoring] = useState(true);

  useEffect(() => {
    void refreshSession().finally(() => setRestoring(false));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const body = await unwrap(api.POST('/api/auth/login', { body: { email, password } }));
    queryClient.clear();
    sessionStore.set(body as Session);
  }, [queryClient]);

  const signOut = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    sessionStore.set(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<SessionContextValue>(
    () => ({ status: session ? 'signedIn' : restoring ? 'restoring' : 'signedOut', user: session?.user ?? null, signIn, signOut }),
    [session, restoring, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for screens behind RequireSession. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
