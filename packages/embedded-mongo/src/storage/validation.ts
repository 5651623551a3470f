import { MongoCommandError } from '../errors';
import type { Matcher } from '../query/mingo';
import { compileFilter } from '../query/mingo';
import type { Doc } from '../types';
import { isOperatorObject, isPlainObject } from '../types';

const LEVELS = new Set(['off', 'strict', 'moderate']);
const ACTIONS = new Set(['error', 'warn']);

interface Clause {
  index: number;
  specifiedAs: Doc;
  operatorName: string;
  matches: Matcher;
}

/** A collection's `validator` (query operators; `$jsonSchema` is refused when the collection is created). */
export class DocumentValidator {
  private readonly clauses: Clause[];
  private readonly matches: Matcher;

  private constructor(
    validator: Doc,
    private readonly level: string,
  ) {
    this.matches = compileFilter(validator);
    this.clauses = Object.entries(validator).map(([key, value], index) => ({
      index,
      specifiedAs: { [key]: value },
      operatorName: key.startsWith('$') ? key : isOperatorObject(value) ? (Object.keys(value)[0] as string) : '$eq',
      matches: compileFilter({ [key]: value }),
    }));
  }

  /** The validator of a collection's options, or null when nothing is validated (none, level off, action warn). */
  static fromOptions(options: Doc): DocumentValidator | null {
    const { validator, validationLevel = 'strict', validationAction = 'error' } = options;
    if (validator !== undefined && !isPlainObject(validator)) throw new MongoCommandError(14, "BSON field 'validator' is the wrong type, expected type 'object'");
    if (typeof validationLevel !== 'string' || !LEVELS.has(validationLevel)) throw new MongoCommandError(2, `Enumeration value '${String(validationLevel)}' for field 'validationLevel' is not a valid value.`);
    if (typeof validationAction !== 'string' || !ACTIONS.has(validationAction)) throw new MongoCommandError(2, `Enumeration value '${String(validationAction)}' for field 'validationAction' is not a valid value.`);
    if (!validator || Object.keys(validator).length === 0) return null;
    const parsed = new DocumentValidator(validator, validationLevel);
    return validationLevel === 'off' || validationAction === 'warn' ? null : parsed;
  }

  /** Throws DocumentValidationFailure (121) with mongod's `errInfo` when `doc` fails; `moderate` spares documents that already failed. */
  check(doc: Doc, previous: Doc | undefined): void {
    if (this.matches(doc)) return;
    if (this.level === 'moderate' && previous && !this.matches(previous)) return;
    const clausesNotSatisfied = this.clauses
      .filter((clause) => !clause.matches(doc))
      .map(({ index, operatorName, specifiedAs }) => ({ index, details: { operatorName, specifiedAs, reason: 'expression did not match' } }));
    const errInfo = { failingDocumentId: doc._id, details: { operatorName: '$and', clausesNotSatisfied } };
    throw new MongoCommandError(121, 'Document failed validation', { errInfo });
  }
}
