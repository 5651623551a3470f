'use strict';
/**
 * Heap growth after BENCH_MEMORY_QUERIES (default 10,000) distinct list queries — forged cursors and random
 * searches, as any user may send — by two users, measured in this process (the service's) after full collections.
 * Target: ≤ 50 MB. Nothing in the request path may keep what a request asked for.
 */
const v8 = require('node:v8');
const vm = require('node:vm');
const { Types } = require('mongoose');
const { encodeCursor } = require('@mcp-registry/data-schemas');

const QUERIES = Number(process.env.BENCH_MEMORY_QUERIES ?? 10_000);
const PARALLEL = 10;
const TARGET_MB = 50;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function distinctPath(i) {
  const forged = encodeURIComponent(encodeCursor({ id: new Types.ObjectId() }));
  const search = Math.random().toString(36).slice(2);
  const paths = [
    `/api/mcp/servers?limit=100&after=${forged}`,
    `/api/mcp/servers?limit=100&search=${search}`,
    `/api/mcp_server?limit=100&after=${forged}`,
    `/api/mcp_server?limit=${1 + (i % 100)}&catalogId=${new Types.ObjectId().toHexString()}`,
  ];
  return paths[i % paths.length];
}

async function heapAfterGc() {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

module.exports = {
  async run(ctx) {
    const org = await ctx.makeOrg();
    const callers = [await ctx.makeAdmin(org), await ctx.makeUser(org)].map((u) => ({ authorization: `Bearer ${ctx.tokenFor(u)}` }));
    let statusesOk = true;
    const send = async (from, count) => {
      let next = from;
      const worker = async () => {
        while (next < from + count) {
          const i = next++;
          const res = await ctx.request('GET', distinctPath(i), { headers: callers[i % 2] });
          if (res.status !== 200) statusesOk = false;
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
    };
    await send(0, 500);
    const before = await heapAfterGc();
    await send(500, QUERIES);
    const after = await heapAfterGc();
    const growthMb = (after - before) / 1024 / 1024;
    return [
      {
        name: `heap growth after ${QUERIES} distinct list queries (forged cursors, random searches)`,
        value: growthMb.toFixed(1),
        unit: 'MB',
        non2xx: statusesOk ? 0 : 1,
        target: `≤ ${TARGET_MB} MB`,
        met: growthMb <= TARGET_MB && statusesOk,
      },
    ];
  },
};
