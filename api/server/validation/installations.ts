import { body, query } from 'express-validator';
import type { Meta } from 'express-validator';
import {
  CUSTOM_USER_VAR_NAME_PATTERN,
  CUSTOM_USER_VAR_VALUE_MAX_LENGTH,
  CUSTOM_USER_VARS_MAX_COUNT,
  IMMUTABLE_INSTALLATION_FIELDS,
  InstallationScope,
  installationScopeList,
  InstallationStatus,
} from '@mcp-registry/data-provider';
import { idParam, listQuery } from './common';

const scopes = installationScopeList.join(', ');
const MUST_BE_ID = 'Must be an ObjectId';

function scopeOf(meta: Meta): unknown {
  const payload = meta.req.body as { scope?: unknown } | undefined;
  return payload?.scope ?? InstallationScope.PERSONAL;
}

function assertCustomUserVars(value: Record<string, unknown>): true {
  const entries = Object.entries(value);
  if (entries.length > CUSTOM_USER_VARS_MAX_COUNT) throw new Error(`At most ${CUSTOM_USER_VARS_MAX_COUNT} variables`);
  for (const [name, v] of entries) {
    if (!CUSTOM_USER_VAR_NAME_PATTERN.test(name)) throw new Error(`Invalid variable name "${name.slice(0, 64)}"`);
    if (typeof v !== 'string') throw new Error(`The value of ${name} must be a string`);
    if (v.length > CUSTOM_USER_VAR_VALUE_MAX_LENGTH) throw new Error(`The value of ${name} is longer than ${CUSTOM_USER_VAR_VALUE_MAX_LENGTH} characters`);
  }
  return true;
}

/**
 * The install body. `userId: ""` and `userId: null` are present and malformed (400), not "omitted": `optional()`
 * only skips a field that is absent. Ids are lower-cased so "my own id" is recognised whatever its case.
 */
export const createInstallationRules = [
  body('catalogId').exists().withMessage('Required').bail().isMongoId().withMessage(MUST_BE_ID).bail().toLowerCase(),
  body('scope').optional().isIn(installationScopeList).withMessage(`One of ${scopes}`),
  body('userId')
    .optional()
    .isMongoId()
    .withMessage(MUST_BE_ID)
    .bail()
    .custom((_v, meta) => scopeOf(meta) === InstallationScope.PERSONAL)
    .withMessage('Only accepted with scope "personal"')
    .toLowerCase(),
  body('teamId')
    .if((_v: unknown, meta: Meta) => scopeOf(meta) === InstallationScope.TEAM)
    .exists()
    .withMessage('Required with scope "team"'),
  body('teamId')
    .optional()
    .isMongoId()
    .withMessage(MUST_BE_ID)
    .bail()
    .custom((_v, meta) => scopeOf(meta) === InstallationScope.TEAM)
    .withMessage('Only accepted with scope "team"')
    .toLowerCase(),
  body('customUserVars')
    .optional()
    .isObject({ strict: true })
    .withMessage('Must be an object of strings')
    .bail()
    .custom(assertCustomUserVars),
];

export const listInstallationsRules = [
  ...listQuery(),
  query('catalogId').optional().isMongoId().withMessage(MUST_BE_ID).bail().toLowerCase(),
  query('userId').optional().isMongoId().withMessage(MUST_BE_ID).bail().toLowerCase(),
  query('scope').optional().isIn(installationScopeList).withMessage(`One of ${scopes}`),
];

export const installationIdRules = [idParam()];

const statuses = Object.values(InstallationStatus);

/** PATCH body: new variables (replacing the stored ones; null clears) and/or a status; identifying fields are refused by name. */
export const updateInstallationRules = [
  idParam(),
  ...IMMUTABLE_INSTALLATION_FIELDS.map((field) =>
    body(field).optional().not().exists().withMessage('Cannot be changed: remove the installation and install again'),
  ),
  body('customUserVars')
    .optional()
    .custom((value: unknown) => {
      if (value === null) return true;
      if (typeof value !== 'object' || Array.isArray(value)) throw new Error('Must be an object of strings, or null to clear them');
      return assertCustomUserVars(value as Record<string, unknown>);
    }),
  body('status').if(body('customUserVars').not().exists()).exists().withMessage('Send customUserVars, status or both'),
  body('status').optional().isIn(statuses).withMessage(`One of ${statuses.join(', ')}`),
];
