import type { Request, Response } from 'express';
import { body, query } from 'express-validator';
import { ValidationError } from '@mcp-registry/api';
import { validInput, validate } from './validate';

function requestOf(input: { url?: string; query?: Record<string, string>; body?: unknown }): Request {
  return { url: input.url ?? '/', query: input.query ?? {}, body: input.body, params: {}, headers: {}, cookies: {} } as unknown as Request;
}

async function run(handler: ReturnType<typeof validate>, req: Request): Promise<unknown> {
  let passed: unknown = 'not called';
  await handler(req, {} as Response, (error?: unknown) => {
    passed = error;
  });
  return passed;
}

function countingRules() {
  const calls = { limit: 0, name: 0 };
  const rules = [
    query('limit').optional().custom((v: string) => {
      calls.limit += 1;
      return /^[0-9]+$/.test(v);
    }).withMessage('Must be a number').toInt(),
    body('name').optional().custom(() => {
      calls.name += 1;
      return true;
    }),
    body('secret').optional().isString(),
  ];
  return { rules, calls };
}

describe('validate', () => {
  it('runs the chains once for identical requests and hands every one the same validated input', async () => {
    const { rules, calls } = countingRules();
    const handler = validate(rules);
    const first = requestOf({ url: '/?limit=20', query: { limit: '20' } });
    const second = requestOf({ url: '/?limit=20', query: { limit: '20' } });

    expect(await run(handler, first)).toBeUndefined();
    expect(await run(handler, second)).toBeUndefined();

    expect(calls.limit).toBe(1);
    expect(validInput(second, 'query')).toEqual({ limit: 20 });
    expect(Object.isFrozen(validInput(second, 'query'))).toBe(true);
  });

  it('validates a different query afresh', async () => {
    const { rules, calls } = countingRules();
    const handler = validate(rules);

    await run(handler, requestOf({ url: '/?limit=20', query: { limit: '20' } }));
    await run(handler, requestOf({ url: '/?limit=21', query: { limit: '21' } }));

    expect(calls.limit).toBe(2);
  });

  it('answers a remembered invalid request with the same 400 details, unknown fields included', async () => {
    const handler = validate(countingRules().rules);
    const bad = () => requestOf({ url: '/?limit=x&extra=1', query: { limit: 'x', extra: '1' } });

    const first = await run(handler, bad());
    const second = await run(handler, bad());

    expect(first).toBeInstanceOf(ValidationError);
    expect(second).toEqual(first);
    expect((second as ValidationError).details).toEqual([
      { field: 'limit', location: 'query', message: 'Must be a number' },
      { field: 'extra', location: 'query', message: 'Unknown field' },
    ]);
  });

  it('remembers a body only when every field is declared reusable', async () => {
    const { rules, calls } = countingRules();
    const handler = validate(rules, { reusableBodyFields: ['name'] });

    await run(handler, requestOf({ body: { name: 'a' } }));
    await run(handler, requestOf({ body: { name: 'a' } }));
    await run(handler, requestOf({ body: { name: 'a', secret: 's3cret' } }));
    await run(handler, requestOf({ body: { name: 'a', secret: 's3cret' } }));

    expect(calls.name).toBe(3);
  });

  it('never remembers a body on a route that declares no reusable fields', async () => {
    const { rules, calls } = countingRules();
    const handler = validate(rules);

    await run(handler, requestOf({ body: { name: 'a' } }));
    await run(handler, requestOf({ body: { name: 'a' } }));

    expect(calls.name).toBe(2);
  });

  it('refuses a body that is not a JSON object', async () => {
    const handler = validate(countingRules().rules);

    const refused = await run(handler, requestOf({ body: ['not', 'an', 'object'] }));

    expect((refused as ValidationError).details).toEqual([{ field: '', location: 'body', message: 'The body must be a JSON object' }]);
  });
});
