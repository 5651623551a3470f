#!/usr/bin/env node
/**
 * A local MCP server for benchmarks, built with the SDK's server classes: Streamable HTTP with sessions on
 * 127.0.0.1, one tool `echo`. Run as a child process (`node scripts/mcpPeer.js`); prints `listening on <url>`.
 */
'use strict';

const { randomUUID } = require('node:crypto');
const { createServer } = require('node:http');
const { Server } = require('@modelcontextprotocol/sdk/server/index.js');
const { StreamableHTTPServerTransport } = require('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { CallToolRequestSchema, ListToolsRequestSchema } = require('@modelcontextprotocol/sdk/types.js');

const TOOLS = [{ name: 'echo', description: 'Answers its text', inputSchema: { type: 'object', properties: { text: { type: 'string' } } } }];
const sessions = new Map();

function mcpServer() {
  const server = new Server({ name: 'bench-peer', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: TOOLS }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => ({ content: [{ type: 'text', text: String(request.params.arguments?.text ?? '') }] }));
  return server;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

async function handle(req, res) {
  const id = req.headers['mcp-session-id'];
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  const known = typeof id === 'string' ? sessions.get(id) : undefined;
  if (known) return known.handleRequest(req, res, body);
  if (req.method !== 'POST' || id) return void res.writeHead(404).end();
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
    onsessionclosed: (sessionId) => sessions.delete(sessionId),
  });
  await mcpServer().connect(transport);
  await transport.handleRequest(req, res, body);
}

const http = createServer((req, res) => {
  handle(req, res).catch(() => (res.headersSent ? res.end() : res.writeHead(500).end()));
});
http.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${http.address().port}/mcp`));
process.on('SIGTERM', () => process.exit(0));
