import { MongoCommandError } from '../errors';
import type { QueryPlan } from '../indexes/planner';
import { COLLSCAN } from '../indexes/planner';
import { parseSort } from '../query/sort';
import type { Doc } from '../types';
import { isPlainObject } from '../types';
import { SERVER_VERSION } from './serverInfo';
import type { ReadSpec } from './shared/read';
import { collationFor, planRead } from './shared/read';
import type { CommandContext } from './context';
import { splitPipeline } from './shared/pipelinePrefix';

function scanStage(plan: QueryPlan): Doc {
  if (!plan.index) return { stage: 'COLLSCAN', direction: 'forward' };
  return {
    stage: 'IXSCAN',
    indexName: plan.index.name,
    keyPattern: plan.index.spec.key,
    isMultiKey: plan.index.multikey,
    direction: plan.reverse ? 'backward' : 'forward',
  };
}

/** mongod's shapes: FETCH over an IXSCAN; FETCH over an OR (or a SORT_MERGE) of IXSCANs for an index union. */
function planStages(plan: QueryPlan): Doc {
  if (plan.union) {
    const stage = plan.union.mergeOn ? 'SORT_MERGE' : 'OR';
    return { stage: 'FETCH', inputStage: { stage, inputStages: plan.union.branches.map(scanStage) } };
  }
  return plan.index ? { stage: 'FETCH', inputStage: scanStage(plan) } : scanStage(plan);
}

/** A queryPlanner-only explain: which index (if any), or which index union, the planner picked. */
export function explainPlan(ctx: CommandContext, db: string, name: string, read: ReadSpec, collation?: unknown): Doc {
  const collection = ctx.catalog.getCollection(db, name);
  const plan = collection ? planRead(collection, { ...read, collation: collationFor(collection, collation) }) : COLLSCAN;
  const stages = planStages(plan);
  const sorted = (read.sort?.length ?? 0) > 0 && !plan.servesSort ? { stage: 'SORT', inputStage: stages } : stages;
  return {
    queryPlanner: { namespace: `${db}.${name}`, parsedQuery: read.filter ?? {}, winningPlan: sorted, rejectedPlans: [] },
    serverInfo: { host: 'embedded-mongo', port: ctx.engine.port, version: SERVER_VERSION },
    ok: 1,
  };
}

export function explain(ctx: CommandContext, cmd: Doc, db: string): Doc {
  const inner = cmd.explain;
  if (!isPlainObject(inner)) throw new MongoCommandError(14, 'explain command requires a nested object');
  const verb = Object.keys(inner)[0] ?? '';
  const name = String(inner[verb]);
  if (verb === 'find') return explainPlan(ctx, db, name, { filter: inner.filter as Doc | undefined, sort: parseSort(inner.sort), hint: inner.hint }, inner.collation);
  if (verb === 'count') return explainPlan(ctx, db, name, { filter: inner.query as Doc | undefined, hint: inner.hint }, inner.collation);
  if (verb === 'aggregate' && Array.isArray(inner.pipeline)) return explainPlan(ctx, db, name, splitPipeline(inner.pipeline as Doc[]).read, inner.collation);
  if (verb === 'distinct') return explainPlan(ctx, db, name, { filter: inner.query as Doc | undefined }, inner.collation);
  throw new MongoCommandError(2, `explain is not supported for ${verb} by embedded-mongo`);
}
