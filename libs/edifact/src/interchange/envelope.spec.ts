import { DEFAULT_DELIMITERS } from '../syntax/delimiters';
import { tokenize } from '../syntax/tokenizer';
import { splitInterchange } from './envelope';

const split = (text: string) => splitInterchange(tokenize(text, 0, DEFAULT_DELIMITERS).segments, 2025);

describe('splitInterchange', () => {
  it('reads the header, messages and multi-part status', () => {
    const result = split(
      "UNB+UNOA:4+AIR1:ZZ+DHS+070218:1545+000006640++DHS'UNH+PAX001+PAXLST:D:05B:UN:IATA+REF01+02:F'BGM+745'UNT+3+PAX001'UNZ+1+000006640'",
    );
    expect(result.info).toEqual({
      sender: 'AIR1',
      recipient: 'DHS',
      controlRef: '000006640',
      syntax: 'UNOA:4',
      preparedAt: '2007-02-18T15:45',
    });
    expect(result.messages).toHaveLength(1);
    const [msg] = result.messages;
    expect([msg.ref, msg.type, msg.version, msg.association, msg.accessRef]).toEqual([
      'PAX001',
      'PAXLST',
      'D:05B',
      'IATA',
      'REF01',
    ]);
    expect(msg.multipart).toEqual({ reference: 'REF01', sequence: 2, final: true });
    expect(msg.body.map((s) => s.tag)).toEqual(['BGM']);
    expect(result.findings).toEqual([]);
    expect(msg.findings).toEqual([]);
  });

  it.each([
    [
      "UNB+UNOA:4+A+B+200101:1200+1'UNH+1+PAXLST:D:02B'BGM+745'UNT+9+2'UNZ+1+1'",
      ['SEGMENT_COUNT_MISMATCH', 'CONTROL_REFERENCE_MISMATCH'],
      [],
    ],
    ["UNB+UNOA:4+A+B+200101:1200+1'UNH+1+PAXLST:D:02B'BGM+745'UNZ+1+1'", ['MISSING_UNT'], []],
    ["UNH+1+PAXLST:D:02B'BGM+745'UNT+3+1'", [], ['MISSING_UNB']],
    [
      "UNB+UNOA:4+A+B+200101:1200+1'NAD+FL'UNH+1+PAXLST:D:02B'UNT+2+1'UNZ+3+9'junk'",
      [],
      ['SEGMENT_OUTSIDE_MESSAGE', 'TRAILING_TEXT', 'CONTROL_REFERENCE_MISMATCH', 'MESSAGE_COUNT_MISMATCH'],
    ],
    ["UNB+UNOA:4+A+B+200101:1200+1'UNH+1+PAXLST:D:02B'UNT+2+1'", [], ['MISSING_UNZ']],
    ["UNB+UNOA:4+A+B+200101:1200+1'12+X'UNH+1+PAXLST:D:02B'UNT+2+1'UNZ+1+1'", [], ['INVALID_SEGMENT_TAG']],
  ])('%s', (text, messageCodes, interchangeCodes) => {
    const result = split(text);
    expect(result.messages.flatMap((m) => m.findings.map((f) => f.code))).toEqual(messageCodes);
    expect(result.findings.map((f) => f.code)).toEqual(interchangeCodes);
  });
});
