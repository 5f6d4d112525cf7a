import { decodeText } from './decode-text';

const bytes = (...b: number[]): Buffer => Buffer.from(b);

describe('decodeText', () => {
  it.each([
    ['plain ASCII', Buffer.from('abc'), 'abc', 'utf-8'],
    ['UTF-8 with BOM', Buffer.from('\uFEFFJosé', 'utf8'), 'José', 'utf-8'],
    ['UTF-8 multibyte', Buffer.from('Türkiye', 'utf8'), 'Türkiye', 'utf-8'],
    ['Windows-1252 é (0xE9)', bytes(0x4a, 0x6f, 0x73, 0xe9), 'José', 'windows-1252'],
    ['Windows-1252 curly quote (0x92)', bytes(0x44, 0x92, 0x53), 'D\u2019S', 'windows-1252'],
  ])('%s', (_label, input, text, encoding) => {
    expect(decodeText(input)).toEqual({ text, encoding });
  });
});
