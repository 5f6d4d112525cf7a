import { readServiceString } from './delimiters';

const codes = (text: string) => readServiceString(text).findings.map((f) => f.code);

describe('readServiceString', () => {
  it.each([
    ["UNB+UNOA:4+A+B+200101:1200+1'", { component: ':', element: '+', release: '?', terminator: "'" }, 0],
    ["UNA:+.? 'UNB+UNOA:4'", { component: ':', element: '+', release: '?', terminator: "'" }, 9],
    ['UNA:*.? $UNB*UNOA:4$', { component: ':', element: '*', release: '?', terminator: '$' }, 9],
    [
      "UNA:+.\\*'\nUNB+IATA:1'",
      { component: ':', element: '+', release: '\\', repetition: '*', terminator: "'" },
      10,
    ],
    ['UNA:+.? \nUNB+UNOA:4\n', { component: ':', element: '+', terminator: '\n' }, 9],
    ["\uFEFF  UNA:+.?*'UNB", { element: '+', terminator: "'" }, 12],
  ])('reads %j', (text, expected, bodyStart) => {
    const svc = readServiceString(text);
    expect(svc.delimiters).toMatchObject(expected);
    expect(svc.bodyStart).toBe(bodyStart);
    expect(svc.findings).toEqual([]);
  });

  it('repairs a five-character UNA whose decimal mark is missing', () => {
    const svc = readServiceString("UNA:+\\*'\nUNB+IATA:1+1A'UNH+1'");
    expect(svc.delimiters).toMatchObject({ component: ':', element: '+', release: '\\', terminator: "'" });
    expect(svc.bodyStart).toBe(9);
    expect(codes("UNA:+\\*'\nUNB+IATA:1+1A'")).toEqual(['MALFORMED_UNA']);
  });

  it("falls back to ' when the declared terminator never occurs", () => {
    const svc = readServiceString("UNA:+.\\*\u2019UNB+IATA:1+1A+KRC'UNH+1'");
    expect(svc.delimiters.terminator).toBe("'");
    expect(svc.delimiters.release).toBe('\\');
    expect(svc.findings.map((f) => f.code)).toEqual(['UNA_TERMINATOR_NOT_USED']);
  });

  it('guesses separators used without a UNA', () => {
    const svc = readServiceString('UNB*UNOA:4*X*Y~UNH*1*PAXLST:D:05B~');
    expect(svc.delimiters).toMatchObject({ element: '*', component: ':', terminator: '~' });
    expect(codes('UNB*UNOA:4*X*Y~UNH*1*PAXLST:D:05B~')).toEqual(['NONSTANDARD_DELIMITERS']);
  });

  it('never accepts letters as separators', () => {
    const svc = readServiceString("UNAABCDEFUNB+UNOA:4'");
    expect(svc.delimiters).toMatchObject({ component: ':', element: '+', terminator: "'" });
    expect(codes("UNAABCDEFUNB+UNOA:4'")).toEqual(['MALFORMED_UNA']);
  });
});
