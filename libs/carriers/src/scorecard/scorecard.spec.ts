import { fieldPattern, findingCategory, isDocumentFinding } from './finding-categories';
import { buildScorecard, scorecardsCsv, ScorecardFigures } from './scorecard';

const figures = (over: Partial<ScorecardFigures> = {}): ScorecardFigures => ({
  flights: 10,
  messagesByType: { PAXLST: 30, PNRGOV: 40 },
  duplicates: 2,
  travellers: 200,
  badDocumentTravellers: 20,
  rejectionsByCode: { EDIFACT_SYNTAX: 3, CARRIER_MISMATCH: 7 },
  findings: [
    { code: 'MRZ_CHECK_DIGIT', category: 'checkDigits', field: 'travellers[].documents[].mrz', count: 12 },
    { code: 'MISSING_DOCUMENT_EXPIRY', category: 'documentExpiry', field: 'documents[].expiry', count: 8 },
    { code: 'UNKNOWN_COUNTRY_CODE', category: 'countries', field: 'nationality', count: 1 },
  ],
  obligations: [
    { obligation: 'API_PASSENGERS', status: 'ON_TIME', count: 9 },
    { obligation: 'API_PASSENGERS', status: 'MISSING', count: 1 },
    { obligation: 'PNR_T24', status: 'LATE', count: 2 },
    { obligation: 'PNR_T24', status: 'ON_TIME', count: 8 },
  ],
  ...over,
});

describe('finding categories', () => {
  it.each([
    ['MRZ_CHECK_DIGIT', undefined, 'checkDigits'],
    ['UNKNOWN_COUNTRY_CODE', 'nationality', 'countries'],
    ['INVALID_COUNTRY_CODE', 'documents[0].issuer', 'countries'],
    ['MISSING_DOCUMENT_EXPIRY', undefined, 'documentExpiry'],
    ['INVALID_DATE', 'documents[0].expiry', 'documentExpiry'],
    ['MISSING_DATE_OF_BIRTH', 'dateOfBirth', 'missingData'],
    ['COUNT_MISMATCH', 'CNT', 'other'],
  ])('%s at %s → %s', (code, field, category) => {
    expect(findingCategory(code, field)).toBe(category);
  });

  it('counts per field, not per position, and knows document findings', () => {
    expect(fieldPattern('travellers[3].documents[0].expiry')).toBe('travellers[].documents[].expiry');
    expect(isDocumentFinding('MRZ_CHECK_DIGIT', undefined)).toBe(true);
    expect(isDocumentFinding('INVALID_COUNTRY_CODE', 'documents[1].issuer')).toBe(true);
    expect(isDocumentFinding('MISSING_DATE_OF_BIRTH', 'dateOfBirth')).toBe(false);
  });
});

describe('buildScorecard', () => {
  it('computes rates from the grouped figures', () => {
    const card = buildScorecard('ZZ', '2026-12-01', '2026-12-07', figures());
    expect(card.messages).toEqual({ total: 70, byType: { PAXLST: 30, PNRGOV: 40 }, duplicates: 2 });
    expect(card.badDocumentRate).toBe(0.1);
    expect(card.rejections).toEqual({
      total: 10,
      rate: 0.125,
      byCode: { EDIFACT_SYNTAX: 3, CARRIER_MISMATCH: 7 },
    });
    expect(card.findings.byCategory).toEqual({
      documentExpiry: 8,
      checkDigits: 12,
      countries: 1,
      missingData: 0,
      other: 0,
    });
    expect(card.findings.byField['documents[].expiry']).toBe(8);
    expect(card.timeliness).toMatchObject({ onTime: 17, late: 2, missing: 1, onTimeRate: 0.85 });
    expect(card.timeliness.byObligation.API_PASSENGERS).toEqual({
      onTime: 9,
      late: 0,
      missing: 1,
      onTimeRate: 0.9,
    });
  });

  it('gives null rates when nothing was counted', () => {
    const card = buildScorecard(
      'ZZ',
      '2026-12-01',
      '2026-12-01',
      figures({
        messagesByType: {},
        travellers: 0,
        badDocumentTravellers: 0,
        rejectionsByCode: {},
        obligations: [],
      }),
    );
    expect([card.badDocumentRate, card.rejections.rate, card.timeliness.onTimeRate]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('exports CSV a spreadsheet cannot run as formulas', () => {
    const csv = scorecardsCsv([
      buildScorecard('ZZ', '2026-12-01', '2026-12-07', figures()),
      buildScorecard('=1+1', '2026-12-01', '2026-12-07', figures()),
    ]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^carrier,from,to,flights,messages,duplicates,travellers,/);
    expect(lines[1]).toContain(
      'ZZ,2026-12-01,2026-12-07,10,70,2,200,20,0.1,10,0.125,EDIFACT_SYNTAX:3;CARRIER_MISMATCH:7,21,8,12,1,0,0,17,2,1,0.85',
    );
    expect(lines[2].startsWith("'=1+1,")).toBe(true);
  });
});
