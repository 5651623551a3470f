import type { CollationSpec } from 'mingo/types';

import { MongoCommandError, typeMismatch } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import type { StringOrder } from './compare';
import { compareBson } from './compare';

/** A non-simple collation: mongod's full spec (as listIndexes shows it) and the string order it imposes. */
export interface Collation {
  spec: Doc;
  /** The same collation for mingo's `$sort` (a BCP 47 locale, no options mingo lacks). */
  mingoSpec: CollationSpec;
  strings: StringOrder;
  compare(a: unknown, b: unknown): number;
  /** A string that is equal for exactly the strings this collation calls equal (for unique index keys). */
  equalityKey(value: string): string;
}

const SENSITIVITY = { 1: 'base', 2: 'accent', 3: 'variant' } as const;
const KNOWN = new Set(['locale', 'strength', 'caseLevel', 'caseFirst', 'numericOrdering', 'alternate', 'maxVariable', 'normalization', 'backwards', 'version']);

const unsupported = (what: string): MongoCommandError => new MongoCommandError(2, `collation ${what} is not supported by embedded-mongo`);

/** mongod spells locales with underscores and `@collation=`; Intl wants BCP 47. */
function toLanguageTag(locale: string): string {
  const [base = '', keyword] = locale.split('@');
  const tag = base.replace(/_/g, '-');
  const variant = keyword?.match(/^collation=(\w+)$/)?.[1];
  return variant ? `${tag}-u-co-${variant}` : tag;
}

function optionalBoolean(spec: Doc, field: string): boolean {
  const value = spec[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw typeMismatch(`BSON field 'collation.${field}' is the wrong type '${typeof value}', expected type 'bool'`);
  return value;
}

function strengthOf(spec: Doc): 1 | 2 | 3 {
  const strength = spec.strength ?? 3;
  if (typeof strength !== 'number' || !Number.isInteger(strength) || strength < 1 || strength > 5) {
    throw new MongoCommandError(51024, `BSON field 'strength' value must be >= 1 and <= 5, actual value '${String(strength)}'`);
  }
  if (strength > 3) throw unsupported(`strength ${strength}`);
  return strength as 1 | 2 | 3;
}

function caseFirstOf(spec: Doc): 'upper' | 'lower' | 'off' {
  const value = spec.caseFirst ?? 'off';
  if (value !== 'upper' && value !== 'lower' && value !== 'off') throw new MongoCommandError(2, `Enumeration value '${String(value)}' for field 'caseFirst' is not a valid value.`);
  return value;
}

function checkUnsupported(spec: Doc): void {
  for (const field of Object.keys(spec)) if (!KNOWN.has(field)) throw new MongoCommandError(40415, `BSON field 'collation.${field}' is an unknown field.`);
  if ((spec.alternate ?? 'non-ignorable') !== 'non-ignorable') throw unsupported(`alternate "${String(spec.alternate)}"`);
  if ((spec.maxVariable ?? 'punct') !== 'punct') throw unsupported(`maxVariable "${String(spec.maxVariable)}"`);
  if (optionalBoolean(spec, 'backwards')) throw unsupported('backwards: true');
  optionalBoolean(spec, 'normalization');
}

function equalityKeyer(locale: string, strength: 1 | 2 | 3, caseLevel: boolean, numeric: boolean): (value: string) => string {
  return (value) => {
    let key = value.normalize(strength === 1 ? 'NFD' : 'NFC');
    if (strength === 1) key = key.replace(/\p{M}/gu, '');
    if (strength < 3 && !caseLevel) key = key.toLocaleLowerCase(locale);
    return numeric ? key.replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '')) : key;
  };
}

/** Parses a command's or an index's `collation`; null means the simple (binary) collation. */
export function parseCollation(raw: unknown): Collation | null {
  if (raw === undefined || raw === null) return null;
  if (!isPlainObject(raw)) throw typeMismatch(`BSON field 'collation' is the wrong type '${Array.isArray(raw) ? 'array' : typeof raw}', expected type 'object'`);
  if (typeof raw.locale !== 'string') throw new MongoCommandError(40414, "BSON field 'collation.locale' is missing but a required field");
  checkUnsupported(raw);
  if (raw.locale === 'simple') return null;
  const tag = toLanguageTag(raw.locale);
  const supported = (() => {
    try {
      return Intl.Collator.supportedLocalesOf([tag]).length > 0;
    } catch {
      return false;
    }
  })();
  if (!supported) throw new MongoCommandError(2, `Field 'locale' is invalid in: { locale: "${raw.locale}" }`);
  const strength = strengthOf(raw);
  const caseLevel = optionalBoolean(raw, 'caseLevel');
  const caseFirst = caseFirstOf(raw);
  const numericOrdering = optionalBoolean(raw, 'numericOrdering');
  const sensitivity = caseLevel && strength === 1 ? 'case' : caseLevel ? 'variant' : SENSITIVITY[strength];
  const collator = new Intl.Collator(tag, { sensitivity, numeric: numericOrdering, caseFirst: caseFirst === 'off' ? 'false' : caseFirst, usage: 'sort' });
  const strings: StringOrder = (a, b) => collator.compare(a, b);
  const spec = {
    locale: raw.locale,
    caseLevel,
    caseFirst,
    strength,
    numericOrdering,
    alternate: 'non-ignorable',
    maxVariable: 'punct',
    normalization: raw.normalization === true,
    backwards: false,
    version: '57.1',
  };
  const mingoSpec: CollationSpec = { locale: tag, caseLevel, caseFirst, strength, numericOrdering };
  return { spec, mingoSpec, strings, compare: (a, b) => compareBson(a, b, strings), equalityKey: equalityKeyer(tag, strength, caseLevel, numericOrdering) };
}

export function sameCollation(a: Collation | null, b: Collation | null): boolean {
  if (!a || !b) return a === b;
  return compareBson(a.spec, b.spec) === 0;
}
