import { Writable } from 'node:stream';
import winston from 'winston';
import { createDirectLog, createLogger, redact } from './logger';
import type { Logger } from './logger';

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

function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream, entries: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createDirectLog', () => {
  const meta = () => ({ requestId: 'r-1', method: 'GET', path: '/api/user?x=Bearer abc.def', status: 200, durationMs: 1.5, userId: 'u1' });

  it('writes the line logger.info would write: same keys in the same order, secrets redacted', () => {
    const out = sink();
    const logger = createLogger({ json: true, stream: out.stream });
    logger.info('[http] request', meta());
    createDirectLog(logger, 'info')('[http] request', meta());
    const [viaWinston, direct] = out.entries();
    expect(Object.keys(direct as object)).toEqual(Object.keys(viaWinston as object));
    expect({ ...direct, timestamp: 't' }).toEqual({ ...viaWinston, timestamp: 't' });
    expect(direct?.path).toBe('/api/user?x=Bearer [REDACTED]');
    expect(direct?.level).toBe('info');
  });

  it('stamps an ISO 8601 timestamp, and keeps one given in the metadata', () => {
    const out = sink();
    const log = createDirectLog(createLogger({ json: true, stream: out.stream }), 'info');
    const before = Date.now();
    log('[test] a', {});
    log('[test] b', { timestamp: 'given' });
    const [a, b] = out.entries();
    expect(new Date(String(a?.timestamp)).toISOString()).toBe(a?.timestamp);
    expect(new Date(String(a?.timestamp)).getTime()).toBeGreaterThanOrEqual(before);
    expect(b?.timestamp).toBe('given');
  });

  it('writes nothing below the logger level or when the logger is silent', () => {
    const out = sink();
    createDirectLog(createLogger({ json: true, stream: out.stream, level: 'warn' }), 'info')('[test] hidden', {});
    createDirectLog(createLogger({ json: true, stream: out.stream, silent: true }), 'error')('[test] hidden', {});
    createDirectLog(createLogger({ json: true, stream: out.stream, level: 'warn' }), 'error')('[test] shown', {});
    expect(out.entries().map((e) => e.message)).toEqual(['[test] shown']);
  });

  it('honours each transport’s own level', () => {
    const all = sink();
    const errorsOnly = sink();
    const logger = winston.createLogger({
      level: 'info',
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream: all.stream }), new winston.transports.Stream({ stream: errorsOnly.stream, level: 'error' })],
    });
    const info = createDirectLog(logger, 'info');
    const error = createDirectLog(logger, 'error');
    info('[test] info', {});
    error('[test] error', {});
    expect(all.entries().map((e) => e.message)).toEqual(['[test] info', '[test] error']);
    expect(errorsOnly.entries().map((e) => e.message)).toEqual(['[test] error']);
  });

  it('leaves child loggers, splat tokens and a message in the metadata to winston, with winston’s result', () => {
    const out = sink();
    const logger = createLogger({ json: true, stream: out.stream });
    const child = logger.child({ requestId: 'child-id' });
    const cases: Array<[Logger, string, Record<string, unknown>]> = [
      [child, '[test] child', { a: 1 }],
      [logger, '[test] %s done', { b: 2 }],
      [logger, '[test] with', { message: 'more' }],
    ];
    for (const [target, message, meta] of cases) {
      target.info(message, meta);
      createDirectLog(target, 'info')(message, meta);
    }
    const entries = out.entries().map((e): Record<string, unknown> => ({ ...e, timestamp: 't' }));
    expect(entries[1]).toEqual(entries[0]);
    expect(entries[0]).toEqual(expect.objectContaining({ message: '[test] child', requestId: 'child-id', a: 1 }));
    expect(entries[3]).toEqual(entries[2]);
    expect(entries[5]).toEqual(entries[4]);
    expect(entries[5]?.message).toBe('[test] with more');
  });
});
