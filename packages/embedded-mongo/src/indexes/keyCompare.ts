import { compareBson } from '../query/compare';

export type Key = unknown[];

/** Sentinels that sit before / after every value in scan order, whatever the field's direction. */
export const LOW: unique symbol = Symbol('low');
export const HIGH: unique symbol = Symbol('high');

export function compareKeys(a: Key, b: Key, dirs: readonly number[], from = 0): number {
  for (let i = from; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === LOW || y === HIGH) return -1;
    if (x === HIGH || y === LOW) return 1;
    const c = compareBson(x, y);
    if (c !== 0) return c * (dirs[i] ?? 1);
  }
  return 0;
}
