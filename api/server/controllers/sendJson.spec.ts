import express from 'express';
import type { Request, Response } from 'express';
import request from 'supertest';
import { jsonText, sendJson } from './sendJson';

const dto = Object.freeze({ id: 'u1', name: 'Zoë <admin>', role: 'USER' });

/** Two routes answering the same value: one with Express's res.json, one with sendJson. */
function twinApp(configure: (app: express.Express) => void = () => undefined, prepare: (res: Response) => void = () => undefined) {
  const app = express();
  app.set('etag', false);
  configure(app);
  app.get('/express', (_req: Request, res: Response) => {
    prepare(res);
    res.json(dto);
  });
  app.get('/fast', (req: Request, res: Response) => {
    prepare(res);
    sendJson(req, res, dto);
  });
  return app;
}

const HEADERS = ['content-type', 'content-length', 'etag', 'transfer-encoding'];

async function expectSameAnswer(app: express.Express, method: 'get' | 'head' = 'get', headers: Record<string, string> = {}) {
  const viaExpress = await request(app)[method]('/express').set(headers);
  const viaFast = await request(app)[method]('/fast').set(headers);
  expect(viaFast.status).toBe(viaExpress.status);
  expect(viaFast.text).toBe(viaExpress.text);
  for (const name of HEADERS) expect([name, viaFast.headers[name]]).toEqual([name, viaExpress.headers[name]]);
  return viaFast;
}

describe('sendJson', () => {
  it('answers exactly as res.json: status, body, Content-Type and Content-Length (UTF-8 bytes)', async () => {
    const res = await expectSameAnswer(twinApp());
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(dto))));
    expect(res.body).toEqual(dto);
  });

  it('answers HEAD with the same headers and no body', async () => {
    const res = await expectSameAnswer(twinApp(), 'head');
    expect(res.text).toBeUndefined();
  });

  it('leaves JSON settings, ETags, conditional requests and preset headers to res.json', async () => {
    await expectSameAnswer(twinApp((app) => app.set('json spaces', 2)));
    await expectSameAnswer(twinApp((app) => app.set('json escape', true)));
    await expectSameAnswer(twinApp((app) => app.set('etag', 'strong')));
    const etagged = twinApp((app) => app.set('etag', 'weak'));
    const etag = String((await request(etagged).get('/express')).headers.etag);
    expect((await expectSameAnswer(etagged, 'get', { 'If-None-Match': etag })).status).toBe(304);
    await expectSameAnswer(twinApp(), 'get', { 'If-None-Match': '*' });
    await expectSameAnswer(twinApp(undefined, (res) => res.type('application/vnd.api+json')));
    await expectSameAnswer(twinApp(undefined, (res) => res.status(404)));
  });

  it('serialises a frozen value once and any other value every time', () => {
    const frozen = Object.freeze({ a: 1 });
    expect(jsonText(frozen)).toBe('{"a":1}');
    expect(jsonText(frozen)).toBe(jsonText(frozen));
    const open: Record<string, number> = { a: 1 };
    expect(jsonText(open)).toBe('{"a":1}');
    open.a = 2;
    expect(jsonText(open)).toBe('{"a":2}');
  });
});
