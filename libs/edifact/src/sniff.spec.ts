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
  ])('recognises %s', (text, kind, messageType, flight) => {
    expect(sniffMessage(Buffer.from(text))).toMatchObject({ kind, messageType, flight });
  });

  it('does not guess on other bytes', () => {
    expect(sniffMessage(Buffer.from('<xml/>')).kind).toBe('UNKNOWN');
  });
});
