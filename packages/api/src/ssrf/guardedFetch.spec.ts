import { createGuardedFetch, type GuardedFetch, type GuardedFetchOptions } from './guardedFetch';
import { redirectTo, replyOk, startHttpPeer, type HttpPeer } from './__tests__/httpPeer';
import { stubLookup } from './__tests__/stubLookup';
import { SSRFBlockedError } from './ssrfBlockedError';

const PUBLIC_V4 = '93.184.216.34';

const peers: HttpPeer[] = [];
const fetchers: GuardedFetch[] = [];

async function peer(handler: Parameters<typeof startHttpPeer>[0]): Promise<HttpPeer> {
  const started = await startHttpPeer(handler);
  peers.push(started);
  return started;
}

function guarded(options: GuardedFetchOptions): GuardedFetch {
  const fetcher = createGuardedFetch(options);
  fetchers.push(fetcher);
  return fetcher;
}

async function refusal(promise: Promise<unknown>): Promise<SSRFBlockedError> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SSRFBlockedError)) throw new Error(`expected SSRFBlockedError, got ${String(outcome)}`);
  return outcome;
}

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

describe('createGuardedFetch', () => {
  it('fetches a private peer that allowedAddresses exempts on its port', async () => {
    const target = await peer(replyOk);
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${target.port}`] });
    const response = await fetch(`${target.origin}/hello?x=1`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ method: 'GET', url: '/hello?x=1' });
    expect(target.requests).toHaveLength(1);
  });

  it('refuses a private peer that is not exempt, and the peer sees no connection', async () => {
    const target = await peer(replyOk);
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${target.port + 1}`] });
    expect((await refusal(fetch(`${target.origin}/`))).reason).toBe('127.0.0.1 is a loopback address');
    expect(target.connections).toBe(0);
  });

  it('refuses a redirect from an allowed URL to a blocked one, and the blocked peer sees nothing', async () => {
    const secret = await peer(replyOk);
    const entry = await peer(redirectTo(`${secret.origin}/admin`));
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${entry.port}`] });
    const error = await refusal(fetch(`${entry.origin}/start`));
    expect(error.reason).toBe('redirect refused: 127.0.0.1 is a loopback address');
    expect(entry.requests.map((r) => r.url)).toEqual(['/start']);
    expect(secret.connections).toBe(0);
  });

  it('does not let a redirect to a local name inherit the first URL\'s address exemption', async () => {
    const entry = await peer((request, response) => {
      if (request.url === '/start') return redirectTo(`http://localhost:${entry.port}/again`)(request, response);
      replyOk(request, response);
    });
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${entry.port}`] });
    expect((await refusal(fetch(`${entry.origin}/start`))).reason).toMatch(/^redirect refused: "localhost" is a local host name/);
    expect(entry.requests).toHaveLength(1);
  });

  it('refuses a redirect to the cloud metadata address', async () => {
    const entry = await peer(redirectTo('http://169.254.169.254/latest/meta-data/'));
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${entry.port}`] });
    expect((await refusal(fetch(`${entry.origin}/`))).reason).toBe('redirect refused: 169.254.169.254 is a link-local address');
  });

  it('follows up to five redirects and refuses the sixth', async () => {
    const hops = await peer((request, response) => {
      const n = Number(request.url.slice(1));
      if (n < 6) return redirectTo(`/${n + 1}`, 307)(request, response);
      replyOk(request, response);
    });
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${hops.port}`] });
    const followed = await fetch(`${hops.origin}/1`);
    expect(await followed.json()).toEqual({ method: 'GET', url: '/6' });
    hops.requests.length = 0;
    expect((await refusal(fetch(`${hops.origin}/0`))).reason).toBe('too many redirects (more than 5)');
    expect(hops.requests.map((r) => r.url)).toEqual(['/0', '/1', '/2', '/3', '/4', '/5']);
  });

  it('turns a POST into a GET without body on 303 and keeps method and body on 307', async () => {
    const hops = await peer((request, response) => {
      if (request.url === '/see-other') return redirectTo('/landing', 303)(request, response);
      if (request.url === '/temporary') return redirectTo('/landing', 307)(request, response);
      replyOk(request, response);
    });
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${hops.port}`] });
    const init = { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } };
    await (await fetch(`${hops.origin}/see-other`, init)).arrayBuffer();
    await (await fetch(`${hops.origin}/temporary`, init)).arrayBuffer();
    const landings = hops.requests.filter((r) => r.url === '/landing');
    expect(landings.map((r) => [r.method, r.body, r.headers['content-type']])).toEqual([
      ['GET', '', undefined],
      ['POST', '{"a":1}', 'application/json'],
    ]);
  });

  it('drops credentials on a redirect to another origin and keeps them on the same origin', async () => {
    const other = await peer(replyOk);
    const entry = await peer((request, response) => {
      if (request.url === '/same') return redirectTo('/landing')(request, response);
      if (request.url === '/cross') return redirectTo(`${other.origin}/landing`)(request, response);
      replyOk(request, response);
    });
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${entry.port}`, `127.0.0.1:${other.port}`] });
    const headers = { authorization: 'Bearer secret', cookie: 'sid=1', 'x-trace': 't' };
    await (await fetch(`${entry.origin}/same`, { headers })).arrayBuffer();
    await (await fetch(`${entry.origin}/cross`, { headers })).arrayBuffer();
    const sameOrigin = entry.requests.find((r) => r.url === '/landing');
    expect(sameOrigin?.headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'sid=1' });
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers.cookie).toBeUndefined();
    expect(other.requests[0]?.headers['x-trace']).toBe('t');
  });

  it('returns the redirect itself in manual mode and rejects in error mode', async () => {
    const entry = await peer(redirectTo('http://169.254.169.254/'));
    const fetch = guarded({ allowedAddresses: [`127.0.0.1:${entry.port}`] });
    const manual = await fetch(`${entry.origin}/`, { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe('http://169.254.169.254/');
    await expect(fetch(`${entry.origin}/`, { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  it('refuses at connect time a name that answers public at check time and 127.0.0.1 when connecting', async () => {
    const target = await peer(replyOk);
    const lookup = stubLookup({ 'rebind.test': (call) => (call === 1 ? [PUBLIC_V4] : ['127.0.0.1']) });
    const fetch = guarded({ lookup });
    const error = await refusal(fetch(`http://rebind.test:${target.port}/`));
    expect(error.reason).toBe('"rebind.test" resolved to a loopback address at connect time');
    expect(lookup.calls).toEqual(['rebind.test', 'rebind.test']);
    expect(target.connections).toBe(0);
  });

  it('connects by name through the injected lookup when the resolved address is exempt', async () => {
    const target = await peer(replyOk);
    const lookup = stubLookup({ 'mcp.corp.test': ['127.0.0.1'] });
    const fetch = guarded({ lookup, allowedAddresses: [`127.0.0.1:${target.port}`] });
    const response = await fetch(`http://mcp.corp.test:${target.port}/mcp`);
    expect(response.status).toBe(200);
    expect(target.requests[0]?.headers.host).toBe(`mcp.corp.test:${target.port}`);
  });

  it('ignores proxies configured in the environment', async () => {
    const proxy = await peer(replyOk);
    const target = await peer(replyOk);
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy };
    process.env.HTTP_PROXY = proxy.origin;
    process.env.http_proxy = proxy.origin;
    try {
      const fetch = guarded({ allowedAddresses: [`127.0.0.1:${target.port}`] });
      expect((await fetch(`${target.origin}/direct`)).status).toBe(200);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(target.requests.map((r) => r.url)).toEqual(['/direct']);
    expect(proxy.connections).toBe(0);
  });

  it('refuses a scheme, credentials or a blocked name before opening any connection', async () => {
    const fetch = guarded({});
    expect((await refusal(fetch('file:///etc/passwd'))).reason).toMatch(/only http and https/);
    expect((await refusal(fetch('http://user:pw@example.com/'))).reason).toMatch(/credentials/);
    expect((await refusal(fetch('http://metadata.google.internal/'))).reason).toMatch(/\.internal/);
  });
});
