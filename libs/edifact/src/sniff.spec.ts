import { readMessage } from './read-message';
import { sniffMessage } from './sniff';

/** A minimal PAXLST with one traveller and the given TDT segment. */
const testPaxlstWithTdt = (tdt: string) =>
  "UNA:+.? 'UNB+UNOA:4+AIR1+DEST+200101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'" +
  `${tdt}LOC+125+LHR'DTM+189:2001011000:201'LOC+87+JFK'DTM+232:2001011300:201'` +
  "NAD+FL+++DOE:JOHN'UNT+8+1'UNZ+1+1'";

describe('sniffMessage', () => {
  it.each([
    [
      "UNB+UNOA:4+AIR1+DEST+200101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'TDT+20+LH400'",
      'EDIFACT',
      'PAXLST',
      'LH0400',
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
      'SQ0609',
    ],
    ['UNB*UNOA:4*X*Y~UNH*1*PAXLST:D:05B~TDT*20*LH400~', 'EDIFACT', 'PAXLST', 'LH0400'],
    // A UNA one character short (GTAS codeshare.edi): the line break is not the terminator.
    [
      "UNA:+\\*'\nUNB+IATA:1+1A+KRC+130527:0754+0003'\nUNH+1+PNRGOV:11:1:IA'\nTVL+270513:1640:270513:2200+ICN+SIN+SQ+609'",
      'EDIFACT',
      'PNRGOV',
      'SQ0609',
    ],
  ])('recognises %s', (text, kind, messageType, flight) => {
    expect(sniffMessage(Buffer.from(text))).toMatchObject({ kind, messageType, flight });
  });

  it.each([
    ["TDT+20+0106+++AA'", 'AA', 'AA0106'],
    ["TDT+20+UA0989+++UA'", 'UA', 'UA0989'],
    ["TDT+20+U21234'", 'U2', 'U21234'],
  ])('reads the flight of %s as the parser does (one function)', (tdt, carrier, flight) => {
    const bytes = Buffer.from(`UNB+UNOA:4+AIR1+DEST+200101:1200+1'UNH+1+PAXLST:D:05B:UN:IATA'${tdt}`);
    expect(sniffMessage(bytes)).toMatchObject({ carrier, flight });
    const [m] = readMessage(Buffer.from(testPaxlstWithTdt(tdt))).messages;
    expect(`${m.manifest.flight.carrier}${m.manifest.flight.number}`).toBe(flight);
  });

  it('does not guess on other bytes', () => {
    expect(sniffMessage(Buffer.from('<xml/>')).kind).toBe('UNKNOWN');
  });
});
