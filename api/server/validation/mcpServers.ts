import { body, param, query } from 'express-validator';
import type { ValidationChain } from 'express-validator';
import {
  McpApiKeySource,
  McpAuthorizationType,
  McpServerLimits,
  MCP_SERVER_NAME_PATTERN,
  TokenExchangeMethod,
} from '@mcp-registry/data-provider';
import { booleanQuery, idParam, listQuery, plainObject } from './common';
import { boundedString, headerName, headers, httpUrl, iconPath, transport, userVars } from './mcpServerFields';
import type { Mode } from './mcpServerFields';

const L = McpServerLimits;

interface FieldOptions {
  /** Must be present on create. */
  required?: boolean;
  /** May be `null` in a patch (clears it). */
  clearable?: boolean;
}

/**
 * One body field for create or patch: on create required fields must exist and others are optional (never null);
 * on patch everything is optional and `null` passes only where it clears something.
 */
function field(path: string, mode: Mode, options: FieldOptions = {}): ValidationChain {
  const chain = body(path);
  if (mode === 'create' && options.required) return chain.exists().withMessage('Required').bail();
  const optional = chain.optional();
  if (mode === 'patch' && options.clearable) return optional.if((value: unknown) => value !== null);
  return optional.custom((value: unknown) => value !== null).withMessage('Cannot be null').bail();
}

const oneOf = (values: readonly string[]) => `One of ${values.join(', ')}`;

function serverRules(mode: Mode): ValidationChain[] {
  const oauthUrl = (name: string) => field(`config.oauth.${name}`, mode, { clearable: true }).custom(httpUrl);
  return [
    field('title', mode, { required: true }).isString().withMessage('Must be a string').bail().trim()
      .isLength({ min: 1, max: L.TITLE_MAX }).withMessage(`1 to ${L.TITLE_MAX} characters`),
    field('description', mode, { clearable: true }).custom(boundedString(L.DESCRIPTION_MAX)),
    field('iconPath', mode, { clearable: true }).custom(iconPath),
    field('config', mode, { required: true }).custom(plainObject),
    field('config.type', mode, { required: true }).custom(transport),
    field('config.url', mode, { required: true }).custom(httpUrl),
    field('config.headers', mode, { clearable: true }).custom(headers(mode)),
    field('config.oauth', mode, { clearable: true }).custom(plainObject),
    oauthUrl('authorization_url'),
    oauthUrl('token_url'),
    oauthUrl('revocation_endpoint'),
    field('config.oauth.client_id', mode, { clearable: true }).custom(boundedString(L.SECRET_MAX, { nonEmpty: true })),
    field('config.oauth.client_secret', mode, { clearable: true }).custom(boundedString(L.SECRET_MAX, { nonEmpty: true })),
    field('config.oauth.scope', mode, { clearable: true }).custom(boundedString(L.SCOPE_MAX)),
    field('config.oauth.token_exchange_method', mode, { clearable: true })
      .isIn(Object.values(TokenExchangeMethod)).withMessage(oneOf(Object.values(TokenExchangeMethod))),
    field('config.apiKey', mode, { clearable: true }).custom(plainObject),
    field('config.apiKey.source', mode).isIn(Object.values(McpApiKeySource)).withMessage(oneOf(Object.values(McpApiKeySource))),
    field('config.apiKey.key', mode, { clearable: true }).custom(boundedString(L.SECRET_MAX, { nonEmpty: true })),
    field('config.apiKey.authorization_type', mode)
      .isIn(Object.values(McpAuthorizationType)).withMessage(oneOf(Object.values(McpAuthorizationType))),
    field('config.apiKey.custom_header', mode, { clearable: true }).custom(headerName),
    field('config.customUserVars', mode, { clearable: true }).custom(userVars(mode)),
    field('config.timeout', mode, { clearable: true })
      .isInt({ min: L.TIMEOUT_MIN_MS, max: L.TIMEOUT_MAX_MS }).withMessage(`An integer from ${L.TIMEOUT_MIN_MS} to ${L.TIMEOUT_MAX_MS} (ms)`)
      .bail().toInt(),
  ];
}

/** An API key block on create must say where the key comes from and how it is sent. */
const apiKeyRequired = [
  body('config.apiKey.source').if(body('config.apiKey').exists()).exists().withMessage('Required'),
  body('config.apiKey.authorization_type').if(body('config.apiKey').exists()).exists().withMessage('Required'),
];

export const serverNameParam = (): ValidationChain =>
  param('serverName')
    .isLength({ min: 1, max: L.SERVER_NAME_MAX }).withMessage(`1 to ${L.SERVER_NAME_MAX} characters`).bail()
    .matches(MCP_SERVER_NAME_PATTERN).withMessage('Lowercase letters, digits and single dashes');

export const listServersRules = [
  ...listQuery(),
  query('search').optional().isString().withMessage('Must be a string').trim()
    .isLength({ min: 1, max: L.SEARCH_MAX }).withMessage(`1 to ${L.SEARCH_MAX} characters`),
];

export const createServerRules = [...serverRules('create'), ...apiKeyRequired];

export const serverNameRules = [serverNameParam()];

export const serverIdRules = [idParam('serverId')];

export const updateServerRules = [
  serverNameParam(),
  body('version').exists().withMessage('Required: the version you read (optimistic concurrency)').bail()
    .isInt({ min: 1 }).withMessage('A positive integer').bail().toInt(),
  ...serverRules('patch'),
];

export const deleteServerRules = [
  serverNameParam(),
  booleanQuery('force'),
];
