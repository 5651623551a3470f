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

  it('forgets every identity after a write to users, roles or groups, and never caches a missing user', async () => {
    const cache = createActorCache({ ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads += 1;
      return identity('u');
    };
    await cache.get('u', load);
    for (const source of ['users', 'roles', 'groups'] as const) {
      cache.onIdentityWrite(source);
      await cache.get('u', load);
    }
    cache.onIdentityWrite('apiKeys');
    await cache.get('u', load);
    expect(loads).toBe(4);
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

  it('does not keep a load that a write overtook', async () => {
    const cache = createActorCache({ ttlMs: 60_000 });
    let loads = 0;
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<ActorIdentity>((resolve) => {
        loads += 1;
        release = () => resolve(identity('u'));
      });
    const pending = cache.get('u', slow);
    cache.onIdentityWrite('users');
    release();
    await pending;
    await cache.get('u', async () => {
      loads += 1;
      return identity('u');
    });
    expect(loads).toBe(2);
  });

  it('stays within its entry bound, dropping the least recently used', async () => {
    const cache = createActorCache({ ttlMs: 60_000, maxEntries: 2 });
    const loaded: string[] = [];
    const load = (id: string) => async () => {
      loaded.push(id);
      return identity(id);
    };
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    await cache.get('a', load('a'));
    await cache.get('c', load('c'));
    await cache.get('a', load('a'));
    await cache.get('b', load('b'));
    expect(loaded).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size().entries).toBe(2);
  });

  it('stays within its byte bound whatever the number of callers', async () => {
    const cache = createActorCache({ ttlMs: 60_000, maxBytes: 20_000 });
    for (let i = 0; i < 1_000; i += 1) {
      const id = `user-${i}`;
      await cache.get(id, async () => ({ ...identity(id), groupIds: Array.from({ length: 20 }, (_, g) => `group-${g}`) }));
    }
    const { entries, bytes } = cache.size();
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(1_000);
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
  it('are reused within the TTL and forgotten after any write to API keys', async () => {
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
    cache.onIdentityWrite('apiKeys');
    await cache.getApiKey('h2', found);
    expect(hits).toBe(2);
  });
});
