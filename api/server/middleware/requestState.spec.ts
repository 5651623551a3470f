import express from 'express';
import type { Request } from 'express';
import request from 'supertest';
import type { Actor } from '@mcp-registry/api';
import { defineRequestState, requestState } from './requestState';

const actor = { id: 'u1' } as Actor;

function appReporting(define: boolean) {
  const app = express();
  if (define) defineRequestState(app);
  app.use((req, _res, next) => {
    req.id = 'req-1';
    req.actor = actor;
    req.resourceBits = 3;
    next();
  });
  app.get('/', (req: Request, res) => {
    res.json({
      id: req.id,
      actorId: req.actor?.id,
      resourceBits: req.resourceBits,
      mcpServer: req.mcpServer ?? null,
      ownKeys: ['id', 'actor', 'resourceBits', 'mcpServer'].filter((k) => Object.prototype.hasOwnProperty.call(req, k)),
      state: { id: requestState(res).id, actorId: requestState(res).actor?.id ?? null },
    });
  });
  return app;
}

describe('request state', () => {
  it('keeps req.id, req.actor and req.resourceBits in the request state, not as own properties of the request', async () => {
    const res = await request(appReporting(true)).get('/');
    expect(res.body).toEqual({ id: 'req-1', actorId: 'u1', resourceBits: 3, mcpServer: null, ownKeys: [], state: { id: 'req-1', actorId: 'u1' } });
  });

  it('starts empty for every request', async () => {
    const app = express();
    defineRequestState(app);
    let calls = 0;
    app.get('/', (req, res) => {
      calls += 1;
      const before = { id: req.id ?? null, actor: req.actor ?? null };
      if (calls === 1) req.id = 'first';
      res.json(before);
    });
    await request(app).get('/');
    expect((await request(app).get('/')).body).toEqual({ id: null, actor: null });
  });

  it('without defineRequestState the same writes are plain properties, so middleware works in any Express app', async () => {
    const res = await request(appReporting(false)).get('/');
    expect(res.body).toEqual(expect.objectContaining({ id: 'req-1', actorId: 'u1', resourceBits: 3, ownKeys: ['id', 'actor', 'resourceBits'] }));
  });
});
