import { unwrapTypeB } from './type-b';

const EDI = "UNA:+.? 'UNB+UNOA:4+ZZ+XX+250301:0930+1'UNZ+0+1'";
const unwrap = (text: string) => {
  const r = unwrapTypeB(Buffer.from(text, 'latin1'));
  return { body: r.body.toString('latin1'), typeB: r.typeB };
};

describe('unwrapTypeB', () => {
  it('returns a clean message itself, without copying', () => {
    const bytes = Buffer.from(EDI);
    expect(unwrapTypeB(bytes).body).toBe(bytes);
    expect(unwrapTypeB(bytes).typeB).toBeUndefined();
  });

  it('addresses continued on a second line, the origin line with only a date/time group', () => {
    const r = unwrap(`\u0001QU YYZAPXH YYZCBXH\r\nYULAPXH\r\n.LHRKMZZ 011015\r\n\u0002${EDI}\u0003`);
    expect(r.body).toBe(EDI);
    expect(r.typeB).toEqual({
      markers: 'CONTROL',
      priority: 'QU',
      addresses: ['YYZAPXH', 'YYZCBXH', 'YULAPXH'],
      origin: 'LHRKMZZ',
      dateTime: '011015',
    });
  });

  it('no ETX (a bridge cut it): the text runs to the end (trailing blanks dropped)', () => {
    expect(unwrap(`<SOH>QU YYZAPXH\n.LHRKMZZ 011015\n<STX>${EDI}\n`).body).toBe(EDI);
  });

  it('an ETX inside the text is not the end; only one followed by blanks is', () => {
    const inner = EDI.replace('UNZ', '<ETX>UNZ');
    expect(unwrap(`[SOH]QU YYZAPXH\n[STX]${inner}[ETX]  \r\n`).body).toBe(inner);
  });

  it('a first line that only looks like a priority is not an envelope', () => {
    const text = `QU THIS IS A NOTE\n${EDI}`;
    expect(unwrap(text)).toEqual({ body: text, typeB: undefined });
  });

  it('the heading is bounded: a heading longer than 2 KiB without text marker is left alone', () => {
    const text = `\u0001QU ${'YYZAPXH '.repeat(400)}\r\n\u0002${EDI}\u0003`;
    expect(unwrap(text).typeB).toBeUndefined();
  });
});
