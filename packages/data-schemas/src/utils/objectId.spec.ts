import { escapeRegExp } from './objectId';

describe('escapeRegExp', () => {
  it('makes every pattern character literal', () => {
    const text = '.*+?^${}()|[]\\';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
    expect(new RegExp(escapeRegExp('a.c')).test('abc')).toBe(false);
  });

  it('writes NUL as \\x00, since a BSON pattern cannot hold the byte, and still matches it', () => {
    const escaped = escapeRegExp('a\u0000b');
    expect(escaped).not.toContain('\u0000');
    expect(new RegExp(`^${escaped}$`).test('a\u0000b')).toBe(true);
  });
});
