import { mcpSettingsSchema } from './mcpSettings';

function problems(input: unknown): string[] {
  const result = mcpSettingsSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('mcpSettingsSchema', () => {
  it('accepts an empty section and leaves both lists absent', () => {
    expect(mcpSettingsSchema.parse({})).toEqual({});
  });

  it('accepts well-formed lists unchanged', () => {
    const settings = {
      allowedDomains: ['example.com', '*.example.org', 'https://secure.example.net', 'http://api.example.com:8080/', '10.0.0.5:8443', '[fd00::1]', 'mcp.internal'],
      allowedAddresses: ['localhost', 'host.docker.internal:8080', 'mcp-server', '127.0.0.1', '10.0.0.5:8080', '::1', '[fd00::1]:3000', '64:ff9b::a00:5', 'Intranet.Example.COM.'],
    };
    expect(mcpSettingsSchema.parse(settings)).toEqual(settings);
  });

  it('rejects an unknown key so that a typo does not silently disable the policy', () => {
    expect(problems({ allowedDomain: ['example.com'] })).toHaveLength(1);
  });

  it.each([
    ['http://10.0.0.5', 'is a URL'],
    ['https://mcp.example.com:8443', 'is a URL'],
    ['10.0.0.5/api', 'contains a path'],
    ['mcp.example.com/path', 'contains a path'],
    ['user@10.0.0.5', 'contains a path, query or credentials'],
    ['10.0.0.0/8', 'is a CIDR block'],
    ['fd00::/8', 'is a CIDR block'],
    ['[fd00::]/8', 'is a CIDR block'],
    ['192.168.0.0/16', 'is a CIDR block'],
    ['10.0.0.5 ', 'contains whitespace'],
    ['10.0.0.5,10.0.0.6', 'is not a valid host name'],
    ['mcp server', 'contains whitespace'],
    ['\t127.0.0.1', 'contains whitespace'],
    ['', 'is empty'],
    ['8.8.8.8', 'is a public IP address'],
    ['1.1.1.1:443', 'is a public IP address'],
    ['[2001:4860:4860::8888]:443', 'is a public IP address'],
    ['2606:4700:4700::1111', 'is a public IP address'],
    ['::ffff:8.8.8.8', 'is a public IP address'],
    ['0.0.0.0', 'is an unspecified, multicast or broadcast address'],
    ['[::]:8080', 'is an unspecified, multicast or broadcast address'],
    ['239.1.2.3', 'is an unspecified, multicast or broadcast address'],
    ['ff02::1', 'is an unspecified, multicast or broadcast address'],
    ['255.255.255.255', 'is an unspecified, multicast or broadcast address'],
    ['127.0.0.1:0', 'has a port outside 1-65535'],
    ['127.0.0.1:65536', 'has a port outside 1-65535'],
    ['127.0.0.1:http', 'has a port outside 1-65535'],
    ['127.0.0.1:', 'has a port outside 1-65535'],
    ['127.1', 'is an IPv4 address in a non-standard form; write it as 127.0.0.1'],
    ['2130706433', 'is an IPv4 address in a non-standard form; write it as 127.0.0.1'],
    ['0x7f.0.0.1', 'is an IPv4 address in a non-standard form; write it as 127.0.0.1'],
    ['[127.0.0.1]', 'has brackets around something that is not an IPv6 address'],
    ['[::1', 'has an unterminated or empty [IPv6] literal'],
    ['[fe80::1%eth0]', 'is not a valid IPv6 address'],
    ['bücher.example', 'must be written in ASCII form (xn--bcher-kva.example)'],
    ['a..b', 'is not a valid host name'],
    ['-bad-.example', 'is not a valid host name'],
    ['*.example.com', 'is not a valid host name'],
  ])('rejects the allowedAddresses entry %j, naming it', (entry, problem) => {
    const found = problems({ allowedAddresses: ['127.0.0.1', entry] });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`allowedAddresses.1: allowedAddresses entry ${JSON.stringify(entry)} ${problem}`);
  });

  it.each([
    ['ftp://example.com', 'has a scheme other than http or https'],
    ['ws://example.com', 'has a scheme other than http or https'],
    ['https://example.com/mcp', 'contains a path, query or credentials'],
    ['example.com?x=1', 'contains a path, query or credentials'],
    ['https://user@example.com', 'contains a path, query or credentials'],
    ['*', 'has a wildcard that is not a leading "*." label'],
    ['*.', 'is not a valid host name'],
    ['a.*.example.com', 'has a wildcard that is not a leading "*." label'],
    ['*example.com', 'has a wildcard that is not a leading "*." label'],
    ['**.example.com', 'has a wildcard that is not a leading "*." label'],
    ['*.10.0.0.5', 'combines a wildcard with an IP address'],
    ['example.com:99999', 'has a port outside 1-65535'],
    ['example .com', 'contains whitespace'],
    ['', 'is empty'],
    ['exa_mple..com', 'is not a valid host name'],
    ['127.1', 'is an IPv4 address in a non-standard form; write it as 127.0.0.1'],
  ])('rejects the allowedDomains entry %j, naming it', (entry, problem) => {
    const found = problems({ allowedDomains: [entry] });
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`allowedDomains.0: allowedDomains entry ${JSON.stringify(entry)} ${problem}`);
  });

  it('reports every bad entry at once', () => {
    expect(problems({ allowedDomains: ['ftp://a.example'], allowedAddresses: ['8.8.8.8', '10.0.0.0/8'] })).toHaveLength(3);
  });
});
