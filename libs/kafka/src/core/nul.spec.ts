import { withoutNul } from './nul';

describe('withoutNul', () => {
  it('reads an escaped NUL as U+FFFD', () => {
    const bytes = Buffer.from(JSON.stringify({ surname: 'MÜL\u0000LER', given: 'JO\u0000\u0000SE' }));
    expect(JSON.parse(withoutNul(bytes).toString())).toEqual({
      surname: 'MÜL\uFFFDLER',
      given: 'JO\uFFFD\uFFFDSE',
    });
  });

  it('leaves an escaped backslash followed by the text u0000, and bytes without NUL, as they are', () => {
    const text = Buffer.from(JSON.stringify({ a: 'x\\u0000y', b: 'plain' }));
    expect(withoutNul(text).equals(text)).toBe(true);
    const none = Buffer.from('{"b":"plain"}');
    expect(withoutNul(none)).toBe(none);
    const mixed = Buffer.from(JSON.stringify({ a: '\\u0000', b: '\u0000' }));
    expect(JSON.parse(withoutNul(mixed).toString())).toEqual({ a: '\\u0000', b: '\uFFFD' });
  });
});
