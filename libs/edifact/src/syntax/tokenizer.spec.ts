import { DEFAULT_DELIMITERS, Delimiters } from './delimiters';
import { cachedClassTables, tokenize } from './tokenizer';

const d = (over: Partial<Delimiters> = {}): Delimiters => ({ ...DEFAULT_DELIMITERS, ...over });
const read = (text: string, over: Partial<Delimiters> = {}) => tokenize(text, 0, d(over));
const shape = (text: string, over: Partial<Delimiters> = {}) =>
  read(text, over).segments.map((s) => [s.tag, ...s.elements.map((e) => e.join('|'))].join(' '));

describe('tokenize', () => {
  it.each([
    ["NAD+FL+++DOE:JOHN'ATT+2++M'", {}, ['NAD FL   DOE|JOHN', 'ATT 2  M']],
    ["SRC'DAT'", {}, ['SRC', 'DAT']],
    ["FTX+AAP+++O?'BRIEN?+SON?:X??'", {}, ["FTX AAP   O'BRIEN+SON:X?"]],
    ['NAD*FL***DOE:JOHN$ATT*2**M$', { element: '*', terminator: '$' }, ['NAD FL   DOE|JOHN', 'ATT 2  M']],
    ["NAD+FL+++O\\'NEIL'", { release: '\\' }, ["NAD FL   O'NEIL"]],
    ["  NAD+FL'\r\n  ATT+2'\n", {}, ['NAD FL', 'ATT 2']],
    ["IFT+4:43+770\r\n5632891'", {}, ['IFT 4|43 7705632891']],
    ['NAD+FL\nATT+2\n', { terminator: '\n' }, ['NAD FL', 'ATT 2']],
    ["RCI+1A:X\u2019\nDAT+700'", {}, ['RCI 1A|X', 'DAT 700']],
    ["FTX+AAP+++IT\u2019S OK'", {}, ['FTX AAP   IT\u2019S OK']],
    ["UNT+2+1'UNZ+1+9\n\nfree text after the end", {}, ['UNT 2 1', 'UNZ 1 9', 'free text after the end']],
  ])('%j', (text, over, expected) => {
    expect(shape(text, over)).toEqual(expected);
  });

  it('numbers segments from 1 and reports tolerated faults', () => {
    const result = read("UNB+UNOA:4'NAD+FL\r\n+++X'CNT+42:1");
    expect(result.segments.map((s) => [s.tag, s.position])).toEqual([
      ['UNB', 1],
      ['NAD', 2],
      ['CNT', 3],
    ]);
    expect(result.findings.map((f) => [f.code, f.segment])).toEqual([
      ['MISSING_FINAL_TERMINATOR', 3],
      ['LINE_BREAK_IN_SEGMENT', undefined],
    ]);
  });

  it('keeps empty elements and gives "" for absent ones', () => {
    const [seg] = read("TDT+20+UA0989+++UA'").segments;
    expect(seg.value(1)).toBe('UA0989');
    expect(seg.value(4)).toBe('UA');
    expect(seg.value(2)).toBe('');
    expect(seg.value(9, 3)).toBe('');
    expect(seg.element(9)).toEqual([]);
  });

  it('drops a dangling release character with a finding', () => {
    const result = read('FTX+AAP+++X?');
    expect(result.segments[0].value(3)).toBe('X');
    expect(result.findings.map((f) => f.code)).toContain('DANGLING_RELEASE_CHARACTER');
  });

  it('keeps a bounded number of delimiter tables however many UNA sets senders use', () => {
    // Element separators from a wide range: each set used to add a 64 KiB table for good.
    for (let code = 0x4e00; code < 0x4e00 + 200; code++) {
      const element = String.fromCharCode(code);
      const segments = read(`UNB${element}UNOA:4'UNZ${element}1'`, { element }).segments;
      expect(segments.map((s) => s.tag)).toEqual(['UNB', 'UNZ']);
    }
    expect(cachedClassTables()).toBeLessThanOrEqual(8);
  });
});
