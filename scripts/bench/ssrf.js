'use strict';
/**
 * SSRF guard microbenchmark: cost of classifying IP literals and of checking URLs that need no DNS.
 * Uses the built package, so run `npm run build` first. Alone: `node scripts/bench/ssrf.js`.
 */
const { isGlobalUnicast, assertSafeOutboundUrl } = require('@mcp-registry/api');

const IPV4 = ['8.8.8.8', '10.0.0.1', '127.0.0.1', '169.254.169.254', '100.64.0.1', '203.0.113.9'];
const IPV6 = ['2001:4860:4860::8888', '::1', '::ffff:127.0.0.1', 'fd00::1', '64:ff9b::7f00:1', '::8.8.8.8'];
const ALLOWED_DOMAINS = Array.from({ length: 20 }, (_, i) => `*.tenant${i}.example.com`);
const publicLookup = async () => [{ address: '93.184.216.34', family: 4 }];

function nsPerOp(start, iterations) {
  return Number(process.hrtime.bigint() - start) / iterations;
}

function measureSync(iterations, inputs, fn) {
  for (let i = 0; i < 20_000; i += 1) fn(inputs[i % inputs.length]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) fn(inputs[i % inputs.length]);
  return nsPerOp(start, iterations);
}

async function measureAsync(iterations, fn) {
  for (let i = 0; i < 5_000; i += 1) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) await fn();
  return nsPerOp(start, iterations);
}

function row(name, value) {
  return { name, value: Math.round(value), unit: 'ns/op' };
}

async function run() {
  const rejectQuietly = (url, options) => assertSafeOutboundUrl(url, options).catch(() => undefined);
  const sameDomains = { allowedDomains: ALLOWED_DOMAINS, lookup: publicLookup };
  return [
    row('ssrf isGlobalUnicast IPv4 literal', measureSync(1_000_000, IPV4, isGlobalUnicast)),
    row('ssrf isGlobalUnicast IPv6 literal', measureSync(500_000, IPV6, isGlobalUnicast)),
    row('ssrf assertSafeOutboundUrl public IPv4 URL', await measureAsync(200_000, () => assertSafeOutboundUrl('https://93.184.216.34/mcp'))),
    row('ssrf assertSafeOutboundUrl public IPv6 URL', await measureAsync(200_000, () => assertSafeOutboundUrl('https://[2001:4860:4860::8888]/mcp'))),
    row('ssrf assertSafeOutboundUrl blocked decimal-encoded loopback', await measureAsync(100_000, () => rejectQuietly('http://2130706433/'))),
    row('ssrf assertSafeOutboundUrl name, stub lookup', await measureAsync(200_000, () => assertSafeOutboundUrl('https://mcp.example.com/mcp', { lookup: publicLookup }))),
    row('ssrf assertSafeOutboundUrl 20 wildcard allowedDomains', await measureAsync(200_000, () => assertSafeOutboundUrl('https://a.b.tenant19.example.com/mcp', sameDomains))),
  ];
}

module.exports = { run };

if (require.main === module) {
  run().then(
    (rows) => {
      for (const { name, value, unit } of rows) console.log(`${name.padEnd(62)} ${String(value).padStart(8)} ${unit}`);
    },
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
