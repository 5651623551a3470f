import { MongoCommandError } from '../errors';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { bsonTypeOf } from './bsonType';
import { formatValueShort, typeName } from './typeName';

const CREATING = new Set(['$set', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate', '$bit']);
const ARRAY_OPS = new Set(['$push', '$addToSet', '$pull', '$pullAll', '$pop']);
const NUMERIC_OPS: Record<string, string> = { $inc: 'increment', $mul: 'multiply' };

const isDigits = (s: string): boolean => /^\d+$/.test(s);

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const tag = bsonTypeOf(value);
  return tag === 'Long' || tag === 'Int32' || tag === 'Double' || tag === 'Decimal128';
}

interface Walk {
  value: unknown;
  blocked?: string;
}

/** Follows a dotted path; `blocked` names the mongod error when a scalar sits where a document must be created. */
function walk(doc: Doc, path: string): Walk {
  const parts = path.split('.');
  let current: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (Array.isArray(current) && isDigits(part)) {
      current = current[Number(part)];
    } else if (isPlainObject(current)) {
      current = current[part];
    } else {
      const parent = parts.slice(0, i).join('.');
      return { value: undefined, blocked: `Cannot create field '${part}' in element {${parent}: ${formatValueShort(current)}}` };
    }
    if (current === undefined) return { value: undefined };
  }
  return { value: current };
}

function checkOne(op: string, path: string, arg: unknown, doc: Doc): void {
  const verb = NUMERIC_OPS[op];
  if (verb && !isNumeric(arg)) throw new MongoCommandError(14, `Cannot ${verb} with non-numeric argument: {${path}: ${formatValueShort(arg)}}`);
  const { value, blocked } = walk(doc, path);
  if (blocked) {
    if (CREATING.has(op)) throw new MongoCommandError(28, blocked);
    return;
  }
  if (value === undefined) return;
  if (verb && !isNumeric(value)) {
    throw new MongoCommandError(14, `Cannot apply ${op} to a value of non-numeric type. {_id: ${formatValueShort(doc._id)}} has the field '${path}' of non-numeric type ${typeName(value)}`);
  }
  if (ARRAY_OPS.has(op) && !Array.isArray(value)) {
    if (op === '$pop') throw new MongoCommandError(14, `Path '${path}' contains an element of non-array type '${typeName(value)}'`);
    if (op === '$pull' || op === '$pullAll') throw new MongoCommandError(2, `Cannot apply ${op} to a non-array value`);
    throw new MongoCommandError(2, `The field '${path}' must be an array but is of type ${typeName(value)} in document {_id: ${formatValueShort(doc._id)}}`);
  }
}

/** The type errors mongod raises before applying operators (mingo would silently skip these updates). */
export function checkOperatorTargets(ops: Doc, doc: Doc): void {
  for (const [op, args] of Object.entries(ops)) {
    for (const [path, arg] of Object.entries(args as Doc)) {
      if (path.split('.').some((part) => part.startsWith('$'))) continue;
      checkOne(op, path, arg, doc);
      if (op === '$rename' && typeof arg === 'string') {
        const target = walk(doc, arg);
        if (target.blocked) throw new MongoCommandError(28, target.blocked);
      }
    }
  }
}
