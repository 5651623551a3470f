import { assertSafeOutboundUrl } from './assertSafeOutboundUrl';
import { dnsError, stubLookup } from './__tests__/stubLookup';
import { SSRFBlockedError } from './ssrfBlockedError';
import type { SsrfOptions } from './types';

const PUBLIC_V4 = '93.184.216.34';
const PUBLIC_V6 = '2606:2800:220:1:248:1893:25c8:1946';

/** Every name resolves to a public address, so a refusal can only come from how the URL itself is judged. */
function publicEverywhere() {
  return stubLookup(new Proxy({}, { get: () => [PUBLIC_V4] }));
}

async function refusal(url: string, options: SsrfOptions = { lookup: publicEverywhere() }): Promise<SSRFBlockedError> {
  const outcome = await assertSafeOutboundUrl(url, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof SSRFBlockedError)) throw new Error(`expected ${url} to be blocked, got ${String(outcome)}`);
  return outcome;
}

describe('assertSafeOutboundUrl: schemes, syntax and credentials', () => {
  it.each([
    ['ftp://example.com/file', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['gopher://example.com:6379/_INFO', /only http and https/],
    ['ws://example.com/socket', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['data:text/plain,hello', /only http and https/],
    ['not a url', /not valid/],
    ['', /not valid/],
    ['http://', /not valid/],
    ['http://[fe80::1%25eth0]/', /not valid/],
    ['http://1.2.3.4.5/', /not valid/],
    ['http://user:secret@example.com/', /credentials/],
    ['http://user@example.com/', /credentials/],
    ['http://example.com@127.0.0.1/', /credentials/],
    ['http://@example.com/', /credentials/],
    ['http://:@example.com/', /credentials/],
    ['http:@example.com/', /credentials/],
    ['http://a..b/', /not a valid host name/],
  ])('refuses %j', async (url, reason) => {
    const error = await refusal(url);
    expect(error.reason).toMatch(reason);
    expect(error).toMatchObject({ status: 400, code: 'SSRF_BLOCKED', message: error.reason });
  });

  it('resolves with the parsed URL when it is allowed', async () => {
    const url = await assertSafeOutboundUrl('HTTPS://Example.COM:8443/mcp?x=1#f', { lookup: publicEverywhere() });
    expect(url).toBeInstanceOf(URL);
    expect(url.href).toBe('https://example.com:8443/mcp?x=1#f');
  });
});

describe('assertSafeOutboundUrl: address literals in every encoding', () => {
  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback, short form'],
    ['http://127.0.1/', 'loopback, three-part form'],
    ['http://2130706433/', 'loopback, decimal'],
    ['http://0x7f000001/', 'loopback, hex'],
    ['http://0x7f.0.0.1/', 'loopback, hex octet'],
    ['http://0177.0.0.1/', 'loopback, octal octet'],
    ['http://017700000001/', 'loopback, octal'],
    ['http://0x7f.1/', 'loopback, hex short form'],
    ['http://127.0.0.1./', 'loopback, trailing dot'],
    ['http://%31%32%37.0.0.1/', 'loopback, percent-encoded'],
    ['http://１２７.０.０.１/', 'loopback, full-width digits'],
    ['http://127。0。0。1/', 'loopback, ideographic full stops'],
    ['http://0/', '0.0.0.0, single zero'],
    ['http://0.0.0.0:8080/', 'unspecified'],
    ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
    ['http://2852039166/', 'metadata, decimal'],
    ['http://0xa9fea9fe/', 'metadata, hex'],
    ['http://0251.0376.0251.0376/', 'metadata, octal'],
    ['http://169.254.43518/', 'metadata, short form'],
    ['http://10.0.0.1:8080/', 'private 10/8'],
    ['https://192.168.0.1/', 'private 192.168/16'],
    ['http://172.16.5.4/', 'private 172.16/12'],
    ['http://100.64.0.1/', 'CGNAT'],
    ['http://198.18.0.1/', 'benchmarking'],
    ['http://192.0.2.1/', 'documentation'],
    ['http://192.0.0.1/', '192.0.0.0/24'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[::]/', 'IPv6 unspecified'],
    ['http://[::1]/', 'IPv6 loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'IPv6 loopback, uncompressed'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
    ['http://[::ffff:7f00:1]/', 'IPv4-mapped loopback, hex'],
    ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped metadata'],
    ['http://[::127.0.0.1]/', 'IPv4-compatible loopback'],
    ['http://[::8.8.8.8]/', 'IPv4-compatible public'],
    ['http://[::ffff:0:127.0.0.1]/', 'RFC 6145 translated'],
    ['http://[64:ff9b::127.0.0.1]/', 'NAT64 64:ff9b::/96'],
    ['http://[64:ff9b::8.8.8.8]/', 'NAT64 of a public address'],
    ['http://[64:ff9b:1::a9fe:a9fe]/', 'NAT64 64:ff9b:1::/48'],
    ['http://[2002:7f00:1::]/', '6to4 of 127.0.0.1'],
    ['http://[2002:a9fe:a9fe::]/', '6to4 of the metadata address'],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'Teredo'],
    ['http://[fd00:ec2::254]/', 'AWS metadata over IPv6'],
    ['http://[fc00::1]/', 'ULA'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[fec0::1]/', 'site-local'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://[2001:db8::1]/', 'documentation'],
    ['http://[100::1]/', 'discard'],
  ])('refuses %s (%s) without asking DNS', async (url) => {
    const lookup = publicEverywhere();
    await refusal(url, { lookup });
    expect(lookup.calls).toEqual([]);
  });

  it('names the address the caller wrote in the reason', async () => {
    expect((await refusal('http://[::1]:8080/')).reason).toBe('[::1] is a loopback address');
    expect((await refusal('http://0x7f.1/')).reason).toBe('127.0.0.1 is a loopback address');
  });

  it.each([
    ['http://8.8.8.8/'],
    ['https://1.1.1.1:8443/dns-query'],
    ['http://[2001:4860:4860::8888]/'],
    ['http://[::ffff:8.8.8.8]/'],
    ['http://134744072/'],
  ])('allows the public literal %s', async (url) => {
    await expect(assertSafeOutboundUrl(url, { lookup: publicEverywhere() })).resolves.toBeInstanceOf(URL);
  });
});

describe('assertSafeOutboundUrl: host names', () => {
  it.each([
    ['http://localhost/', /local host name/],
    ['http://LOCALHOST:3000/', /local host name/],
    ['http://localhost./', /local host name/],
    ['http://%6c%6fcalhost/', /local host name/],
    ['http://ⓛocalhost/', /local host name/],
    ['http://localhost.localdomain/', /local host name/],
    ['http://api.localhost/', /\.localhost/],
    ['http://printer.local/', /\.local$/],
    ['http://metadata.google.internal/computeMetadata/v1/', /\.internal/],
    ['http://host.docker.internal:8080/', /\.internal/],
    ['http://router.home.arpa/', /\.home\.arpa/],
    ['http://home.arpa/', /\.home\.arpa/],
    ['http://nas.localdomain/', /\.localdomain/],
    ['http://intranet/', /single-label/],
    ['http://intranet./', /single-label/],
    ['http://mcp-server:8080/', /single-label/],
  ])('refuses %s by name, without asking DNS', async (url, reason) => {
    const lookup = publicEverywhere();
    expect((await refusal(url, { lookup })).reason).toMatch(reason);
    expect(lookup.calls).toEqual([]);
  });

  it.each([
    ['http://localhost.example.com/'],
    ['http://mylocal.com/'],
    ['http://internal.example.com/'],
    ['http://example.internalx/'],
    ['http://home.arpa.example.com/'],
    ['http://notlocalhost.com/'],
    ['http://local.example/'],
    ['https://example.com./'],
  ])('does not over-block %s, whose suffix only looks local', async (url) => {
    await expect(assertSafeOutboundUrl(url, { lookup: publicEverywhere() })).resolves.toBeInstanceOf(URL);
  });
});

describe('assertSafeOutboundUrl: resolved names', () => {
  const lookup = stubLookup({
    'public.example': [PUBLIC_V4, PUBLIC_V6],
    'private.example': ['10.0.0.5'],
    'mixed.example': [PUBLIC_V4, '127.0.0.1'],
    'mixed6.example': [PUBLIC_V6, 'fd00::1'],
    'mapped.example': ['::ffff:127.0.0.1'],
    'metadata.example': ['169.254.169.254'],
    'nat64.example': ['64:ff9b::a9fe:a9fe'],
    'empty.example': [],
    'garbage.example': ['not-an-ip'],
    'timeout.example': dnsError('EAI_AGAIN'),
    'refused.example': dnsError('ECONNREFUSED'),
  });

  it('allows a name when every answer is global unicast', async () => {
    await expect(assertSafeOutboundUrl('https://public.example/mcp', { lookup })).resolves.toBeInstanceOf(URL);
    expect(lookup.calls).toContain('public.example');
  });

  it.each([
    ['private.example', /resolves to a private address/],
    ['mixed.example', /resolves to a loopback address/],
    ['mixed6.example', /resolves to a unique local address/],
    ['mapped.example', /resolves to a loopback address/],
    ['metadata.example', /resolves to a link-local address/],
    ['nat64.example', /resolves to a NAT64 address/],
    ['empty.example', /has no addresses/],
    ['garbage.example', /not an IP address/],
    ['unknown.example', /could not be resolved \(ENOTFOUND\)/],
    ['timeout.example', /could not be resolved \(EAI_AGAIN\)/],
    ['refused.example', /could not be resolved \(ECONNREFUSED\)/],
  ])('refuses %s (fail closed)', async (host, reason) => {
    expect((await refusal(`http://${host}/`, { lookup })).reason).toMatch(reason);
  });

  it('never reveals the internal address a name resolved to', async () => {
    const { reason } = await refusal('http://private.example/', { lookup });
    expect(reason).not.toContain('10.0.0.5');
  });
});

describe('assertSafeOutboundUrl: allowedDomains', () => {
  const lookup = stubLookup({
    'example.com': [PUBLIC_V4],
    'www.example.com': [PUBLIC_V4],
    'a.b.example.com': [PUBLIC_V4],
    'other.org': [PUBLIC_V4],
    'mcp.corp.example': ['10.0.0.5'],
  });
  const only = (...allowedDomains: string[]): SsrfOptions => ({ allowedDomains, lookup });

  it('is a strict whitelist: a public host outside the list is refused', async () => {
    expect((await refusal('https://other.org/', only('example.com'))).reason).toBe(
      '"other.org" is not in mcpSettings.allowedDomains',
    );
  });

  it('matches a plain entry exactly, not its subdomains or look-alikes', async () => {
    await expect(assertSafeOutboundUrl('https://example.com/', only('example.com'))).resolves.toBeInstanceOf(URL);
    await refusal('https://www.example.com/', only('example.com'));
    await refusal('https://notexample.com/', only('example.com'));
    await refusal('https://example.com.evil.org/', only('example.com'));
  });

  it('matches a *. entry on the apex and any depth of subdomain, on whole labels', async () => {
    for (const url of ['https://example.com/', 'https://www.example.com/', 'https://a.b.example.com/']) {
      await expect(assertSafeOutboundUrl(url, only('*.example.com'))).resolves.toBeInstanceOf(URL);
    }
    await refusal('https://badexample.com/', only('*.example.com'));
    await refusal('https://example.com.evil.org/', only('*.example.com'));
  });

  it('requires the scheme of an entry that has one, on any port', async () => {
    await expect(assertSafeOutboundUrl('https://example.com:8443/', only('https://example.com'))).resolves.toBeInstanceOf(URL);
    await refusal('http://example.com/', only('https://example.com'));
  });

  it('requires the port of an entry that has one, using the default port of the scheme', async () => {
    await expect(assertSafeOutboundUrl('https://example.com:8443/', only('example.com:8443'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://example.com:8443/', only('example.com:8443'))).resolves.toBeInstanceOf(URL);
    await refusal('https://example.com/', only('example.com:8443'));
    await expect(assertSafeOutboundUrl('http://example.com/', only('http://example.com:80'))).resolves.toBeInstanceOf(URL);
    await refusal('https://example.com/', only('http://example.com:80'));
  });

  it('lets a listed name skip the private-address and local-name checks without resolving it', async () => {
    const calls = lookup.calls.length;
    await expect(assertSafeOutboundUrl('http://mcp.corp.example/', only('mcp.corp.example'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://mcp.internal:8080/', only('mcp.internal'))).resolves.toBeInstanceOf(URL);
    expect(lookup.calls.length).toBe(calls);
  });

  it('matches IP literal entries on the address they denote, with their port', async () => {
    await expect(assertSafeOutboundUrl('http://10.0.0.5:8080/', only('10.0.0.5:8080'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://0xa000005:8080/', only('10.0.0.5:8080'))).resolves.toBeInstanceOf(URL);
    await refusal('http://10.0.0.5:9090/', only('10.0.0.5:8080'));
    await expect(assertSafeOutboundUrl('http://[fd00::1]:3000/', only('[fd00::1]'))).resolves.toBeInstanceOf(URL);
  });

  it('ignores case and one trailing dot on both sides', async () => {
    await expect(assertSafeOutboundUrl('https://EXAMPLE.com./', only('Example.COM.'))).resolves.toBeInstanceOf(URL);
  });

  it('stays authoritative over allowedAddresses, which never admits a host outside it', async () => {
    const options: SsrfOptions = { allowedDomains: ['example.com'], allowedAddresses: ['10.0.0.5', 'intranet'], lookup };
    await refusal('http://10.0.0.5/', options);
    await refusal('http://intranet/', options);
    await refusal('http://mcp.corp.example/', options);
  });

  it('throws instead of silently turning the whitelist off when an entry is invalid', async () => {
    await expect(assertSafeOutboundUrl('https://example.com/', only('https://example.com/path'))).rejects.toThrow(TypeError);
  });
});

describe('assertSafeOutboundUrl: allowedAddresses', () => {
  const lookup = stubLookup({
    'intranet.example.com': ['10.0.0.5'],
    'split.example.com': ['10.0.0.5', '10.0.0.6'],
    'mcp-server': ['172.18.0.5'],
    'example.com': [PUBLIC_V4],
  });
  const exempt = (...allowedAddresses: string[]): SsrfOptions => ({ allowedAddresses, lookup });

  it('exempts a private address literal on any port when the entry has none', async () => {
    await expect(assertSafeOutboundUrl('http://127.0.0.1:3000/', exempt('127.0.0.1'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://127.0.0.1/', exempt('127.0.0.1'))).resolves.toBeInstanceOf(URL);
    await refusal('http://127.0.0.2/', exempt('127.0.0.1'));
    await refusal('http://[::1]/', exempt('127.0.0.1'));
  });

  it('requires the port of an entry that has one', async () => {
    await expect(assertSafeOutboundUrl('http://127.0.0.1:3000/', exempt('127.0.0.1:3000'))).resolves.toBeInstanceOf(URL);
    await refusal('http://127.0.0.1:3001/', exempt('127.0.0.1:3000'));
    await refusal('http://127.0.0.1/', exempt('127.0.0.1:3000'));
  });

  it('never reads an explicit port 0 as the default port of the scheme', async () => {
    await refusal('http://127.0.0.1:0/', exempt('127.0.0.1:80'));
  });

  it('matches bracketed and bare IPv6 entries', async () => {
    await expect(assertSafeOutboundUrl('http://[::1]:8080/', exempt('[::1]:8080'))).resolves.toBeInstanceOf(URL);
    await refusal('http://[::1]:8081/', exempt('[::1]:8080'));
    await expect(assertSafeOutboundUrl('http://[0:0::1]:9/', exempt('::1'))).resolves.toBeInstanceOf(URL);
  });

  it('judges other encodings of an exempt address by the address they denote', async () => {
    await expect(assertSafeOutboundUrl('http://2130706433:3000/', exempt('127.0.0.1:3000'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://[::ffff:127.0.0.1]:3000/', exempt('127.0.0.1:3000'))).resolves.toBeInstanceOf(URL);
  });

  it('exempts a name entry even when the name is local-only or single-label', async () => {
    await expect(assertSafeOutboundUrl('http://mcp-server:8080/', exempt('mcp-server'))).resolves.toBeInstanceOf(URL);
    await expect(assertSafeOutboundUrl('http://host.docker.internal:8080/', exempt('host.docker.internal:8080'))).resolves.toBeInstanceOf(URL);
    await refusal('http://host.docker.internal:9090/', exempt('host.docker.internal:8080'));
  });

  it('exempts a name whose every resolved address is exempt, and only then', async () => {
    await expect(assertSafeOutboundUrl('http://intranet.example.com/', exempt('10.0.0.5'))).resolves.toBeInstanceOf(URL);
    await refusal('http://split.example.com/', exempt('10.0.0.5'));
    await expect(assertSafeOutboundUrl('http://intranet.example.com:8080/', exempt('10.0.0.5:8080'))).resolves.toBeInstanceOf(URL);
    await refusal('http://intranet.example.com:9090/', exempt('10.0.0.5:8080'));
  });

  it('is an exemption list, not a whitelist: public targets stay allowed and other private ones blocked', async () => {
    await expect(assertSafeOutboundUrl('https://example.com/', exempt('10.0.0.5'))).resolves.toBeInstanceOf(URL);
    await refusal('http://10.0.0.6/', exempt('10.0.0.5'));
  });

  it('does not admit a blocked name through an address entry', async () => {
    expect((await refusal('http://localhost:3000/', exempt('127.0.0.1:3000'))).reason).toMatch(/local host name/);
  });
});
