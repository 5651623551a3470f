import { ValidationError } from '@mcp-registry/api';
import { assertJsonSize, JSON_MAX_DEPTH, JSON_MAX_ENTRIES, reservedKeyPath } from './jsonLimits';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('assertJsonSize', () => {
  it('takes nesting up to the limit and refuses one level more', () => {
    expect(() => assertJsonSize(bytes('['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH)))).not.toThrow();
    expect(() => assertJsonSize(bytes('['.repeat(JSON_MAX_DEPTH + 1) + ']'.repeat(JSON_MAX_DEPTH + 1)))).toThrow(ValidationError);
  });

  it('does not count brackets, commas or colons inside strings, escaped quotes included', () => {
    const text = `{"a":"${'[{,:'.repeat(20_000)}\\"[[[["}`;
    expect(() => assertJsonSize(bytes(text))).not.toThrow();
  });

  it('refuses more keys and elements than the limit', () => {
    expect(() => assertJsonSize(bytes(`[${'1,'.repeat(JSON_MAX_ENTRIES + 1)}1]`))).toThrow(ValidationError);
  });

  it('reads multi-byte UTF-8 without mistaking its bytes for brackets', () => {
    expect(() => assertJsonSize(bytes(`{"name":"${'€𝄞'.repeat(1000)}"}`))).not.toThrow();
  });
});

describe('reservedKeyPath', () => {
  it('finds prototype names at any depth and names the path', () => {
    expect(reservedKeyPath(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toBe('a[0].b.__proto__');
    expect(reservedKeyPath({ config: { headers: { constructor: 'x' } } })).toBe('config.headers.constructor');
    expect(reservedKeyPath({ prototype: 1 })).toBe('prototype');
  });

  it('lets ordinary keys and values named like prototype members pass', () => {
    expect(reservedKeyPath({ name: 'constructor', list: ['toString'] })).toBeNull();
  });
});
