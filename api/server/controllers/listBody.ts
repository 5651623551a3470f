import type { Response } from 'express';
import type { ListResponse } from '@mcp-registry/data-provider';

type Page<T> = { data: T[]; has_more: boolean; after: string | null };

/** A keyset page with its items mapped to DTOs. */
export function listBody<T, D>(page: Page<T>, toDto: (item: T) => D): ListResponse<D> {
  return { data: page.data.map(toDto), has_more: page.has_more, after: page.after };
}

const rendered = new WeakMap<(item: never) => unknown, WeakMap<object, string>>();

/**
 * The page as JSON. A frozen page comes from the read cache and cannot change, so its JSON is kept beside it and
 * every request that gets the same page sends the same text.
 */
function renderList<T, D>(page: Page<T>, toDto: (item: T) => D): string {
  if (!Object.isFrozen(page)) return JSON.stringify(listBody(page, toDto));
  let byPage = rendered.get(toDto);
  if (!byPage) rendered.set(toDto, (byPage = new WeakMap()));
  const known = byPage.get(page);
  if (known !== undefined) return known;
  const text = JSON.stringify(listBody(page, toDto));
  byPage.set(page, text);
  return text;
}

/** Answers 200 with the page in the list envelope `{ data, has_more, after }`. */
export function sendList<T, D>(res: Response, page: Page<T>, toDto: (item: T) => D): void {
  res.type('json').send(renderList(page, toDto));
}
