import { envelope, Header, ManifestParsed, DeadLetter } from '@paxscreen/contracts';

import { manifestIdParts, observeManifest, observeRejection } from './observed';

const summary = (over: Partial<ManifestParsed.Value> = {}): ManifestParsed.Value => ({
  ...envelope('receipt-1'),
  manifestId: 'ZZ0042:2026-12-07:IN:PASSENGERS',
  manifestVersion: 2,
  messageType: 'PAXLST',
  carrier: 'ZZ',
  flightNumber: '0042',
  flightKey: 'ZZ0042:2026-12-07',
  travellerIds: ['b', 'a'],
  report: {
    messageType: 'PAXLST',
    version: 'D:05B',
    travellers: 2,
    errors: 2,
    warnings: 1,
    findings: [
      {
        code: 'MRZ_CHECK_DIGIT',
        severity: 'error',
        message: 'm',
        field: 'travellers[0].documents[0].mrz',
        traveller: 0,
      },
      {
        code: 'DOCUMENT_EXPIRED',
        severity: 'error',
        message: 'm',
        field: 'documents[0].expiry',
        traveller: 0,
      },
      { code: 'UNKNOWN_COUNTRY_CODE', severity: 'warning', message: 'm', field: 'nationality', traveller: 1 },
    ],
  },
  ...over,
});

describe('observeManifest', () => {
  it('keeps counts and finding codes per field, never names or documents', () => {
    const m = observeManifest(summary({ receivedAt: 1_800_000_000_000 }), {
      [Header.ReceiptId]: 'receipt-1',
    })!;
    expect(m).toMatchObject({
      carrier: 'ZZ',
      flightNumber: '0042',
      departureDate: '2026-12-07',
      kind: 'PASSENGERS',
      receiptId: 'receipt-1',
      receivedAt: 1_800_000_000_000,
      travellers: 2,
      badDocumentTravellers: 1,
    });
    expect(m.findings).toEqual([
      { code: 'MRZ_CHECK_DIGIT', category: 'checkDigits', field: 'travellers[].documents[].mrz', count: 1 },
      { code: 'DOCUMENT_EXPIRED', category: 'documentExpiry', field: 'documents[].expiry', count: 1 },
      { code: 'UNKNOWN_COUNTRY_CODE', category: 'countries', field: 'nationality', count: 1 },
    ]);
  });

  it('hashes content independently of traveller order, so a re-send is recognised', () => {
    const a = observeManifest(summary(), {})!;
    const b = observeManifest(summary({ travellerIds: ['a', 'b'], manifestVersion: 3 }), {})!;
    expect(a.contentHash).toBe(b.contentHash);
    expect(observeManifest(summary({ travellerIds: ['a', 'c'] }), {})!.contentHash).not.toBe(a.contentHash);
  });

  it('takes the received time from the header when the summary has none, and skips undated manifests', () => {
    expect(observeManifest(summary(), { [Header.ReceivedAt]: '1700000000000' })!.receivedAt).toBe(
      1_700_000_000_000,
    );
    expect(observeManifest(summary({ manifestId: 'ZZ0042:-:-:PASSENGERS' }), {})).toBeUndefined();
    expect(manifestIdParts('ZZ0042:2026-12-07:-:PNR')).toEqual({ departureDate: '2026-12-07', kind: 'PNR' });
  });
});

describe('observeRejection', () => {
  const letter = (over: Partial<DeadLetter.Value> = {}): DeadLetter.Value => ({
    ...envelope('r'),
    stage: 'parser',
    code: 'EDIFACT_SYNTAX',
    message: 'm',
    sourceTopic: 'paxscreen.messages.raw.v1',
    headers: { [Header.Carrier]: 'ZZ', [Header.ReceiptId]: 'r-1', [Header.ReceivedAt]: '1700000000000' },
    payloadBase64: '',
    ...over,
  });

  it('counts gateway and parser rejections of a carrier, once per dead letter', () => {
    expect(observeRejection(letter())).toMatchObject({
      carrier: 'ZZ',
      code: 'EDIFACT_SYNTAX',
      receiptId: 'r-1',
      receivedAt: 1_700_000_000_000,
    });
    const part = { deadLetterId: 'd', bytes: 1, sha256: '0'.repeat(64), parts: 2 };
    expect(observeRejection(letter({ payload: { ...part, part: 2 } }))).toBeUndefined();
    expect(observeRejection(letter({ payload: { ...part, part: 1 } }))!.eventId).toBe('d');
  });

  it.each([
    ['another stage', { stage: 'screening' as const }],
    ['no carrier', { headers: {} }],
  ])('ignores %s', (_what, over) => {
    expect(observeRejection(letter(over))).toBeUndefined();
  });
});
