import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { createLogger } from '@mcp-registry/data-schemas';
import { errorHandler } from './errorHandler';
import { jsonBody } from './jsonBody';
import { requestContext } from './requestContext';

function appWith(route: (app: express.Express) => void) {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  const logger = createLogger({ json: true, stream, level: 'error' });
  const app = express();
  app.use(requestContext(logger), jsonBody('1mb'));
  route(app);
  app.use(errorHandler(logger));
  return { app, errors: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const throwing = (error: unknown) => (app: express.Express) =>
  app.get('/boom', () => {
    throw error;
  });

describe('the error handler', () => {
  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [415, 'UNSUPPORTED_MEDIA_TYPE'],
    [429, 'RATE_LIMITED'],
  ])('answers a library error with status %i as %s in the envelope, without logging a fault', async (status, code) => {
    const { app, errors } = appWith(throwing(Object.assign(new Error('library detail'), { status })));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(status);
    expect(res.body.error).toEqual(expect.objectContaining({ code, requestId: res.headers['x-request-id'] }));
    expect(res.body.error.message).not.toContain('library detail');
    expect(errors()).toEqual([]);
  });

  it('answers a 4xx status without a code of its own (405, 416) with 400', async () => {
    const { app } = appWith(throwing(Object.assign(new Error('x'), { statusCode: 416 })));
    const res = await request(app).get('/boom');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('answers a router decoding error (status 400, not exposed) with 400', async () => {
    const { app } = appWith((a) => a.get('/items/:id', (_req, res) => void res.json({})));
    const res = await request(app).get('/items/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'Malformed percent-encoding in the URL path' }));
  });

  it('logs a fault once with the request id and the stack, and answers 500 with no internals', async () => {
    const { app, errors } = appWith(throwing(new TypeError('secret detail at db.js:42')));
    const res = await request(app).get('/boom').set('X-Request-Id', 'fault-1');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error', requestId: 'fault-1' } });
    await new Promise((resolve) => setImmediate(resolve));
    const logged = errors();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toEqual(expect.objectContaining({ requestId: 'fault-1', method: 'GET', path: '/boom', message: '[http] unhandled error', error: 'secret detail at db.js:42' }));
    expect(String(logged[0]?.stack)).toContain('TypeError: secret detail at db.js:42');
  });

  it('treats a library error with a 5xx status as a fault', async () => {
    const { app, errors } = appWith(throwing(Object.assign(new Error('stream encoding set'), { status: 500, expose: false })));
    expect((await request(app).get('/boom')).status).toBe(500);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors()).toHaveLength(1);
  });

  it('answers a body in UTF-16 with 415', async () => {
    const { app } = appWith((a) => a.post('/echo', (req, res) => void res.json(req.body)));
    const res = await request(app).post('/echo').set('Content-Type', 'application/json; charset=utf-16le').send(Buffer.from('{}', 'utf16le'));
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
