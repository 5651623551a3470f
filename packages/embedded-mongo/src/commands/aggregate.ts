import { Aggregator } from 'mingo/aggregator';

import { MongoCommandError } from '../errors';
import { cloneValue } from '../query/clone';
import { evaluateLet } from '../query/letVariables';
import { withIdFirst } from '../query/update';
import type { Collation } from '../query/collation';
import { checkCollatedStages, runCollated } from '../query/collatedPipeline';
import { asQueryError, mingoOptions } from '../query/mingo';
import type { Collection } from '../storage/collection';
import type { Doc } from '../types';
import type { EncodedReply } from '../wire/encodedReply';
import { isPlainObject } from '../types';
import type { CommandContext } from './context';
import { explainPlan } from './explain';
import { collectionArg, docArg, nonNegativeArg } from './shared/args';
import { cursorReply } from './shared/cursorReply';
import { writeMerge, writeOut } from './shared/pipelineOutput';
import { isReadOnlyPipeline, splitPipeline } from './shared/pipelinePrefix';
import type { ReadSpec } from './shared/read';
import { collationFor, selectDocuments } from './shared/read';

const UNSUPPORTED = new Set(['$changeStream', '$geoNear', '$search', '$searchMeta', '$vectorSearch', '$collStats', '$indexStats', '$currentOp', '$listSessions', '$planCacheStats']);

/** A database-level pipeline's source stage: `$listLocalSessions` reads the session cache, anything else starts empty. */
function dbLevelSource(ctx: CommandContext, stages: Doc[]): { input: Doc[]; rest: Doc[] } {
  const first = stages[0];
  if (!first || !('$listLocalSessions' in first)) return { input: [], rest: stages };
  if (!isPlainObject(first.$listLocalSessions)) throw new MongoCommandError(14, '$listLocalSessions options must be specified in an object');
  return { input: ctx.sessions.list(), rest: stages.slice(1) };
}

interface PipelineOptions {
  variables: Doc | undefined;
  collation: Collation | null;
}

function runPipeline(ctx: CommandContext, db: string, input: Doc[], rest: Doc[], { variables, collation }: PipelineOptions): Doc[] {
  if (rest.length === 0) return input;
  if (collation) checkCollatedStages(rest);
  const copy = !isReadOnlyPipeline(rest);
  const resolver = (name: string): Doc[] => {
    const docs = [...(ctx.catalog.getCollection(db, name)?.docs.values() ?? [])];
    return copy ? docs.map(cloneValue) : docs;
  };
  try {
    const options = { ...mingoOptions(resolver, variables), ...(collation ? { collation: collation.mingoSpec } : {}) };
    const docs = copy ? input.map(cloneValue) : input;
    const out = collation ? runCollated(docs, rest, collation, options) : (new Aggregator(rest, options).run(docs) as Doc[]);
    return out.map(withIdFirst);
  } catch (error) {
    throw asQueryError(error);
  }
}

/** A collection's pipeline: its leading match/sort/skip/limit served by the planner, the rest left to mingo. */
function collectionSource(collection: Collection | undefined, stages: Doc[], options: ReadSpec): { input: Doc[]; rest: Doc[] } {
  const { read, rest } = splitPipeline(stages);
  return { input: collection ? selectDocuments(collection, { ...read, ...options }) : [], rest };
}

function checkStages(pipeline: Doc[]): void {
  for (const stage of pipeline) {
    const name = Object.keys(stage)[0] ?? '';
    if (UNSUPPORTED.has(name)) throw new MongoCommandError(40324, `Unsupported pipeline stage: ${name} is not supported by embedded-mongo`);
  }
}

export function aggregate(ctx: CommandContext, cmd: Doc, db: string): Doc | EncodedReply {
  const pipeline = cmd.pipeline;
  if (!Array.isArray(pipeline) || !pipeline.every(isPlainObject)) throw new MongoCommandError(14, "'pipeline' option must be specified as an array");
  checkStages(pipeline);
  const dbLevel = cmd.aggregate === 1;
  const name = dbLevel ? '' : collectionArg(cmd, Object.keys(cmd)[0] as string, db);
  if (cmd.explain === true) return explainPlan(ctx, db, name, splitPipeline(pipeline).read, cmd.collation);
  const cursorOptions = docArg(cmd, 'cursor');
  if (!cursorOptions) throw new MongoCommandError(9, "The 'cursor' option is required, except for aggregate with the explain argument");
  const last = pipeline[pipeline.length - 1] ?? {};
  const outStage = '$out' in last ? '$out' : '$merge' in last ? '$merge' : null;
  const stages = outStage ? pipeline.slice(0, -1) : pipeline;
  const variables = evaluateLet(cmd.let);
  const collection = dbLevel ? undefined : ctx.catalog.getCollection(db, name);
  const collation = collationFor(collection, cmd.collation);
  const { input, rest } = dbLevel ? dbLevelSource(ctx, stages) : collectionSource(collection, stages, { hint: cmd.hint, variables, collation });
  const results = runPipeline(ctx, db, input, rest, { variables, collation });
  const ns = dbLevel ? `${db}.$cmd.aggregate` : `${db}.${name}`;
  if (outStage === '$out') writeOut(ctx.catalog, db, last.$out, results);
  if (outStage === '$merge') writeMerge(ctx.catalog, db, last.$merge, results);
  if (outStage) return cursorReply(ctx, ns, []);
  return cursorReply(ctx, ns, results, { batchSize: nonNegativeArg(cursorOptions, 'batchSize') });
}
