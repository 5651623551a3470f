import { assignGatewayToolNames, GATEWAY_TOOL_NAME_MAX } from './gatewayToolNames';

const valid = new RegExp(`^[A-Za-z0-9_-]{1,${GATEWAY_TOOL_NAME_MAX}}$`);

describe('gateway tool names', () => {
  it('prefixes the server name when the result fits', () => {
    expect(assignGatewayToolNames([{ serverName: 'github', toolName: 'create_issue' }], true)).toEqual(['github__create_issue']);
  });

  it('shortens long names and replaces characters outside [A-Za-z0-9_-], the same way every time', () => {
    const refs = [{ serverName: 'a-server-with-a-rather-long-name', toolName: 'and.a.tool.name.that.is.long.as.well.really' }];
    const first = assignGatewayToolNames(refs, true);
    expect(first[0]).toMatch(valid);
    expect(assignGatewayToolNames(refs, true)).toEqual(first);
  });

  it('gives colliding names distinct results', () => {
    const names = assignGatewayToolNames([
      { serverName: 'files', toolName: 'read.file' },
      { serverName: 'files', toolName: 'read_file' },
    ], true);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(valid);
    expect(names[1]).toBe('files__read_file');
  });

  it('keeps the tool name alone for a one-server endpoint', () => {
    expect(assignGatewayToolNames([{ serverName: 'files', toolName: 'read' }], false)).toEqual(['read']);
  });
});
