import { NavLink, Outlet, useNavigate } from 'react-router';
import { Permissions, PermissionTypes } from '@mcp-registry/data-provider';
import { useSession, useUser } from '../session/SessionProvider';
import { usePermissions } from '../session/usePermissions';
import { Button } from './Button';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? 'bg-indigo-100 text-indigo-900' : 'text-slate-700 hover:bg-slate-100'}`;

export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const links = [
    { to: '/catalog', label: 'Catalog', shown: true },
    { to: '/installations', label: 'Installations', shown: true },
    { to: '/connections', label: 'Connections', shown: can(PermissionTypes.MCP_SERVERS, Permissions.USE) },
    { to: '/keys', label: 'API keys', shown: can(PermissionTypes.API_KEYS, Permissions.READ) },
    { to: '/admin/users', label: 'Users', shown: can(PermissionTypes.USERS, Permissions.READ) },
    { to: '/admin/groups', label: 'Groups', shown: can(PermissionTypes.GROUPS, Permissions.READ) },
  ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <span className="text-base font-semibold text-slate-900">MCP Registry</span>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {links
              .filter((l) => l.shown)
              .map((l) => (
                <NavLink key={l.to} to={l.to} className={linkClass}>
                  {l.label}
                </NavLink>
              ))}
          </nav>
          <span className="text-sm text-slate-700">
            {user.name || user.email} <span className="text-slate-500">({user.role})</span>
          </span>
          <Button
            onClick={async () => {
              await signOut();
              navigate('/sign-in');
            }}
          >
            Sign out
          </Button>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}

export function PageTitle({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children && <div className="flex gap-2">{children}</div>}
    </div>
  );
}
