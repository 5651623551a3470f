import { duplicateKeyFields, isDuplicateKeyError, retryOnceOnDuplicateKey } from './duplicateKey';

const dup = () => Object.assign(new Error('E11000 duplicate key error'), { code: 11000, keyPattern: { email: 1 } });

describe('duplicate key helpers', () => {
  it('recognise E11000 and name the index fields', () => {
    expect(isDuplicateKeyError(dup())).toBe(true);
    expect(isDuplicateKeyError(new Error('x'))).toBe(false);
    expect(duplicateKeyFields(dup())).toEqual(['email']);
  });

  it('retry once after a lost race, returning the second answer', async () => {
    let calls = 0;
    const fn = retryOnceOnDuplicateKey(async (x: number) => {
      calls += 1;
      if (calls === 1) throw dup();
      return x * 2;
    });
    await expect(fn(21)).resolves.toBe(42);
    expect(calls).toBe(2);
  });

  it('let a second duplicate and other errors through', async () => {
    await expect(retryOnceOnDuplicateKey(async () => Promise.reject(dup()))()).rejects.toMatchObject({ code: 11000 });
    let calls = 0;
    const other = retryOnceOnDuplicateKey(async () => {
      calls += 1;
      throw new Error('boom');
    });
    await expect(other()).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
