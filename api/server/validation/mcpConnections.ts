import { body, param } from 'express-validator';
import {
  CUSTOM_USER_VAR_NAME_PATTERN,
  CUSTOM_USER_VAR_VALUE_MAX_LENGTH,
  CUSTOM_USER_VARS_MAX_COUNT,
  McpCallLimits,
  McpInspectMethod,
  mcpInspectMethodList,
} from '@mcp-registry/data-provider';
import type { Meta } from 'express-validator';
import { idParam } from './common';
import { serverNameParam } from './mcpServers';

const MAX_ARGUMENT_KEYS = 256;

/** A tool name as MCP servers write them: printable, no slashes (it is a path segment). */
const toolNameParam = () =>
  param('toolName')
    .isLength({ min: 1, max: McpCallLimits.TOOL_NAME_MAX }).withMessage(`1 to ${McpCallLimits.TOOL_NAME_MAX} characters`).bail()
    .matches(/^[A-Za-z0-9_.:-]+$/).withMessage('Letters, digits, "_", "-", "." and ":"');

function assertAuthValues(value: Record<string, unknown>): true {
  const entries = Object.entries(value);
  if (entries.length === 0) throw new Error('Name at least one variable');
  if (entries.length > CUSTOM_USER_VARS_MAX_COUNT) throw new Error(`At most ${CUSTOM_USER_VARS_MAX_COUNT} variables`);
  for (const [name, v] of entries) {
    if (!CUSTOM_USER_VAR_NAME_PATTERN.test(name)) throw new Error(`Invalid variable name "${name.slice(0, 64)}"`);
    if (v !== null && typeof v !== 'string') throw new Error(`The value of ${name} must be a string, or null to clear it`);
    if (typeof v === 'string' && v.length > CUSTOM_USER_VAR_VALUE_MAX_LENGTH) {
      throw new Error(`The value of ${name} is longer than ${CUSTOM_USER_VAR_VALUE_MAX_LENGTH} characters`);
    }
  }
  return true;
}

function assertArguments(value: Record<string, unknown>): true {
  if (Object.keys(value).length > MAX_ARGUMENT_KEYS) throw new Error(`At most ${MAX_ARGUMENT_KEYS} arguments`);
  return true;
}

const argumentsField = () =>
  body('arguments').optional().isObject({ strict: true }).withMessage('Must be an object').bail().custom(assertArguments);

const isToolCall = (_v: unknown, meta: Meta) => (meta.req.body as { method?: unknown } | undefined)?.method === McpInspectMethod.TOOLS_CALL;

export const serverNameOnlyRules = [serverNameParam()];

export const updateAuthValuesRules = [
  serverNameParam(),
  body('values').exists().withMessage('Required').bail().isObject({ strict: true }).withMessage('Must be an object of strings or nulls').bail().custom(assertAuthValues),
];

export const callToolRules = [serverNameParam(), toolNameParam(), argumentsField()];

export const inspectRules = [
  idParam(),
  body('method').exists().withMessage('Required').bail().isIn(mcpInspectMethodList).withMessage(`One of ${mcpInspectMethodList.join(', ')}`),
  body('toolName').if(isToolCall).exists().withMessage('Required with method "tools/call"'),
  body('toolName')
    .optional()
    .isString().withMessage('Must be a string').bail()
    .isLength({ min: 1, max: McpCallLimits.TOOL_NAME_MAX }).withMessage(`1 to ${McpCallLimits.TOOL_NAME_MAX} characters`).bail()
    .custom(isToolCall).withMessage('Only accepted with method "tools/call"'),
  argumentsField().bail().custom(isToolCall).withMessage('Only accepted with method "tools/call"'),
];
