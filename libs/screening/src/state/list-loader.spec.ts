import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Decision, Traveller } from '@paxscreen/contracts';
import { type ListReadResult, readListSync } from '@paxscreen/lists';
import { parseRuleSet } from '@paxscreen/rules';
import { SCREENING_NOW as NOW, TEST_FLIGHT, testTraveller } from '@paxscreen/testing';

import { Screener } from '../screener';
import { applyListRecord, applyListResult, applyRuleSet, offlineListVersion } from './list-loader';
import { ScreeningState } from './screening-state';

const DATA = join(__dirname, '../../../../data');

const csv = (name: string, text: string, listId?: string): ListReadResult =>
  readListSync({ name, bytes: Buffer.from(text) }, { listId });

const NATIONAL = csv(
  'national.csv',
  `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,TRAVEL_BAN
NWL-2,PERSON,OTHERSON,Someone,1950-01-01,NOR,M,TRAVEL_BAN
`,
  'NATIONAL',
);
const LOST_STOLEN = csv(
  'lost.csv',
  `id,document_number,issuer,document_type,status,reported_on
LSD-1,XA0000101,AUS,P,STOLEN,2024-01-15
`,
  'SLTD',
);
const ENROLMENTS = csv(
  'enrolments.csv',
  `id,programme,kind,card_number,surname,given_names,date_of_birth,nationality,document_number,document_issuer,valid_from,valid_to,pre_cleared_economies
ENR-1,GLOBAL_ENTRY,TTP,XGE1,HARTLEY,Samuel James,1966-12-01,USA,XU0000204,USA,2022-08-01,2030-07-31,USA
`,
  'TTP',
);
const RULES = parseRuleSet(readFileSync(join(DATA, 'rules/default.yaml'), 'utf8'), 'yaml');

const traveller = (
  surname: string,
  givenNames: string,
  dob: string,
  nat: string,
  doc: string,
  expiry = '2031-01-01',
): Traveller =>
  testTraveller({
    travellerId: `t-${surname}`,
    surname,
    givenNames,
    dateOfBirth: dob,
    nationality: nat,
    documents: [{ type: 'P', number: doc, issuer: nat, expiry }],
    flight: { ...TEST_FLIGHT, carrier: 'ZZ', number: '100' },
  });

const TRAVELLERS = [
  traveller('KARVONEN', 'ALEKSI JUHANI', '1971-03-14', 'FIN', 'XF1'),
  traveller('SMITH', 'ANNA', '1985-07-01', 'AUS', 'XA0000101'),
  traveller('HARTLEY', 'SAMUEL JAMES', '1966-12-01', 'USA', 'XU0000204'),
  traveller('JONES', 'PETER', '1975-05-05', 'GBR', 'XB1', '2020-01-01'),
];

/** What a decision says, without ids and timings. */
const verdict = (d: Decision) => ({
  outcome: d.outcome,
  reasons: d.reasons.map((r) => ({ kind: r.kind, action: r.action, source: r.source, score: r.score })),
  listVersions: d.listVersions,
});

const screenAll = (state: ScreeningState) =>
  TRAVELLERS.map((t) => verdict(new Screener(state).screen(t, { now: NOW })));

/** The state loaded from files, as the CLI does. */
function fromFiles(): ScreeningState {
  const state = new ScreeningState();
  for (const list of [NATIONAL, LOST_STOLEN, ENROLMENTS]) applyListResult(state, list, 'v1');
  applyRuleSet(state, RULES, 'v1');
  return state;
}

/**
 * The state loaded from records as the screening service receives them: the watchlist service's
 * values, serialised to JSON on the compacted topics (rules carry their entryId), then the version.
 */
function fromTopicRecords(): ScreeningState {
  const state = new ScreeningState();
  const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  for (const list of [NATIONAL, LOST_STOLEN, ENROLMENTS]) {
    for (const entry of list.entries) {
      const value = wire({ listId: list.listId, listVersion: 'v1', entry });
      applyListRecord(state, list.kind, list.listId, entry.entryId, value.entry, value.listVersion);
    }
    state.setListVersion(list.listId, 'v1');
  }
  for (const rule of RULES.rules) {
    const value = wire({ listVersion: 'v1', rule: { ...rule, entryId: rule.id } });
    applyListRecord(state, 'rules', RULES.id, rule.id, value.rule, value.listVersion);
  }
  state.setListVersion(RULES.id, 'v1');
  return state;
}

describe('list loader', () => {
  it('files and topic records give the same decisions', () => {
    const files = screenAll(fromFiles());
    expect(screenAll(fromTopicRecords())).toEqual(files);
    // The travellers exercise every kind of list, so equality above is not trivially "all CLEAR".
    // KARVONEN's national row says TRAVEL_BAN: its programme selects NO_BOARD (issue 18).
    expect(files.map((d) => d.outcome)).toEqual(['NO_BOARD', 'NO_BOARD', 'EXPEDITE', 'REFER']);
    expect(files[0].reasons.map((r) => r.kind)).toContain('WATCHLIST');
    expect(files[3].reasons.map((r) => r.source.listId)).toEqual(['default']);
  });

  it('applyListResult loads every entry and records the version', () => {
    const state = fromFiles();
    expect(state.entryCount('NATIONAL')).toBe(2);
    expect(state.entryCount('SLTD')).toBe(1);
    expect(state.entryCount('TTP')).toBe(1);
    expect(state.entryCount('default')).toBe(RULES.rules.length);
    expect(state.listVersions()).toEqual({ NATIONAL: 'v1', SLTD: 'v1', TTP: 'v1', default: 'v1' });
    expect(state.lostStolenFor('AUS', 'XA 000 0101')).toHaveLength(1);
    expect(state.enrolmentsFor('USA', 'XU0000204')).toHaveLength(1);
  });

  it('an entry id given twice keeps the last entry, as the watchlist diff does', () => {
    const state = new ScreeningState();
    const [first] = LOST_STOLEN.kind === 'documents' ? LOST_STOLEN.entries : [];
    const twice: ListReadResult = {
      ...LOST_STOLEN,
      kind: 'documents',
      entries: [first, { ...first, number: 'XA2', status: 'LOST' }],
    };
    applyListResult(state, twice, 'v1');
    expect(state.entryCount('SLTD')).toBe(1);
    expect(state.lostStolenFor('AUS', first.number)).toEqual([]);
    expect(state.lostStolenFor('AUS', 'XA2')).toMatchObject([{ status: 'LOST' }]);
  });

  it.each([
    ['watchlist', 'NATIONAL', 'NWL-1'],
    ['documents', 'SLTD', 'LSD-1'],
    ['enrolments', 'TTP', 'ENR-1'],
    ['rules', 'default', RULES.rules[0].id],
  ] as const)('a %s tombstone removes the entry', (kind, listId, entryId) => {
    const state = fromFiles();
    const before = state.entryCount(listId);
    applyListRecord(state, kind, listId, entryId, null, 'v2');
    expect(state.entryCount(listId)).toBe(before - 1);
  });

  it('a rule record that is not a valid rule is refused', () => {
    expect(() =>
      applyListRecord(new ScreeningState(), 'rules', 'default', 'r1', { id: 'r1', action: 'NOPE' }),
    ).toThrow();
  });

  it('offline versions derive from the content digest', () => {
    const digest = 'AB'.repeat(32);
    expect(offlineListVersion(digest)).toBe('sha256-abababababab');
    expect(() => offlineListVersion('not a digest')).toThrow(/SHA-256/);
  });
});
