import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { readMessage } from './read-message';

/**
 * Every GTAS sample (test/fixtures/edifact/gtas, quirks in its SOURCES.md) reads: message type,
 * version, traveller count, manifest id, the non-info finding codes of the message and of the
 * interchange, and chosen fields of the last traveller. Counts agree with SOURCES.md (NAD FL/FM for
 * PAXLST, group-2 TIFs for PNRGOV); pnrMessagePg75 has one traveller because a missing terminator
 * glues its second PNR's TIF into an ORG segment.
 */
const DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'edifact', 'gtas');
const NOW = new Date('2025-06-01T00:00:00Z');
const read = (file: string) => readMessage(readFileSync(join(DIR, file)), { now: NOW });

type Row = [string, string, string, number, string, string[], string[], Record<string, unknown>];

describe('GTAS samples', () => {
  it.each<Row>([
    [
      '2_pnrs_basic.edi',
      'PNRGOV',
      '10:1',
      4,
      'DL0324:2010-12-12:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'COOPER',
        givenNames: 'GARY',
        dateOfBirth: '1915-07-12',
        nationality: 'GBR',
        doc: '987654321',
        locator: '23456',
        seat: '15A',
      },
    ],
    [
      '3_pnrs.edi',
      'PNRGOV',
      '11:1',
      14,
      'TZ0006:2013-05-28:-:PNR',
      [],
      ['LINE_BREAK_IN_SEGMENT'],
      { surname: 'TBA', givenNames: 'H', locator: 'GBFKSK' },
    ],
    [
      'Test1.txt',
      'PAXLST',
      'D:02B',
      8,
      'UA0989:2017-01-27:-:CREW',
      ['IMPLAUSIBLE_EXPIRY', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'ZSCHIESCHAK',
        givenNames: 'JACLYN PAT',
        dateOfBirth: '1978-07-13',
        nationality: 'GBR',
        doc: '123456789',
      },
    ],
    [
      'Test3.txt',
      'PAXLST',
      'D:02B',
      260,
      'UA0989:2017-01-27:-:PASSENGERS',
      // INVALID_CHARACTER: a surname holds byte 0x87, not a character of the declared UNOA.
      ['COUNT_MISMATCH', 'INVALID_CHARACTER', 'SEGMENT_COUNT_MISMATCH'],
      ['CHARSET_FALLBACK'],
      {
        surname: 'PFAFFELHUBER',
        givenNames: 'LISA PAT',
        dateOfBirth: '1978-07-05',
        nationality: 'GBR',
        doc: '12345678',
      },
    ],
    [
      'adult_and_infant.edi',
      'PNRGOV',
      '11:1',
      2,
      'AM0498:2013-05-23:-:PNR',
      [],
      [],
      {
        surname: 'TESTSURNAMETWO',
        givenNames: 'TESTNAMETWO',
        dateOfBirth: '2011-08-10',
        nationality: 'COL',
        doc: 'AO234000',
        locator: 'XXXYET',
      },
    ],
    [
      'apisMessage.txt',
      'PAXLST',
      'D:05B',
      2,
      'AA0124:2007-02-19:-:PASSENGERS',
      ['MISSING_DOCUMENT', 'MISSING_NATIONALITY'],
      [],
      { surname: 'CLARK', givenNames: 'CHERYL', dateOfBirth: '1973-04-07', locator: 'TYR123' },
    ],
    [
      'bigMessagePnr.txt',
      'PNRGOV',
      '13:1',
      7,
      'UA0988:2018-09-28:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'HOU',
        givenNames: 'LI',
        dateOfBirth: '1993-09-25',
        doc: '945329717',
        locator: '86C92D',
        bags: 1,
      },
    ],
    [
      'codeshare.edi',
      'PNRGOV',
      '11:1',
      2,
      'SQ0609:2013-05-27:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['MALFORMED_UNA'],
      {
        surname: 'KIM',
        givenNames: 'KONG CHUN',
        dateOfBirth: '1957-02-15',
        nationality: 'KOR',
        doc: 'M17072944',
        locator: 'X49V9U',
        seat: '14A',
        bags: 2,
      },
    ],
    [
      'flight1.txt',
      'PAXLST',
      'D:02B',
      10,
      'LA0532:2020-01-19:-:PASSENGERS',
      ['DOCUMENT_EXPIRED', 'MISSING_DOCUMENT_ISSUER', 'MISSING_DOCUMENT_TYPE', 'SEGMENT_COUNT_MISMATCH'],
      [],
      {
        surname: 'O GRADY',
        givenNames: 'EMMA MAISIE',
        dateOfBirth: '2000-05-20',
        nationality: 'GBR',
        doc: '209415811',
        locator: '0AE5BF',
        seat: '54K',
        bags: 2,
      },
    ],
    [
      'flight2.txt',
      'PAXLST',
      'D:02B',
      10,
      'FI0615:2020-02-26:-:PASSENGERS',
      [
        'DOCUMENT_EXPIRED',
        'MISSING_DOCUMENT_ISSUER',
        'MISSING_DOCUMENT_TYPE',
        'SEGMENT_COUNT_MISMATCH',
        'UNKNOWN_QUALIFIER',
      ],
      [],
      {
        surname: 'LOWE',
        givenNames: 'JESSICA KATE',
        dateOfBirth: '1965-03-08',
        nationality: 'GBR',
        doc: '339436223',
        locator: 'A7D924',
        seat: '54B',
        bags: 2,
      },
    ],
    [
      'infant.edi',
      'PNRGOV',
      '11:1',
      2,
      'SQ0602:2013-05-27:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['UNA_TERMINATOR_NOT_USED', 'LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'BELT',
        givenNames: 'SOPHY',
        dateOfBirth: '2012-09-20',
        nationality: 'GBR',
        doc: '512731999',
        locator: '3PGZOV',
        seat: '11D',
      },
    ],
    [
      'modifyPnr77ForCodeShare.txt',
      'PNRGOV',
      '11:1',
      1,
      'TZ0006:2013-05-28:-:PNR',
      ['INVALID_DATE', 'SEGMENT_COUNT_MISMATCH'],
      ['MISSING_FINAL_TERMINATOR', 'LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'VANDENBERG',
        givenNames: 'KEVINMICHAEL',
        dateOfBirth: '1980-07-04',
        nationality: 'USA',
        doc: '548721687',
        locator: 'W9TEND',
      },
    ],
    [
      'multiple_flight_leg_apis.txt',
      'PAXLST',
      'D:05B',
      2,
      'QQ0827:2008-08-10:-:PASSENGERS',
      [],
      ['MISSING_FINAL_TERMINATOR', 'TRAILING_TEXT'],
      {
        surname: 'LANG',
        givenNames: 'KRISTIN',
        dateOfBirth: '1960-06-06',
        nationality: 'ESP',
        doc: 'TRQWE99800',
        locator: 'GJIO3RT',
      },
    ],
    [
      'multiple_flight_leg_pnr.txt',
      'PNRGOV',
      '13:1',
      2,
      'UA0988:2018-05-12:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'NUTTALL',
        givenNames: 'PETER',
        dateOfBirth: '1964-01-12',
        doc: '2075148',
        locator: '80F4E3',
        seat: '43E',
        bags: 2,
      },
    ],
    [
      'no_pnr_history.edi',
      'PNRGOV',
      '11:1',
      4,
      'LH0474:2013-05-27:-:PNR',
      [],
      [],
      { surname: 'LENDROT', givenNames: 'CHARLOTTE', dateOfBirth: '1952-02-14', locator: '35K2IO' },
    ],
    [
      'pnr1.txt',
      'PNRGOV',
      '10:1',
      2,
      'DL0324:2010-12-12:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      ['LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'JONES',
        givenNames: 'WILLIAM',
        dateOfBirth: '1964-07-12',
        nationality: 'GBR',
        locator: 'MFN4TI',
        seat: '15B',
      },
    ],
    [
      'pnr2.txt',
      'PNRGOV',
      '10:1',
      2,
      'DL0324:2010-12-12:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      ['LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'COOPER',
        givenNames: 'GARY',
        dateOfBirth: '1915-07-12',
        nationality: 'GBR',
        doc: '987654321',
        locator: '23456',
        seat: '15A',
      },
    ],
    [
      'pnr3.txt',
      'PNRGOV',
      '13:1',
      4,
      'UA0988:2019-08-30:-:PNR',
      ['COUNT_MISMATCH', 'DOCUMENT_EXPIRED', 'MISSING_DOCUMENT_TYPE', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'FENWICK',
        givenNames: 'ABBY',
        dateOfBirth: '1953-07-06',
        nationality: 'USA',
        doc: '422615487',
        locator: '52865E',
        seat: '56D',
      },
    ],
    [
      'pnr4.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2019-08-26:-:PNR',
      [],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'RAVAL',
        givenNames: 'CHRISTOPHER',
        dateOfBirth: '1964-09-09',
        nationality: 'ERI',
        doc: '117557052',
        locator: '0995F0',
        seat: '48E',
        bags: 1,
      },
    ],
    [
      'pnrAddressPhoneCTCM.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      { surname: 'LOBB', givenNames: 'MOLLY', locator: '7C789A' },
    ],
    [
      'pnrBadFormat.txt',
      'PNRGOV',
      '11:1',
      2,
      'TZ0006:2013-05-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['MISSING_FINAL_TERMINATOR', 'LINE_BREAK_IN_SEGMENT', 'TRAILING_TEXT'],
      { surname: 'LENDROT', givenNames: 'CHARLOTTE', dateOfBirth: '1952-02-14', locator: '35K2IO' },
    ],
    [
      'pnrEdge.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      { surname: 'LOBB', givenNames: 'MOLLY', locator: '7C789A' },
    ],
    [
      'pnrMessage.txt',
      'PNRGOV',
      '10:1',
      2,
      'DL0324:2010-12-12:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      [],
      {
        surname: 'JONES',
        givenNames: 'WILLIAM',
        dateOfBirth: '1964-07-12',
        nationality: 'GBR',
        locator: 'MFN4TI',
        seat: '15B',
      },
    ],
    [
      'pnrMessageExample.txt',
      'PNRGOV',
      '13:1',
      5,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'HABTE',
        givenNames: 'LIYA',
        dateOfBirth: '1960-03-29',
        doc: '254881089',
        locator: '7C789A',
        seat: '33J',
        bags: 4,
      },
    ],
    [
      'pnrMessagePg75.txt',
      'PNRGOV',
      '11:1',
      1,
      'SQ0609:2013-05-27:-:PNR',
      ['PNR_WITHOUT_TRAVELLERS', 'SEGMENT_COUNT_MISMATCH'],
      ['SMART_QUOTE_TERMINATOR', 'LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'PARK',
        givenNames: 'SEJOON',
        dateOfBirth: '1972-09-10',
        nationality: 'KOR',
        doc: 'JR3364288',
        locator: '2LS6KP',
        seat: '39G',
        bags: 2,
      },
    ],
    [
      'pnrMessagePg76.txt',
      'PNRGOV',
      '11:1',
      2,
      'TZ0006:2013-05-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['MISSING_FINAL_TERMINATOR', 'LINE_BREAK_IN_SEGMENT'],
      { surname: 'LENDROT', givenNames: 'CHARLOTTE', dateOfBirth: '1952-02-14', locator: '35K2IO' },
    ],
    [
      'pnrMessagePg77.txt',
      'PNRGOV',
      '11:1',
      1,
      'TZ0006:2013-05-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['MISSING_FINAL_TERMINATOR', 'LINE_BREAK_IN_SEGMENT'],
      {
        surname: 'VANDENBERG',
        givenNames: 'KEVINMICHAEL',
        dateOfBirth: '1980-07-04',
        nationality: 'USA',
        doc: '548721687',
        locator: 'W9TEND',
      },
    ],
    [
      'pnrNoOrgMsg.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      { surname: 'LOBB', givenNames: 'MOLLY', locator: '7C789A' },
    ],
    [
      'pnrPhoneCTCM.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      { surname: 'LOBB', givenNames: 'MOLLY', locator: '7C789A' },
    ],
    [
      'pnrPhoneCTC_M.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      { surname: 'LOBB', givenNames: 'MOLLY', locator: '7C789A' },
    ],
    [
      'pnrSeatFormats.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-09-28:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'LOBB',
        givenNames: 'MOLLY',
        dateOfBirth: '1954-08-13',
        doc: '796428965',
        locator: '7C789A',
        seat: '36K',
      },
    ],
    [
      'pnrWithBags.txt',
      'PNRGOV',
      '13:1',
      268,
      'UA0988:2018-09-28:-:PNR',
      ['COUNT_MISMATCH', 'DOCUMENT_EXPIRED', 'MISSING_DOCUMENT_TYPE', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'ALLKINS',
        givenNames: 'ELISE',
        dateOfBirth: '1964-02-21',
        doc: '628326846',
        locator: '12DA32',
        seat: '46D',
        bags: 1,
      },
    ],
    [
      'pnrWithDoco.txt',
      'PNRGOV',
      '13:1',
      1,
      'UA0988:2018-05-12:-:PNR',
      ['SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'ACKARY',
        givenNames: 'CHARLES',
        dateOfBirth: '1948-12-26',
        doc: '602120901',
        locator: '06A9FD',
        seat: '23K',
      },
    ],
    [
      'pnrWithPrefixesAndBookingDetailBags.txt',
      'PNRGOV',
      '13:1',
      2,
      'UA0988:2018-10-11:-:PNR',
      ['COUNT_MISMATCH', 'SEGMENT_COUNT_MISMATCH'],
      ['CONTROL_REFERENCE_MISMATCH'],
      {
        surname: 'PETROS',
        givenNames: 'FNAN',
        dateOfBirth: '1992-09-06',
        doc: '586993080',
        locator: '8A4E83',
        seat: '6C',
        bags: 2,
      },
    ],
    [
      'pnr_split.edi',
      'PNRGOV',
      '11:1',
      3,
      'AM0498:2013-05-23:-:PNR',
      [],
      [],
      {
        surname: 'TESTSURNAMETHREE',
        givenNames: 'TESTNAMETHREE',
        dateOfBirth: '1994-10-14',
        nationality: 'COL',
        doc: 'AO589000',
        locator: 'BJOXXX',
      },
    ],
  ])(
    '%s reads as %s %s with %i travellers',
    (file, type, version, count, manifestId, messageCodes, interchangeCodes, last) => {
      const result = read(file);
      expect(result.messages).toHaveLength(1);
      const [m] = result.messages;
      expect([m.messageType, m.version, m.travellers.length, m.manifest.manifestId]).toEqual([
        type,
        version,
        count,
        manifestId,
      ]);
      expect(
        [...new Set(m.report.findings.filter((f) => f.severity !== 'info').map((f) => f.code))].sort(),
      ).toEqual(messageCodes);
      expect([...new Set(result.findings.map((f) => f.code))]).toEqual(interchangeCodes);
      const t = m.travellers[m.travellers.length - 1];
      const picked: Record<string, unknown> = {
        surname: t.surname,
        givenNames: t.givenNames,
        dateOfBirth: t.dateOfBirth,
        nationality: t.nationality,
        doc: t.documents[0]?.number,
        locator: t.pnr?.locator,
        seat: t.seat,
        bags: t.bagCount,
      };
      for (const key of Object.keys(picked)) if (picked[key] === undefined) delete picked[key];
      expect(picked).toEqual(last);
    },
  );
});

describe('GTAS samples, field by field', () => {
  it('Test1: a crew list on one line, mixed-case names, CNT written as CNT+41+8', () => {
    const [m] = read('Test1.txt').messages;
    expect(m.manifest).toMatchObject({
      kind: 'CREW',
      carrier: 'UA',
      flightNumber: '0989',
      departureDate: '2017-01-27',
    });
    expect(m.manifest.reportingParty).toEqual({
      name: 'CREW SCHEDULING',
      phone: '808-838-5520',
      fax: '808-838-5526',
    });
    expect(m.travellers.every((t) => t.role === 'CREW')).toBe(true);
    expect(m.travellers[0]).toMatchObject({
      surname: 'STEUR',
      givenNames: 'ANDREA PAT',
      gender: 'F',
      dateOfBirth: '1978-07-06',
      residence: 'GBR',
      placeOfBirth: 'HARTFORD USA',
      embarkation: 'FRA',
      debarkation: 'IAD',
      documents: [{ type: 'P', number: '123456789', issuer: 'GBR', expiry: '2061-02-18' }],
    });
    expect(m.report.findings.some((f) => f.code === 'COUNT_MISMATCH')).toBe(false);
  });

  it('Test3: a Latin-1 byte in a name, a first part of a multi-part set and a CNT that disagrees', () => {
    const result = read('Test3.txt');
    const [m] = result.messages;
    expect(result.interchange?.charset).toBe('iso-8859-1');
    expect(m.multipart).toEqual({ reference: 'ABC01', sequence: 1, final: false });
    expect(m.travellers.find((t) => t.surname.startsWith('NOV'))?.surname).toBe('NOV\u0087K');
    const mismatch = m.report.findings.find((f) => f.code === 'COUNT_MISMATCH');
    expect(mismatch?.message).toBe('CNT 41 declares 206 crew members, the message has 0');
  });

  it('multiple_flight_leg_apis: three legs, the border crossing one is the reported flight', () => {
    const [m] = read('multiple_flight_leg_apis.txt').messages;
    expect(
      m.manifest.legs.map((l) => `${l.carrier}${l.number} ${l.departure.port}-${l.arrival.port}`),
    ).toEqual(['QQ0877 MIA-IAD', 'QQ0827 IAD-JFK', 'QQ0827 JFK-CDG']);
    expect(m.manifest.flight).toEqual({
      carrier: 'QQ',
      number: '0827',
      departure: { port: 'JFK', at: '2008-08-10T20:00' },
      arrival: { port: 'CDG', at: '2008-08-11T06:30' },
    });
    expect(m.travellers[0]).toMatchObject({
      surname: 'BARRETT',
      residence: 'FRA',
      pnr: { locator: 'GJIO3RT' },
    });
  });

  it('flight1: MEA bag count, seat, a visa beside a passport without a type', () => {
    const [m] = read('flight1.txt').messages;
    expect(m.travellers[0]).toMatchObject({
      surname: 'JIANG',
      bagCount: 1,
      seat: '56F',
      documents: [
        { type: '', number: '433419360', issuer: 'CHN', expiry: '2023-09-20' },
        { type: 'V', number: '57131424', issuer: 'USA', expiry: '2021-07-29' },
      ],
    });
  });

  it('pnrMessageExample: bags counted once per bag tag across legs, e-mails decoded, card numbers never read', () => {
    const [m] = read('pnrMessageExample.txt').messages;
    expect(m.travellers.map((t) => t.bagCount)).toEqual([1, 1, 1, 2, 4]);
    expect(m.travellers[0].pnr).toMatchObject({
      locator: '7C789A',
      bookingDate: '2018-08-23',
      createdAt: '2018-08-23T12:20',
      partySize: 5,
      oneWay: true,
      ticketNumbers: ['10862010862010'],
      formsOfPayment: [{ type: 'CC', amount: 800, cardVendor: 'AX' }],
    });
    expect(m.travellers[0].pnr?.contacts).toContainEqual({ kind: 'email', value: 'MOLLY_LOBB@GMAIL.COM' });
    expect(m.travellers[3].pnr?.formsOfPayment).toEqual([{ type: 'CA', amount: 100 }]);
    expect(JSON.stringify(m.travellers)).not.toContain('372395');
  });

  it('pnrWithPrefixesAndBookingDetailBags: four bags on booking-detail legs, codeshare legs', () => {
    const [m] = read('pnrWithPrefixesAndBookingDetailBags.txt').messages;
    expect(m.travellers.reduce((sum, t) => sum + (t.bagCount ?? 0), 0)).toBe(4);
    expect(m.travellers[0].pnr?.bagWeightKg).toBeCloseTo(36.2, 1);
    expect(m.travellers[0].itinerary[1]).toMatchObject({
      carrier: 'UA',
      number: '8749',
      operatingCarrier: 'LH',
      operatingNumber: '0624',
    });
    expect(m.travellers[0].pnr?.codeshares).toEqual(['UA8749', 'UA8750']);
    expect(m.travellers.map((t) => t.seat)).toEqual(['8A', '6C']);
  });

  it('adult_and_infant and infant: the infant document goes to the infant, not to the adult', () => {
    for (const file of ['adult_and_infant.edi', 'infant.edi']) {
      const [adult, infant] = read(file).messages[0].travellers;
      expect(adult.documents).toHaveLength(1);
      expect(infant.documents).toHaveLength(1);
      expect(infant.dateOfBirth?.startsWith('201')).toBe(true);
      expect(adult.dateOfBirth?.startsWith('19')).toBe(true);
    }
    const [adult] = read('infant.edi').messages[0].travellers;
    expect(adult).toMatchObject({ surname: 'BELT', givenNames: 'ISABELLE', seat: '11D', bagCount: 3 });
  });

  it('codeshare: a five-character UNA is repaired and the release character \\ honoured', () => {
    const result = read('codeshare.edi');
    expect(result.findings.map((f) => f.code)).toEqual(['MALFORMED_UNA']);
    expect(result.messages[0].travellers.map((t) => t.pnr?.locator)).toEqual(['2LS6KP', 'X49V9U']);
  });

  it('pnrEdge: a released + inside an e-mail and the PNR e-mail encodings', () => {
    const [t] = read('pnrEdge.txt').messages[0].travellers;
    expect(t.pnr?.contacts).toContainEqual({ kind: 'email', value: 'MOLLY_LOUUNT+50BB@GMAIL.COM' });
  });

  it('pnrBadFormat: text after an unterminated UNZ is reported, not read', () => {
    const result = read('pnrBadFormat.txt');
    expect(result.findings.map((f) => f.code)).toContain('TRAILING_TEXT');
    expect(result.interchange?.controlRef).toBe('00102181551362');
  });

  it('pnrSeatFormats and pnrWithDoco: a seat SSR for another sector (074E, SFO-IAD) is not taken; a DOCO visa', () => {
    expect(read('pnrSeatFormats.txt').messages[0].travellers[0].seat).toBe('36K');
    expect(read('pnrMessage.txt').messages[0].travellers.map((t) => t.seat)).toEqual(['15A', '15B']);
    const [t] = read('pnrWithDoco.txt').messages[0].travellers;
    expect(t.documents[1]).toEqual({ type: 'V', number: '8675309', issuer: 'LIE', issued: '2006-12-22' });
    expect(t.placeOfBirth).toBe('HERE VA');
  });

  it('pnr1: CRLF inside segments is dropped, the hotel TVL is skipped, PNR-level contacts reach every traveller', () => {
    const [m] = read('pnr1.txt').messages;
    expect(m.travellers[0].itinerary.map((l) => `${l.carrier}${l.number}`)).toEqual(['DL0324', 'DL0330']);
    expect(m.travellers[1].pnr?.contacts).toContainEqual({ kind: 'phone', value: '00115555555555' });
    expect(m.travellers[0].documents[0].number).toBe('123456789');
  });

  it('pnrWithBags: 127 PNRs, 268 travellers, every traveller linked to a locator', () => {
    const [m] = read('pnrWithBags.txt').messages;
    expect(new Set(m.travellers.map((t) => t.pnr?.locator)).size).toBe(127);
    expect(m.travellers.every((t) => t.pnr?.locator)).toBe(true);
    expect(new Set(m.travellers.map((t) => t.travellerId)).size).toBe(268);
  });
});
