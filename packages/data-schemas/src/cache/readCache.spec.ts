import { createReadCache } from './readCache';

function harness(options: { ttlMs?: number; maxEntries?: number } = {}) {
  let generation = 0;
  let clock = 1_000;
  let reads = 0;
  const cache = createReadCache({
    ttlMs: options.ttlMs ?? 1_000,
    maxEntries: options.maxEntries,
    generation: () => generation,
    now: () => clock,
  });
  const read = cache.memoize('read', async (id: string) => {
    reads += 1;
    return { id, reads, nested: { list: [reads] } };
  });
  return {
    read,
    cache,
    reads: () => reads,
    write: () => (generation += 1),
    advance: (ms: number) => (clock += ms),
  };
}

describe('read cache', () => {
  it('answers a repeated read from memory with the same result', async () => {
    const h = harness();

    const first = await h.read('a');
    const second = await h.read('a');

    expect(second).toBe(first);
    expect(h.reads()).toBe(1);
  });

  it('keys on the arguments', async () => {
    const h = harness();

    await h.read('a');
    const other = await h.read('b');

    expect(other.id).toBe('b');
    expect(h.reads()).toBe(2);
  });

  it('reads again once the lifetime has passed', async () => {
    const h = harness({ ttlMs: 500 });
    await h.read('a');

    h.advance(499);
    await h.read('a');
    h.advance(1);
    await h.read('a');

    expect(h.reads()).toBe(2);
  });

  it('reads again after any write in the process', async () => {
    const h = harness();
    await h.read('a');
    await h.read('b');

    h.write();
    await h.read('a');
    await h.read('b');

    expect(h.reads()).toBe(4);
  });

  it('does not keep a result whose read was overtaken by a write', async () => {
    const h = harness();
    const pending = h.read('a');
    h.write();
    await pending;

    await h.read('a');

    expect(h.reads()).toBe(2);
  });

  it('shares one read between concurrent callers of a key', async () => {
    const h = harness();

    const results = await Promise.all([h.read('a'), h.read('a'), h.read('a')]);

    expect(h.reads()).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('does not keep a failed read', async () => {
    let calls = 0;
    const cache = createReadCache({ ttlMs: 1_000, generation: () => 0 });
    const read = cache.memoize('failsOnce', async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return calls;
    });

    await expect(read()).rejects.toThrow('database unavailable');
    await expect(read()).resolves.toBe(2);
  });

  it('freezes what it hands out, nested objects and arrays included', async () => {
    const h = harness();

    const result = await h.read('a');

    expect(Object.isFrozen(result)).toBe(true);
    expect(Object.isFrozen(result.nested.list)).toBe(true);
    expect(() => {
      (result.nested.list as number[]).push(2);
    }).toThrow(TypeError);
  });

  it('forgets the oldest entry beyond its size limit', async () => {
    const h = harness({ maxEntries: 2 });
    await h.read('a');
    await h.read('b');
    await h.read('c');

    await h.read('c');
    await h.read('a');

    expect(h.reads()).toBe(4);
  });

  it('with a lifetime of 0 reads the database every time and hands out unfrozen results', async () => {
    const h = harness({ ttlMs: 0 });

    const first = await h.read('a');
    await h.read('a');

    expect(h.reads()).toBe(2);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
