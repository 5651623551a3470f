import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/Status';
import { useSession } from './SessionProvider';

/** Screens behind sign-in; a missing or expired session sends to sign-in and back to where it was. */
export function RequireSession() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'restoring') return <Loading label="Restoring your session…" />;
  if (status === 'signedOut') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
