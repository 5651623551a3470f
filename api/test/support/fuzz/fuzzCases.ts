import fc from 'fast-check';
import { anyCodeUnits, deepArray, fixedHostileValues, hostileUrlTexts, hostileValue } from './hostileValues';
import { RawJson, toJsonText, withValueAt } from './jsonText';
import type { FieldPath, FuzzOperation, FuzzParameter, OpenApiReader } from './openApiOperations';
import { percentEncode } from './percentEncode';

export type FuzzActor = 'admin' | 'member' | 'anonymous';

export interface FuzzCase {
  label: string;
  method: string;
  /** Path and query, already percent-encoded (or deliberately broken). */
  url: string;
  body?: string | Buffer;
  headers: Record<string, string>;
  actor: FuzzActor;
  /** The request carries something the document does not declare: it must be refused (4xx). */
  undeclared: boolean;
}

export interface CaseOptions {
  /** Values of path parameters that name existing fixtures, by parameter name. */
  knownPathValues: Record<string, string[]>;
  seed: number;
  /** Random hostile values per body field, per query and per path parameter, on top of the fixed ones. */
  randomPerField: number;
}

const JSON_TYPE = 'application/json';
const PROTOTYPE_BODIES = ['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"toString":null}', '{"prototype":null}'];
const UNKNOWN_QUERY = ['fuzz_unknown=1', '__proto__=1', 'constructor=x', 'toString='];

/** Builds the hostile requests of one operation from its parameters and body schema. */
export class CaseBuilder {
  private counter = 0;

  constructor(
    private readonly reader: OpenApiReader,
    private readonly options: CaseOptions,
  ) {}

  casesFor(op: FuzzOperation): FuzzCase[] {
    return [
      this.make(op, 'valid', {}),
      this.make(op, 'no credentials', { actor: 'anonymous' }),
      ...op.parameters.filter((p) => p.in === 'path').flatMap((p) => this.pathCases(op, p)),
      ...op.parameters.filter((p) => p.in === 'query').flatMap((p) => this.queryCases(op, p)),
      ...UNKNOWN_QUERY.map((q) => this.make(op, `unknown query ${q}`, { query: q, undeclared: true })),
      ...(op.bodySchema ? this.bodyCases(op, op.bodySchema) : this.strayBodyCases(op)),
    ];
  }

  private random<T>(arbitrary: fc.Arbitrary<T>, count: number): T[] {
    this.counter += 1;
    return count > 0 ? fc.sample(arbitrary, { numRuns: count, seed: this.options.seed + this.counter }) : [];
  }

  private validParam(p: FuzzParameter): string {
    const known = this.options.knownPathValues[p.name];
    if (p.in === 'path' && known && known.length > 0) return known[this.counter % known.length] as string;
    return String(this.reader.sample(p.schema, this.options.seed));
  }

  private pathCases(op: FuzzOperation, p: FuzzParameter): FuzzCase[] {
    const texts = [...hostileUrlTexts, ...this.random(anyCodeUnits(40), this.options.randomPerField).map(percentEncode)];
    return texts.map((text) => this.make(op, `path ${p.name}=${text.slice(0, 40)}`, { pathOverrides: { [p.name]: text } }));
  }

  private queryCases(op: FuzzOperation, p: FuzzParameter): FuzzCase[] {
    const name = encodeURIComponent(p.name);
    const valid = encodeURIComponent(this.validParam(p));
    const texts = [...hostileUrlTexts, ...this.random(anyCodeUnits(40), this.options.randomPerField).map(percentEncode)];
    const queries = [
      ...texts.map((text) => `${name}=${text}`),
      `${name}=${valid}&${name}=${valid}`,
      `${name}[]=${valid}`,
      `${name}[$gt]=`,
      `${name}`,
      `${name}=${valid}&${name}`,
    ];
    return queries.map((query) => this.make(op, `query ${query.slice(0, 60)}`, { query }));
  }

  private bodyCases(op: FuzzOperation, schema: Record<string, unknown>): FuzzCase[] {
    const baseline = this.reader.sample(schema, this.options.seed);
    const perField = this.reader.fieldPaths(schema).flatMap((path) => this.fieldCases(op, schema, baseline, path));
    const closed = schema.additionalProperties === false;
    const whole = [
      ...PROTOTYPE_BODIES.map((text) => this.make(op, `body ${text}`, { body: text, undeclared: true })),
      this.make(op, 'body with an undeclared field', { body: toJsonText({ ...(baseline as object), fuzzUnknown: 1 }), undeclared: closed }),
      ...this.rawBodies(op),
    ];
    return [...perField, ...whole];
  }

  private fieldCases(op: FuzzOperation, schema: unknown, baseline: unknown, path: FieldPath): FuzzCase[] {
    const valid = this.reader.sample(this.reader.schemaAt(schema, path), this.options.seed);
    const values = [...fixedHostileValues(valid), ...this.random(hostileValue(valid), this.options.randomPerField)];
    return values.map((value, i) =>
      this.make(op, `body ${path.join('.')}=${toJsonText(value).slice(0, 60)}`, {
        body: toJsonText(withValueAt(baseline, path, value)),
        actor: i % 4 === 3 ? 'member' : 'admin',
      }),
    );
  }

  /** Bodies that are not a JSON object, or not JSON at all, or too deep, too wide, or in a charset or encoding we do not read. */
  private rawBodies(op: FuzzOperation): FuzzCase[] {
    const manyKeys = `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const bodies: Array<[string, string | Buffer, Record<string, string>?]> = [
      ['array', '[]'],
      ['string', '"x"'],
      ['null', 'null'],
      ['truncated', '{"a":'],
      ['deep', deepArray(5000).text],
      ['deep object', new RawJson('{"a":'.repeat(4000) + '1' + '}'.repeat(4000)).text],
      ['20000 keys', manyKeys],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
      ['latin1 charset', '{}', { 'Content-Type': 'application/json; charset=latin1' }],
      ['gzip garbage', 'not gzip', { 'Content-Encoding': 'gzip' }],
      ['unknown encoding', '{}', { 'Content-Encoding': 'zz' }],
      ['text/plain', '{}', { 'Content-Type': 'text/plain' }],
    ];
    return bodies.map(([label, body, headers]) => this.make(op, `raw body ${label}`, { body, headers }));
  }

  private strayBodyCases(op: FuzzOperation): FuzzCase[] {
    return [
      this.make(op, 'stray body', { body: '{"unexpected":1}', undeclared: true }),
      this.make(op, 'stray prototype body', { body: PROTOTYPE_BODIES[0], undeclared: true }),
      this.make(op, 'stray deep body', { body: deepArray(5000).text }),
    ];
  }

  private make(
    op: FuzzOperation,
    label: string,
    parts: {
      pathOverrides?: Record<string, string>;
      query?: string;
      body?: string | Buffer;
      headers?: Record<string, string>;
      actor?: FuzzActor;
      undeclared?: boolean;
    },
  ): FuzzCase {
    const path = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      const override = parts.pathOverrides?.[name];
      if (override !== undefined) return override;
      const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
      return encodeURIComponent(param ? this.validParam(param) : 'x');
    });
    const required = op.parameters
      .filter((p) => p.in === 'query' && p.required && !parts.query?.startsWith(encodeURIComponent(p.name)))
      .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(this.validParam(p))}`);
    const query = [...required, ...(parts.query !== undefined ? [parts.query] : [])].join('&');
    const headers = parts.body !== undefined ? { 'Content-Type': JSON_TYPE, ...parts.headers } : { ...parts.headers };
    return {
      label: `${op.method} ${op.template} ${label}`,
      method: op.method,
      url: query ? `${path}?${query}` : path,
      body: parts.body,
      headers,
      actor: parts.actor ?? 'admin',
      undeclared: parts.undeclared ?? false,
    };
  }
}
