import { body, query } from 'express-validator';
import { declaredFields, undeclaredInput } from './declaredFields';

const declared = declaredFields([
  body('name'),
  body('config').optional(),
  body('config.url'),
  body('config.headers'),
  body('members'),
  body('members.*.userId'),
  query('limit'),
]);

describe('undeclaredInput', () => {
  it('accepts exactly the declared fields, and anything inside a field validated as a whole', () => {
    const input = { name: 'x', config: { url: 'u', headers: { 'X-A': '1' } }, members: [{ userId: '1' }] };
    expect(undeclaredInput(declared, 'body', input)).toEqual([]);
  });

  it('names unknown fields at every depth, prototype names included', () => {
    const input = JSON.parse('{"extra":1,"config":{"command":"rm"},"members":[{"userId":"1","role":"x"}],"toString":null}');
    expect(undeclaredInput(declared, 'body', input).map((p) => p.field)).toEqual(['extra', 'config.command', 'members[0].role', 'toString']);
  });

  it('refuses a list where no chain names elements, an empty one too', () => {
    expect(undeclaredInput(declared, 'body', { name: [], config: { url: ['u'] } })).toEqual([
      { field: 'name', location: 'body', message: 'Must be a single value, not a list' },
      { field: 'config.url', location: 'body', message: 'Must be a single value, not a list' },
    ]);
  });

  it('calls a repeated query parameter what it is', () => {
    expect(undeclaredInput(declared, 'query', { limit: ['1', '2'] })).toEqual([
      { field: 'limit', location: 'query', message: 'Given more than once; give it once' },
    ]);
  });

  it('refuses any body field on a route that declares none', () => {
    expect(undeclaredInput(declaredFields([query('force')]), 'body', { force: true }).map((p) => p.field)).toEqual(['force']);
  });
});
