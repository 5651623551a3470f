import { isIP, type LookupFunction as NetLookupFunction, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import type { OutboundTarget } from './types';
import type { SsrfPolicy } from './ssrfPolicy';
import { effectivePort } from './normalizeHost';

export type ConnectOptions = Omit<buildConnector.BuildOptions, 'lookup'>;

function familyNumber(family: number | 'IPv4' | 'IPv6' | undefined): number {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return family ?? 0;
}

/**
 * The lookup net.connect uses: every answer is checked before the socket picks one, so a name that
 * rebinds between the URL check and the connection is refused without a packet being sent to it.
 */
function guardedLookup(policy: SsrfPolicy, target: OutboundTarget): NetLookupFunction {
  return (hostname, options, callback) => {
    const answer = policy.lookup(hostname, { all: true }).then((answers) => {
      policy.checkConnection(target, answers.map((a) => a.address));
      return answers;
    });
    answer.then(
      (answers) => {
        const family = familyNumber(options.family);
        const wanted = family ? answers.filter((a) => a.family === family) : answers;
        if (options.all) return callback(null, wanted);
        const first = wanted[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

function verifyPeer(policy: SsrfPolicy, target: OutboundTarget, socket: Socket): Error | undefined {
  try {
    policy.checkConnection(target, socket.remoteAddress ? [socket.remoteAddress] : []);
    return undefined;
  } catch (error) {
    socket.destroy();
    return error as Error;
  }
}

/**
 * An undici connector that applies the policy at connect time: literal hosts before connecting, names in
 * the lookup, and the connected socket's peer address once more. One connector per origin (undici builds one
 * pool per origin) so the lookup knows the port an `allowedAddresses` entry may require.
 */
export function createGuardedConnector(policy: SsrfPolicy, options: ConnectOptions = {}): buildConnector.connector {
  const connectors = new Map<string, buildConnector.connector>();
  return (opts, callback) => {
    const target: OutboundTarget = {
      protocol: opts.protocol,
      hostname: opts.hostname,
      port: effectivePort(opts.protocol, opts.port),
    };
    if (isIP(opts.hostname) !== 0) {
      try {
        policy.checkConnection(target, [opts.hostname]);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
    }
    const key = `${target.protocol}//${target.hostname}:${target.port}`;
    const connect = connectors.get(key) ?? buildConnector({ ...options, lookup: guardedLookup(policy, target) });
    connectors.set(key, connect);
    connect(opts, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('connection failed'), null);
      const refused = verifyPeer(policy, target, socket);
      if (refused) return callback(refused, null);
      callback(null, socket);
    });
  };
}
