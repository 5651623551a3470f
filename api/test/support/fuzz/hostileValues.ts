import fc from 'fast-check';
import { RawJson } from './jsonText';

const nested = (depth: number, open: string, leaf: string, close: string) => new RawJson(open.repeat(depth) + leaf + close.repeat(depth));
export const deepArray = (depth: number) => nested(depth, '[', '', ']');
export const deepObject = (depth: number) => nested(depth, '{"a":', '1', '}');

const prototypeKeyObjects = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"constructor":null}',
  '{"toString":null,"valueOf":null}',
  '{"hasOwnProperty":"x"}',
].map((text) => new RawJson(text));

const operatorObjects = [{ $gt: '' }, { $ne: null }, { $regex: '.*' }, { $where: 'sleep(100)' }, { $in: [] }, { $exists: true }];

/** Strings that trouble regexes, BSON, URL and header handling: NUL, lone surrogates, CRLF, placeholders, sheer size. */
export const hostileStrings = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  'a\r\nX-Injected: 1',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '${HOME}',
  '{{secret}}',
  '%00',
  '%zz',
  '../../etc/passwd',
  '\u202e\ufeff',
  'x'.repeat(20_000),
];

const wrongTypes = [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], [[]], [{}]];

/** A string of any UTF-16 code units, lone surrogates and control characters included. */
export const anyCodeUnits = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });

/** Values every field must survive, whatever it declares; `valid` is a value the field would accept. */
export function fixedHostileValues(valid: unknown): unknown[] {
  return [[valid], [], { $gt: '' }, null, 'a\u0000b', '\ud800', deepArray(5000), prototypeKeyObjects[2]];
}

/** Random hostile JSON values for one field (fast-check arbitrary). */
export function hostileValue(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...wrongTypes, ...hostileStrings, ...operatorObjects, ...prototypeKeyObjects),
    fc.constantFrom([valid], [valid, valid], { value: valid }, [[valid]]),
    fc.integer({ min: 2, max: 3000 }).chain((depth) => fc.constantFrom(deepArray(depth), deepObject(depth))),
    anyCodeUnits(64),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Text placed, already encoded, in a path segment or a query value: broken percent-encoding, NUL, CRLF, surrogates. */
export const hostileUrlTexts = [
  '',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%00',
  'a%00b',
  '%0D%0AX-Injected:%201',
  '%2F..%2F..',
  '%24gt',
  'x'.repeat(5000),
];
