import { bearer, body, errors, json, noAuth, ref, refreshCookie } from '../helpers';
import type { OpenApiModule } from '../types';

const setsCookie = { 'Set-Cookie': { description: 'httpOnly refresh token cookie (path /api/auth)', schema: { type: 'string' } } };

export const authPaths: OpenApiModule = {
  tag: { name: 'auth', description: 'Sessions and the current user' },
  schemas: {
    LoginRequest: {
      type: 'object',
      required: ['email', 'password'],
      additionalProperties: false,
      properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', writeOnly: true } },
    },
    CallerPermissions: { type: 'object', required: ['role', 'permissions'], properties: { role: { type: 'string' }, permissions: ref('RolePermissions') } },
    Session: { type: 'object', required: ['token', 'user'], properties: { token: { type: 'string', description: 'Access token (JWT)' }, user: ref('User') } },
  },
  paths: {
    '/api/auth/login': {
      post: {
        summary: 'Log in with email and password',
        operationId: 'login',
        security: noAuth,
        requestBody: body(ref('LoginRequest')),
        responses: {
          '200': { ...json(ref('Session')), headers: setsCookie },
          ...errors(401, 429),
        },
      },
    },
    '/api/auth/refresh': {
      post: {
        summary: 'Exchange the refresh cookie for a new access token (and a rotated cookie)',
        operationId: 'refreshSession',
        security: refreshCookie,
        responses: { '200': { ...json(ref('Session')), headers: setsCookie } },
      },
    },
    '/api/auth/logout': {
      post: {
        summary: 'End the session of the refresh cookie (if any) and clear it',
        operationId: 'logout',
        security: [...refreshCookie, {}],
        responses: { '204': { description: 'Logged out' } },
      },
    },
    '/api/user': {
      get: {
        summary: 'The authenticated caller',
        operationId: 'getCurrentUser',
        security: bearer,
        responses: { '200': json(ref('User')) },
      },
    },
    '/api/user/permissions': {
      get: {
        summary: "The caller's role and what it grants (to offer only what the API would allow)",
        operationId: 'getCallerPermissions',
        'x-permission': 'any authenticated caller (about themselves)',
        security: bearer,
        responses: { '200': json(ref('CallerPermissions')) },
      },
    },
  },
};
