import { useEffect } from 'react';
import { oauthErrorMessage } from './connections/oauthErrors';

const CLOSE_AFTER_MS = 1_500;

/**
 * Where the OAuth callback sends the sign-in window (`/oauth/success`, `/oauth/error`). It needs no session: the
 * Connections page that opened it learns the outcome from the flow's status and closes nothing of its own.
 */
export function OAuthResultPage() {
  const params = new URLSearchParams(window.location.search);
  const succeeded = window.location.pathname === '/oauth/success';
  const serverName = params.get('serverName');

  useEffect(() => {
    const timer = setTimeout(() => window.close(), CLOSE_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <h1 className="text-2xl font-semibold text-slate-900">{succeeded ? 'Signed in' : 'Sign-in failed'}</h1>
      <p role={succeeded ? 'status' : 'alert'} className="mt-3 text-sm text-slate-800">
        {succeeded ? `You are signed in to ${serverName ?? 'the server'}.` : oauthErrorMessage(params.get('error'))}
      </p>
      <p className="mt-3 text-sm text-slate-600">This window closes by itself; if it stays open, close it and go back to the Connections page.</p>
    </main>
  );
}
