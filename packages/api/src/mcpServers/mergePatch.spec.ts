import { mergePatch, withoutEmptyObjects } from './mergePatch';

describe('mergePatch', () => {
  it('keeps omitted keys, replaces given ones and removes nulls, recursively', () => {
    const target = { a: 1, b: { c: 2, d: 3 }, e: [1, 2] };
    expect(mergePatch(target, { a: 5, b: { c: null, x: 1 }, e: [3] })).toEqual({ a: 5, b: { d: 3, x: 1 }, e: [3] });
  });

  it('does not modify the target', () => {
    const target = { b: { c: 2 } };
    mergePatch(target, { b: { c: 3 } });
    expect(target).toEqual({ b: { c: 2 } });
  });

  it('treats a __proto__ key as data, not as a prototype', () => {
    const patch = JSON.parse('{"headers":{"__proto__":{"polluted":true}}}') as unknown;
    const result = mergePatch({ headers: {} }, patch) as { headers: Record<string, unknown> };
    expect(Object.keys(result.headers)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((result.headers as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('drops objects left empty', () => {
    expect(withoutEmptyObjects({ headers: {}, url: 'x' })).toEqual({ url: 'x' });
  });
});
