import { sniffMessage } from './sniff';

describe('sniffMessage', () => {
  it.each([
    [
      "UNB+UNOA:4+AIR1+DEST+200101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+LH400'",
      'EDIFACT',
      'PAXLST',
      'LH400',
    ],
    [
      "UNA:*.? 'UNB*UNOA:4*X*Y'UNH*1*PNRGOV:13:1:IA'TVL*010120:1000*FRA*JFK*UA*0960'",
      'EDIFACT',
      'PNRGOV',
      'UA0960',
    ],
    ['{"flight":{"carrier":"BA","number":"0117"}}', 'JSON', 'JSON', 'BA0117'],
    [
      "UNA:+\\*'\nUNB+IATA:1+1A+KRC'UNH+1+PNRGOV:11:1:IA'TVL+270513:1640+ICN+SIN+SQ+609'",
      'EDIFACT',
      'PNRGOV',
      'SQ609',
    ],
    ['UNB*UNOA:4*X*Y~UNH*1*PAXLST:D:05B~TDT*20*LH400~', 'EDIFACT', 'PAXLST', 'LH400'],
    // A UNA one character short (GTAS codeshare.edi): the line break is not the terminator.
    [
      "UNA:+\\*'\nUNB+IATA:1+1A+KRC+130527:0754+0003'\nUNH+1+PNRGOV:11:1:IA'\nTVL+270513:1640:270513:2200+ICN+SIN+SQ+609'",
      'EDIFACT',
      'PNRGOV',
      'SQ609',
    ],
  ])('recognises %s', (text, kind, messageType, flight) => {
    expect(sniffMessage(Buffer.from(text))).toMatchObject({ kind, messageType, flight });
  });

  it('does not guess on other bytes', () => {
    expect(sniffMessage(Buffer.from('<xml/>')).kind).toBe('UNKNOWN');
  });
});
