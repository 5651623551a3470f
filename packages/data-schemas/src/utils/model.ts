import type { Model, Mongoose, Schema } from 'mongoose';

/** The model registered under `name` on this mongoose instance, registering it on first use. */
export function getModel<T>(mongoose: Mongoose, name: string, schema: Schema<T>): Model<T> {
  const existing = mongoose.models[name] as Model<T> | undefined;
  return existing ?? mongoose.model<T>(name, schema);
}
