import { body, param } from 'express-validator';
import type { Meta } from 'express-validator';
import { accessRoleIdList, PrincipalType, ROLE_NAME_PATTERN, SHARE_MAX_ENTRIES, shareablePrincipalTypes } from '@mcp-registry/data-provider';
import { plainObject } from './common';

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

interface PrincipalRef {
  type?: unknown;
  id?: unknown;
}

/** The id of a share entry: an ObjectId for users and groups, a role name for roles. */
function principalId(value: unknown, { req, path }: Meta): true {
  const index = /\[(\d+)\]/.exec(path)?.[1];
  const list = path.startsWith('updated') ? 'updated' : 'removed';
  const entry = ((req.body as Record<string, PrincipalRef[] | undefined>)[list] ?? [])[Number(index)];
  if (typeof value !== 'string') throw new Error('Must be a string');
  if (entry?.type === PrincipalType.ROLE) {
    if (!ROLE_NAME_PATTERN.test(value)) throw new Error('Must be a role name');
    return true;
  }
  if (!OBJECT_ID.test(value)) throw new Error('Must be an ObjectId');
  return true;
}

const key = (p: PrincipalRef) => `${String(p.type)}:${String(p.id)}`;

/** Each principal at most once in `updated`, and never both updated and removed. */
function noRepeats(_value: unknown, { req }: Meta): true {
  const { updated = [], removed = [] } = req.body as { updated?: PrincipalRef[]; removed?: PrincipalRef[] };
  if (!Array.isArray(updated) || !Array.isArray(removed)) return true;
  const seen = new Set<string>();
  for (const p of updated) {
    if (seen.has(key(p))) throw new Error(`${key(p)} is listed twice in updated`);
    seen.add(key(p));
  }
  const both = removed.find((p) => seen.has(key(p)));
  if (both) throw new Error(`${key(both)} is both updated and removed`);
  return true;
}

const types = shareablePrincipalTypes as readonly string[];
const oneOf = (values: readonly string[]) => `One of ${values.join(', ')}`;

const entryRules = (list: 'updated' | 'removed') => [
  body(list).optional().isArray({ max: SHARE_MAX_ENTRIES }).withMessage(`An array of at most ${SHARE_MAX_ENTRIES} entries`),
  body(`${list}.*`).custom(plainObject),
  body(`${list}.*.type`).exists().withMessage('Required').bail().isIn(types).withMessage(`${oneOf(types)} (use "public" for everyone)`),
  body(`${list}.*.id`).exists().withMessage('Required').bail().custom(principalId),
];

export const serverIdRules = [param('serverId').isMongoId().withMessage('Must be an ObjectId')];

export const updateSharingRules = [
  ...serverIdRules,
  ...entryRules('updated'),
  body('updated.*.accessRoleId').exists().withMessage('Required').bail().isIn(accessRoleIdList).withMessage(oneOf(accessRoleIdList)),
  ...entryRules('removed'),
  body('removed').custom(noRepeats),
  body('public').optional().custom((v: unknown) => typeof v === 'boolean').withMessage('true or false (a JSON boolean)'),
  body('publicAccessRoleId')
    .optional()
    .isIn(accessRoleIdList).withMessage(oneOf(accessRoleIdList)).bail()
    .custom((_v: unknown, { req }: Meta) => (req.body as { public?: unknown }).public === true)
    .withMessage('Only together with public: true'),
];
