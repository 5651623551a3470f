import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { ApiKeysScreen } from './screens/ApiKeysScreen';
import { ConnectionsScreen } from './screens/connections/ConnectionsScreen';
import { CatalogScreen } from './screens/catalog/CatalogScreen';
import { ServerFormScreen } from './screens/catalog/ServerFormScreen';
import { GroupsScreen } from './screens/admin/GroupsScreen';
import { UsersScreen } from './screens/admin/UsersScreen';
import { InstallationsScreen } from './screens/InstallationsScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { SignInScreen } from './screens/SignInScreen';
import { RequireSession } from './session/RequireSession';

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInScreen />} />
      <Route element={<RequireSession />}>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/catalog" replace />} />
          <Route path="/catalog" element={<CatalogScreen />} />
          <Route path="/catalog/new" element={<ServerFormScreen />} />
          <Route path="/catalog/:serverName/edit" element={<ServerFormScreen />} />
          <Route path="/installations" element={<InstallationsScreen />} />
          <Route path="/connections" element={<ConnectionsScreen />} />
          <Route path="/keys" element={<ApiKeysScreen />} />
          <Route path="/admin/users" element={<UsersScreen />} />
          <Route path="/admin/groups" element={<GroupsScreen />} />
          <Route path="*" element={<NotFoundScreen />} />
        </Route>
      </Route>
    </Routes>
  );
}
