import { body, header } from 'express-validator';
import type { ValidationChain } from 'express-validator';
import { serverNameParam } from './mcpServers';

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isMessage = (b: Record<string, unknown>) => typeof b.method === 'string' || ('id' in b && ('result' in b || 'error' in b));

/**
 * One JSON-RPC 2.0 message (MCP's Streamable HTTP carries one per POST): a request or notification (`method`), or
 * a response (`result` / `error` with the `id` it answers). The SDK checks the rest of the protocol.
 */
const jsonRpcMessage: ValidationChain[] = [
  body('jsonrpc')
    .equals('2.0').withMessage('Must be "2.0"').bail()
    .custom((_v: unknown, { req }) => isMessage(req.body as Record<string, unknown>))
    .withMessage('A JSON-RPC request or notification (method) or a response (id with result or error)'),
  body('method').optional().isString().withMessage('Must be a string').bail().isLength({ min: 1, max: 256 }).withMessage('1 to 256 characters'),
  body('id')
    .optional()
    .custom((v: unknown) => (typeof v === 'string' && v.length <= 256) || Number.isSafeInteger(v))
    .withMessage('Must be a string or an integer'),
  body('params').optional().custom(isObject).withMessage('Must be an object'),
  body('result').optional().custom(isObject).withMessage('Must be an object'),
  body('error').optional().custom(isObject).withMessage('Must be an object'),
];

const accepts = (...types: string[]) =>
  header('accept')
    .custom((v: unknown) => typeof v === 'string' && types.every((t) => v.includes(t) || v.includes('*/*')))
    .withMessage(`Must accept ${types.join(' and ')}`);

export const gatewayPostRules: ValidationChain[] = [accepts('application/json', 'text/event-stream'), ...jsonRpcMessage];
export const gatewayStreamRules: ValidationChain[] = [accepts('text/event-stream')];
export const gatewayEndRules: ValidationChain[] = [];

export const gatewayServerPostRules: ValidationChain[] = [serverNameParam(), ...gatewayPostRules];
export const gatewayServerStreamRules: ValidationChain[] = [serverNameParam(), ...gatewayStreamRules];
export const gatewayServerEndRules: ValidationChain[] = [serverNameParam()];
