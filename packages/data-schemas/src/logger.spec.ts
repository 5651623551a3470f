import { Writable } from 'node:stream';
import { createLogger, redact } from './logger';

describe('redact', () => {
  it('masks secret-looking keys at any depth and keeps the rest', () => {
    expect(redact({ user: 'a', password: 'p', nested: { clientSecret: 'c', headers: { Authorization: 'Bearer x' } }, apiKey: 'k' })).toEqual({
      user: 'a',
      password: '[REDACTED]',
      nested: { clientSecret: '[REDACTED]', headers: { Authorization: '[REDACTED]' } },
      apiKey: '[REDACTED]',
    });
  });

  it('cuts bearer tokens and API keys out of strings', () => {
    expect(redact('sent Bearer eyJhbGciOi.abc.def to mcpr_ab12cd34_QWERTYqwerty123')).toBe('sent Bearer [REDACTED] to [REDACTED]');
  });
});

describe('createLogger', () => {
  it('writes JSON lines with secrets redacted', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    createLogger({ json: true, stream }).info('[test] login', { email: 'a@b.c', password: 'hunter22', token: 'abc' });
    const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(entry).toEqual(expect.objectContaining({ message: '[test] login', email: 'a@b.c', password: '[REDACTED]', token: '[REDACTED]' }));
  });

  it('still writes a line when the metadata has a cycle', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const meta: Record<string, unknown> = { a: 1 };
    meta.self = meta;
    createLogger({ json: true, stream }).warn('[test] cycle', { meta });
    expect(lines[0]).toContain('[test] cycle');
  });
});
