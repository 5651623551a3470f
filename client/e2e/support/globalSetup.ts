import { call, tokenOf } from './api';
import { startBackend } from './backend';
import { startPeers } from './peers';
import { ada, admin, paul } from './people';

export default async function globalSetup() {
  const peers = await startPeers();
  Object.assign(process.env, peers.env);
  const backend = await startBackend({ ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, LOGIN_RATE_LIMIT_MAX: '1000' }, peers.addresses);
  process.env.E2E_BASE_URL = backend.url;
  const token = await tokenOf(backend.url, admin);
  await call(backend.url, token, 'PATCH', `/api/users/${(await call<{ id: string }>(backend.url, token, 'GET', '/api/user')).id}`, { name: admin.name });
  for (const person of [ada, paul]) await call(backend.url, token, 'POST', '/api/users', { ...person, role: 'USER' });
  return async () => {
    await backend.stop();
    await peers.stop();
  };
}
