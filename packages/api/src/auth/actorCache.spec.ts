import { Types } from 'mongoose';
import type { ApiKeyRecord } from '@mcp-registry/data-schemas';
import type { ActorIdentity } from './actor';
import { createActorCache } from './actorCache';

const identity = (id: string): ActorIdentity => ({
  id,
  organizationId: 'o',
  role: 'USER',
  permissions: {},
  groupIds: [],
  user: { id, organizationId: 'o', email: 'e', name: '', role: 'USER', createdAt: '', updatedAt: '' },
});

describe('actor cache', () => {
  it('loads once within the TTL, shares concurrent loads, and reloads after expiry', async () => {
    let now = 0;
    const cache = createActorCache({ ttlMs: 1000, now: () => now });
    let loads = 0;
    const load = async () => {
      loads += 1;
      return identity('u1');
    };
    await Promise.all([cache.get('u1', load), cache.get('u1', load)]);
    expect(loads).toBe(1);
    now = 999;
    await cache.get('u1', load);
    expect(loads).toBe(1);
    now = 1000;
    await cache.get('u1', load);
    expect(loads).toBe(2);
  });

  it('forgets a user on invalidation, everyone on invalidateAll, and never caches a missing user', async () => {
    const cache = createActorCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      return identity('u');
    };
    await cache.get('u', load);
    cache.invalidateUser('u');
    await cache.get('u', load);
    cache.invalidateAll();
    await cache.get('u', load);
    expect(loads).toBe(3);
    let misses = 0;
    const missing = async () => {
      misses += 1;
      return null;
    };
    await cache.get('gone', missing);
    await new Promise((r) => setImmediate(r));
    await cache.get('gone', missing);
    expect(misses).toBe(2);
  });

  it('with ttlMs 0 always loads', async () => {
    const cache = createActorCache({ ttlMs: 0 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      return identity('u');
    };
    await cache.get('u', load);
    await cache.get('u', load);
    expect(loads).toBe(2);
  });
});

describe('API key records in the actor cache', () => {
  it('are reused within the TTL and forgotten when any key is revoked', async () => {
    const cache = createActorCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      return null;
    };
    await cache.getApiKey('h', load);
    await new Promise((r) => setImmediate(r));
    await cache.getApiKey('h', load);
    expect(loads).toBe(2);
    const id = new Types.ObjectId();
    const now = new Date();
    const record: ApiKeyRecord = {
      _id: id,
      organizationId: id,
      userId: id,
      name: 'k',
      prefix: 'mcpr_00000000',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    let hits = 0;
    const found = async () => {
      hits += 1;
      return record;
    };
    await cache.getApiKey('h2', found);
    await cache.getApiKey('h2', found);
    cache.invalidateApiKeys();
    await cache.getApiKey('h2', found);
    expect(hits).toBe(2);
  });
});
