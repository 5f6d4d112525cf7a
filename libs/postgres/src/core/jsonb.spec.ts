import { jsonb } from './jsonb';

describe('jsonb', () => {
  it('is JSON.stringify for text without NUL', () => {
    const value = { name: 'ALI', nested: [{ n: 1 }], text: 'a\\u0000b (an escaped backslash, not a NUL)' };
    expect(jsonb(value)).toBe(JSON.stringify(value));
  });

  it('writes U+0000 in any string, at any depth, as U+FFFD', () => {
    const text = jsonb({ surname: 'A\u0000B', docs: [{ number: '\u0000X' }], n: 0 });
    expect(text).not.toContain('\\u0000');
    expect(JSON.parse(text)).toEqual({ surname: 'A\uFFFDB', docs: [{ number: '\uFFFDX' }], n: 0 });
  });
});
