import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button } from '../components/Button';
import { TextField } from '../components/Field';
import { ErrorMessage, Loading } from '../components/Status';
import { useSession } from '../session/SessionProvider';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/catalog';
}

export function SignInScreen() {
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const next = safeNext(params.get('next'));

  useEffect(() => {
    if (status === 'signedIn') navigate(next, { replace: true });
  }, [status, next, navigate]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (status === 'restoring') return <Loading label="Restoring your session…" />;
  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Sign in to MCP Registry</h1>
      <p className="mb-6 text-sm text-slate-600">Use the email and password your administrator gave you.</p>
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error !== null && <ErrorMessage error={error} />}
        <Button type="submit" variant="primary" className="w-full" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  );
}
