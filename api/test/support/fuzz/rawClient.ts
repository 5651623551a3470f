import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Set when no HTTP answer came back (status 0). */
  failure?: string;
}

/**
 * Sends requests byte for byte as given (no URL normalisation, so broken percent-encoding reaches the server) to a
 * server on 127.0.0.1, one connection per request, and resolves with the answer or with what went wrong.
 */
export function rawClient(server: http.Server, timeoutMs = 15_000) {
  const { port } = server.address() as AddressInfo;
  return (method: string, path: string, headers: Record<string, string>, body?: string | Buffer) =>
    new Promise<RawResponse>((resolve) => {
      const fail = (error: Error) => resolve({ status: 0, headers: {}, text: '', failure: error.message });
      const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
      const options = { host: '127.0.0.1', port, method, path, headers: { ...length, ...headers }, agent: false, timeout: timeoutMs };
      const req = http.request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', fail);
      req.end(body);
    });
}
