import { decodeBytes } from './charset';

const unb = (syntax: string, name: Buffer) =>
  Buffer.concat([Buffer.from(`UNB+${syntax}:4+A+B+200101:1200+1'NAD+FL+++`), name, Buffer.from("'")]);

describe('decodeBytes', () => {
  it.each([
    ['UNOA', Buffer.from('SMITH'), 'ascii', 'SMITH', []],
    ['UNOY', Buffer.from('MÜLLER', 'utf8'), 'utf-8', 'MÜLLER', []],
    ['UNOA', Buffer.from([0x4e, 0x6f, 0x76, 0x87, 0x6b]), 'iso-8859-1', 'Nov\u0087k', ['CHARSET_FALLBACK']],
    ['UNOC', Buffer.from([0x4d, 0xdc, 0x4c]), 'iso-8859-1', 'MÜL', []],
    ['UNOC', Buffer.from('MÜL', 'utf8'), 'utf-8', 'MÜL', ['CHARSET_MISMATCH']],
    ['UNOD', Buffer.from([0x4c, 0xa3, 0x4f]), 'iso-8859-2', 'LŁO', []],
    ['UNOE', Buffer.from([0xb8, 0xb2, 0xb0, 0xbd]), 'iso-8859-5', 'ИВАН', []],
  ])('%s %o → %s', (syntax, name, charset, text, codes) => {
    const decoded = decodeBytes(unb(syntax, name));
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).toContain(`+++${text}'`);
    expect(decoded.syntaxId).toBe(syntax);
    expect(decoded.findings.map((f) => f.code)).toEqual(codes);
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeBytes(Buffer.from("\uFEFFUNB+UNOY:4'", 'utf8')).text).toBe("UNB+UNOY:4'");
  });
});
