import { Document, Query } from 'mongoose';
import type { Model, Mongoose, Schema } from 'mongoose';

const QUERY_WRITES = ['updateOne', 'updateMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'replaceOne', 'deleteOne', 'deleteMany'] as const;

const generations = new WeakMap<Mongoose, number>();

/** How many writes to tracked collections this mongoose instance has started or finished; it only grows. */
export function writeGeneration(mongoose: Mongoose): number {
  return generations.get(mongoose) ?? 0;
}

function mongooseOf(context: unknown): Mongoose | undefined {
  if (context instanceof Query) return (context.model as Model<unknown>).base;
  if (context instanceof Document) return (context.constructor as Model<unknown>).base;
  if (typeof context === 'function' && 'base' in context) return (context as Model<unknown>).base;
  return undefined;
}

function bump(context: unknown): void {
  const mongoose = mongooseOf(context);
  if (mongoose) generations.set(mongoose, writeGeneration(mongoose) + 1);
}

/**
 * Schema plugin: every write through a model of this schema advances the instance's write generation, before it
 * is sent (so a failed or partial write still invalidates) and after it is acknowledged (so a read that raced it
 * cannot be kept). The read cache drops everything it holds when the generation moves.
 */
export function trackWrites(schema: Schema): void {
  schema.pre('save', function () {
    bump(this);
  });
  schema.post('save', function () {
    bump(this);
  });
  for (const op of QUERY_WRITES) {
    schema.pre(op, { document: true, query: true }, function () {
      bump(this);
    });
    schema.post(op, { document: true, query: true }, function () {
      bump(this);
    });
  }
  schema.pre('insertMany', function () {
    bump(this);
  });
  schema.post('insertMany', function () {
    bump(this);
  });
  schema.pre('bulkWrite', function () {
    bump(this);
  });
  schema.post('bulkWrite', function () {
    bump(this);
  });
}
