import { Types } from 'mongoose';
import { decodeCursor, encodeCursor, InvalidCursorError, isValidCursor } from './cursor';

describe('keyset cursors', () => {
  it('round-trip an id alone and an id with a date, number or string sort value', () => {
    const id = new Types.ObjectId();
    expect(String(decodeCursor(encodeCursor({ id })).id)).toBe(String(id));
    const date = new Date('2024-05-01T10:00:00.000Z');
    expect(decodeCursor(encodeCursor({ id, value: date })).value).toEqual(date);
    expect(decodeCursor(encodeCursor({ id, value: 42 })).value).toBe(42);
    expect(decodeCursor(encodeCursor({ id, value: 'name' })).value).toBe('name');
  });

  it('are URL-safe', () => {
    expect(encodeCursor({ id: new Types.ObjectId(), value: 'a/b+c=' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reject anything this service did not issue', () => {
    for (const bad of ['', 'not-a-cursor', Buffer.from('{"id":"zz"}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(isValidCursor(bad)).toBe(false);
      expect(() => decodeCursor(bad)).toThrow(InvalidCursorError);
    }
  });
});
