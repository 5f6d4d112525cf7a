import { envelope, ManifestParsed } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';

import { observeManifest } from '../observe/observed';
import { buildScorecard, ScorecardFigures } from './scorecard';

/**
 * From the parser to the scorecard: a PAXLST whose passport has no DTM+36 is counted under
 * `documentExpiry` (issue 17: "findings by field, missing document expiry"), as is an expired one;
 * a visa without expiry and a complete passport are not.
 */
const traveller = (name: string, doc: string) =>
  `NAD+FL+++${name}:JO'ATT+2++M'DTM+329:800101'NAT+2+GBR'${doc}`;
const PAXLST = [
  "UNA:+.? 'UNB+UNOA:4+ZZ:ZZ+GOV:ZZ+250301:0900+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'",
  "TDT+20+ZZ400+++ZZ'LOC+125+FRA'DTM+189:2503011015:201'LOC+87+JFK'DTM+232:2503011330:201'",
  traveller('COMPLETE', "DOC+P+X1'DTM+36:301231'LOC+91+GBR'"),
  traveller('NOEXPIRY', "DOC+P+X2'LOC+91+GBR'"),
  traveller('EXPIRED', "DOC+P+X3'DTM+36:240101'LOC+91+GBR'"),
  traveller('WITHVISA', "DOC+P+X4'DTM+36:301231'LOC+91+GBR'DOC+V+V4'LOC+91+USA'"),
  "CNT+42:4'",
].join('');
const segments = PAXLST.slice(PAXLST.indexOf('UNH')).split("'").length; // UNH … CNT, and UNT
const INTERCHANGE = `${PAXLST}UNT+${segments}+1'UNZ+1+1'`;

describe('missing document expiry in the scorecard', () => {
  it('counts a passport without expiry date under documentExpiry and as a bad document', () => {
    const [message] = readMessage(Buffer.from(INTERCHANGE)).messages;
    const summary: ManifestParsed.Value = {
      ...envelope('receipt-1'),
      manifestId: message.manifest.manifestId,
      manifestVersion: 1,
      messageType: message.messageType,
      carrier: message.manifest.carrier,
      flightNumber: message.manifest.flightNumber,
      flightKey: 'ZZ0400:2025-03-01',
      travellerIds: message.travellers.map((t) => t.travellerId),
      report: message.report,
    };
    const observed = observeManifest(summary, {})!;
    expect(observed.findings).toEqual([
      { code: 'MISSING_DOCUMENT_EXPIRY', category: 'documentExpiry', field: 'documents[].expiry', count: 1 },
      { code: 'DOCUMENT_EXPIRED', category: 'documentExpiry', field: 'documents[].expiry', count: 1 },
    ]);
    expect(observed.badDocumentTravellers).toBe(2);

    const figures: ScorecardFigures = {
      flights: 1,
      messagesByType: { PAXLST: 1 },
      duplicates: 0,
      travellers: observed.travellers,
      badDocumentTravellers: observed.badDocumentTravellers,
      rejectionsByCode: {},
      findings: observed.findings,
      obligations: [],
    };
    const card = buildScorecard('ZZ', '2025-03-01', '2025-03-01', figures);
    expect(card.findings.byCategory.documentExpiry).toBe(2);
    expect(card.findings.byCode.MISSING_DOCUMENT_EXPIRY).toBe(1);
    expect(card.findings.byField['documents[].expiry']).toBe(2);
    expect(card.badDocumentRate).toBe(0.5);
  });
});
