import { body, bearer, errors, json, noAuth, ref } from '../helpers';
import type { OpenApiModule } from '../types';

const loginResponse = { type: 'object', required: ['token', 'user'], properties: { token: { type: 'string' }, user: ref('User') } };
const setsCookie = { 'Set-Cookie': { description: 'httpOnly refresh token cookie (path /api/auth)', schema: { type: 'string' } } };

export const authPaths: OpenApiModule = {
  tag: { name: 'auth', description: 'Sessions and the current user' },
  paths: {
    '/api/auth/login': {
      post: {
        summary: 'Log in with email and password',
        tags: ['auth'],
        security: noAuth,
        requestBody: body({
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } },
        }),
        responses: {
          '200': { ...json(loginResponse), headers: setsCookie },
          ...errors(400, 401, 429),
        },
      },
    },
    '/api/auth/refresh': {
      post: {
        summary: 'Exchange the refresh cookie for a new access token (and a rotated cookie)',
        tags: ['auth'],
        security: noAuth,
        responses: { '200': { ...json(loginResponse), headers: setsCookie }, ...errors(401) },
      },
    },
    '/api/auth/logout': {
      post: {
        summary: 'End the session of the refresh cookie and clear it',
        tags: ['auth'],
        security: noAuth,
        responses: { '204': { description: 'Logged out' } },
      },
    },
    '/api/user': {
      get: {
        summary: 'The authenticated caller',
        tags: ['auth'],
        security: bearer,
        responses: { '200': json(ref('User')), ...errors(401) },
      },
    },
  },
};
