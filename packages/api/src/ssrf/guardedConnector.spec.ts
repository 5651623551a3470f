import type { Socket } from 'node:net';
import { createGuardedConnector } from './guardedConnector';
import { replyOk, startHttpPeer, type HttpPeer } from './__tests__/httpPeer';
import { stubLookup } from './__tests__/stubLookup';
import { compileSsrfPolicy } from './ssrfPolicy';
import { SSRFBlockedError } from './ssrfBlockedError';
import type { SsrfOptions } from './types';

let target: HttpPeer;

beforeEach(async () => {
  target = await startHttpPeer(replyOk);
});

afterEach(async () => {
  await target.close();
});

function connect(options: SsrfOptions, hostname: string): Promise<Socket> {
  const connector = createGuardedConnector(compileSsrfPolicy(options));
  return new Promise((resolve, reject) => {
    connector({ hostname, protocol: 'http:', port: String(target.port) }, (error, socket) => {
      if (error) return reject(error);
      resolve(socket);
    });
  });
}

describe('createGuardedConnector', () => {
  it('checks a literal host at connect time, before any packet is sent', async () => {
    await expect(connect({}, '127.0.0.1')).rejects.toBeInstanceOf(SSRFBlockedError);
    await expect(connect({}, '::ffff:127.0.0.1')).rejects.toThrow('::ffff:127.0.0.1 is a loopback address');
    expect(target.connections).toBe(0);
  });

  it('checks every address the lookup returns before the socket picks one', async () => {
    const lookup = stubLookup({ 'mixed.test': ['93.184.216.34', '127.0.0.1'] });
    await expect(connect({ lookup }, 'mixed.test')).rejects.toThrow('"mixed.test" resolved to a loopback address at connect time');
    expect(target.connections).toBe(0);
  });

  it('fails closed when the lookup fails at connect time', async () => {
    await expect(connect({ lookup: stubLookup({}) }, 'gone.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(target.connections).toBe(0);
  });

  it('connects to an exempt address and hands over the socket', async () => {
    const socket = await connect({ allowedAddresses: [`127.0.0.1:${target.port}`] }, '127.0.0.1');
    expect(socket.remoteAddress).toBe('127.0.0.1');
    socket.destroy();
  });

  it('applies the port of an allowedAddresses entry to names resolved at connect time', async () => {
    const lookup = stubLookup({ 'svc.test': ['127.0.0.1'] });
    await expect(connect({ lookup, allowedAddresses: [`127.0.0.1:${target.port + 1}`] }, 'svc.test')).rejects.toBeInstanceOf(
      SSRFBlockedError,
    );
    const socket = await connect({ lookup, allowedAddresses: [`127.0.0.1:${target.port}`] }, 'svc.test');
    expect(socket.remoteAddress).toBe('127.0.0.1');
    socket.destroy();
  });
});
