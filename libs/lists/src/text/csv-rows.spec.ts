import { CsvSyntaxError, MAX_QUOTED_LINE_BREAKS, parseCsv, parseCsvRecords } from './csv-rows';

const rec = (line: number, ...fields: string[]) => ({ line, fields });

describe('parseCsv', () => {
  it.each([
    ['simple rows', 'a,b\nc,d\n', [rec(1, 'a', 'b'), rec(2, 'c', 'd')]],
    ['CRLF and no final newline', 'a,b\r\nc,d', [rec(1, 'a', 'b'), rec(2, 'c', 'd')]],
    ['quoted comma and doubled quote', '"x, y","say ""hi"""\n', [rec(1, 'x, y', 'say "hi"')]],
    ['quoted line break keeps the start line', '"a\nb",c\nd,e\n', [rec(1, 'a\nb', 'c'), rec(3, 'd', 'e')]],
    ['empty fields', ',,\n', [rec(1, '', '', '')]],
    ['blank lines are skipped but counted', 'a\n\n\nb\n', [rec(1, 'a'), rec(4, 'b')]],
    ['OFAC EOF marker line', '1,"X"\r\n\u001a', [rec(1, '1', 'X')]],
    ['OFAC null marker kept as published', '1,-0- ,"Y"\n', [rec(1, '1', '-0- ', 'Y')]],
  ])('%s', (_label, text, records) => {
    expect(parseCsv(text)).toEqual({ records, problems: [] });
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('"a"\t"b"\n', { delimiter: '\t' }).records).toEqual([rec(1, 'a', 'b')]);
  });

  it('keeps text after a closing quote and reports it', () => {
    expect(parseCsv('"ab"c,d\n')).toEqual({
      records: [rec(1, 'abc', 'd')],
      problems: [{ line: 1, code: 'CSV_MALFORMED_QUOTE' }],
    });
  });

  it('an unterminated quote costs its row only', () => {
    expect(parseCsv('a,b\n"broken,c\nd,e\nf,g\n')).toEqual({
      records: [rec(1, 'a', 'b'), rec(3, 'd', 'e'), rec(4, 'f', 'g')],
      problems: [{ line: 2, code: 'CSV_UNTERMINATED_QUOTE' }],
    });
  });

  it('with no line breaks allowed in quotes, an odd quote costs exactly its line', () => {
    expect(parseCsv('1,"open,x\n2,"ok",y\n', { maxQuotedLineBreaks: 0 })).toEqual({
      records: [rec(2, '2', 'ok', 'y')],
      problems: [{ line: 1, code: 'CSV_UNTERMINATED_QUOTE' }],
    });
  });

  it('a quote open for too many lines is a problem, and the following lines are still read', () => {
    const body = Array.from({ length: MAX_QUOTED_LINE_BREAKS + 5 }, (_, i) => `r${i},x`).join('\n');
    const out = parseCsv(`"open,${'\n'}${body}\n`);
    expect(out.problems).toEqual([{ line: 1, code: 'CSV_UNTERMINATED_QUOTE' }]);
    expect(out.records).toHaveLength(MAX_QUOTED_LINE_BREAKS + 5);
    expect(out.records[0]).toEqual(rec(2, 'r0', 'x'));
  });
});

describe('parseCsvRecords', () => {
  it('keys rows by trimmed header, ignores a byte-order mark and fills missing cells', () => {
    expect(parseCsvRecords('\uFEFF id , name\r\n1,"Doe, ""J"""\n\n2\n')).toEqual([
      { id: '1', name: 'Doe, "J"' },
      { id: '2', name: '' },
    ]);
    expect(parseCsvRecords('a\tb\n1\t2\n', { delimiter: '\t' })).toEqual([{ a: '1', b: '2' }]);
    expect(parseCsvRecords('')).toEqual([]);
  });

  it('refuses a file whose quote never closes, naming the line, instead of returning fewer rows', () => {
    const read = () => parseCsvRecords('a,b\n1,2\n3,"open\n4,5\n', { maxQuotedLineBreaks: 0 });
    expect(read).toThrow(CsvSyntaxError);
    expect(read).toThrow('line 3');
  });
});
