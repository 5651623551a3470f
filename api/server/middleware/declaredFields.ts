import type { ValidationChain } from 'express-validator';

export type CheckedLocation = 'body' | 'query';

export interface FieldProblem {
  field: string;
  location: CheckedLocation;
  message: string;
}

/** One level of the fields a route's chains name: `config.oauth.scope`, `members.*.userId`. */
interface FieldNode {
  /** A chain validates the value at this path as a whole. */
  validated: boolean;
  children: Map<string, FieldNode>;
}

export type DeclaredFields = Record<CheckedLocation, FieldNode>;

const WILDCARD = '*';
const node = (): FieldNode => ({ validated: false, children: new Map() });

function add(root: FieldNode, path: string): void {
  const segments = path === '' ? [] : path.replace(/\[([^\]]+)\]/g, '.$1').split('.');
  let at = root;
  for (const segment of segments) {
    let next = at.children.get(segment);
    if (!next) {
      next = node();
      at.children.set(segment, next);
    }
    at = next;
  }
  at.validated = true;
}

/** The fields the chains declare, per location, built once per route. */
export function declaredFields(chains: readonly ValidationChain[]): DeclaredFields {
  const declared: DeclaredFields = { body: node(), query: node() };
  for (const chain of chains) {
    const { fields, locations } = chain.builder.build();
    for (const location of locations) {
      if (location !== 'body' && location !== 'query') continue;
      for (const field of fields) add(declared[location], field);
    }
  }
  return declared;
}

const join = (path: string, key: string, inArray: boolean) => (inArray ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const LIST_MESSAGE: Record<CheckedLocation, string> = {
  body: 'Must be a single value, not a list',
  query: 'Given more than once; give it once',
};

/**
 * Input the chains do not declare: keys no chain names (at any depth, until a field validated as a whole with
 * nothing declared inside it) and lists where no chain names elements (`field.*`). Standard validators check each
 * element of a list, so `["org"]` passes `isIn(['org'])` and `[]` passes anything: a list is only accepted where
 * its elements are declared. Keys are looked up in a Map, so prototype names are as unknown as any other.
 */
export function undeclaredInput(declared: DeclaredFields, location: CheckedLocation, value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const visit = (at: FieldNode, current: unknown, path: string): void => {
    if (typeof current !== 'object' || current === null) return;
    const inArray = Array.isArray(current);
    const wildcard = at.children.get(WILDCARD);
    if (inArray && !wildcard) {
      problems.push({ field: path, location, message: LIST_MESSAGE[location] });
      return;
    }
    if (at.validated && at.children.size === 0) return;
    for (const [key, child] of Object.entries(current)) {
      const declaredChild = at.children.get(key) ?? wildcard;
      const childPath = join(path, key, inArray);
      if (!declaredChild) problems.push({ field: childPath, location, message: 'Unknown field' });
      else visit(declaredChild, child, childPath);
    }
  };
  visit(declared[location], value, '');
  return problems;
}
