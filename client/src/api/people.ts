import type { ComboboxItem } from '../components/SearchCombobox';
import { api } from './client';
import { unwrap } from './errors';

export interface PersonItem extends ComboboxItem {
  email: string;
  name: string;
}

/** People of the organisation whose name or email starts with `term` (needs USERS:READ). */
export async function searchPeople(term: string): Promise<PersonItem[]> {
  const page = await unwrap(api.GET('/api/users', { params: { query: { limit: 10, ...(term ? { search: term } : {}) } } }));
  return page.data.map((u) => ({ id: u.id, label: u.name || u.email, detail: u.email, email: u.email, name: u.name }));
}

/** Groups whose name starts with `term` (needs GROUPS:READ). */
export async function searchGroups(term: string): Promise<ComboboxItem[]> {
  const page = await unwrap(api.GET('/api/groups', { params: { query: { limit: 10, ...(term ? { search: term } : {}) } } }));
  return page.data.map((g) => ({ id: g.id, label: g.name, detail: 'group' }));
}
