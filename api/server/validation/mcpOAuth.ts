import { body, param } from 'express-validator';
import { serverNameParam } from './mcpServers';

const FLOW_ID = /^[0-9a-f]{32}$/;

export const oauthServerRules = [serverNameParam()];

export const oauthStatusRules = [param('flowId').matches(FLOW_ID).withMessage('A flow id (32 hexadecimal characters)')];

export const oauthCancelRules = [
  serverNameParam(),
  body('flowId').optional().isString().withMessage('Must be a string').bail().matches(FLOW_ID).withMessage('A flow id (32 hexadecimal characters)'),
];
