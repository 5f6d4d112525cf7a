import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writePaxlst, type PaxlstTraveller } from '@paxscreen/edifact';

import { CliError, EXIT } from '../cli-error';
import type { ScreenLine } from '../offline/decision-output';
import { FIXTURES, LISTS, ROOT, runCommand, SAMPLES } from '../run-command.fixture';
import { registerScreenCommand } from './screen.command';

const HITS = join(SAMPLES, 'manifests/sample-hits.edi');
const tmp = mkdtempSync(join(tmpdir(), 'paxscreen-screen-'));
const file = (name: string, text: string, dir = tmp): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** A one-entry list named UN: the UN policy is the one with a no-board threshold. */
const UN_MINI = file(
  'un-mini.csv',
  'id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs\nCDi.006,PERSON,KATANGA,Germain,1978-04-28,COD,M,CDi\n',
);
/** The bundled sample's small lists (the UN and full OFAC files are left to the end-to-end test). */
const LIST_ARGS = [
  ['--list', join(LISTS, 'ofac_tiny')],
  ['--list', `UN=${UN_MINI}`],
  ['--list', `NATIONAL=${join(SAMPLES, 'national-watchlist.csv')}`],
  ['--lost-stolen', `SLTD=${join(SAMPLES, 'lost-stolen-documents.csv')}`],
  ['--enrolments', join(SAMPLES, 'enrolments.csv')],
  ['--rules', join(ROOT, 'data/rules/default.yaml')],
].flat();

const screen = (...args: string[]) => runCommand(registerScreenCommand, ['screen', ...args, '--no-progress']);
const jsonLines = (out: string): ScreenLine[] =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ScreenLine);

/** The two parts of one PAXLST, each in its own file, alone in a new folder. */
function twoPartSet(): { dir: string; part1: string; part2: string } {
  const dir = mkdtempSync(join(tmpdir(), 'paxscreen-parts-'));
  const pax = (surname: string, number: string): PaxlstTraveller => ({
    role: 'PASSENGER',
    surname,
    givenNames: 'ANNA',
    dateOfBirth: '1985-07-01',
    gender: 'F',
    nationality: 'AUS',
    documents: [{ type: 'P', number, issuer: 'AUS', expiry: '2031-01-01' }],
  });
  const part = (sequence: number, final: boolean, travellers: PaxlstTraveller[]) =>
    writePaxlst({
      sender: 'ZZAIR',
      recipient: 'USCBP',
      controlRef: `00000${sequence}`,
      messageRef: `M${sequence}`,
      kind: 'PASSENGERS',
      multipart: { reference: 'SET1', sequence, final },
      flight: {
        carrier: 'ZZ',
        number: '0200',
        departure: { port: 'LHR', at: '2026-12-01T10:00' },
        arrival: { port: 'JFK', at: '2026-12-01T13:00' },
      },
      travellers,
    });
  return {
    dir,
    part1: file('part1.edi', part(1, false, [pax('SMITH', 'XA0000101')]), dir),
    part2: file('part2.edi', part(2, true, [pax('JONES', 'XA0000999')]), dir),
  };
}

describe('paxscreen screen', () => {
  it('--json prints one decision per traveller, each path of the sample manifest decided', async () => {
    const { out, err, exitCode } = await screen(HITS, ...LIST_ARGS, '--json');
    const lines = jsonLines(out);
    expect(lines.map((l) => [l.subject.surname, l.decision.outcome])).toEqual([
      ['KATANGA', 'NO_BOARD'],
      ['KARVONEN', 'NO_BOARD'],
      ['BLAKE', 'NO_BOARD'],
      ['HARTLEY', 'EXPEDITE'],
      ['TANAKA-REYES', 'CLEAR'],
      ['OKAFOR', 'CLEAR'],
      ['MOREAU', 'REFER'],
    ]);
    expect(lines[0]).toMatchObject({
      file: HITS,
      manifestId: 'ZZ0100:2026-12-01:-:PASSENGERS',
      index: 0,
      role: 'PASSENGER',
      flight: { carrier: 'ZZ', number: '0100' },
      decision: { reasons: [{ kind: 'WATCHLIST', source: { listId: 'UN', entryId: 'CDi.006' } }] },
    });
    expect(lines[2].decision.reasons[0].explanation).toMatch(/reported stolen/);
    expect(lines[4].decision.reasons[0].explanation).toMatch(/not pre-cleared for USA/);
    expect(Object.keys(lines[0].decision.listVersions).sort()).toEqual(
      ['ENROLMENTS', 'NATIONAL', 'OFAC-SDN', 'SLTD', 'UN', 'default'].sort(),
    );
    expect(lines[0].decision.listVersions.default).toMatch(/^sha256-[0-9a-f]{12}$/);
    expect(err).toMatch(/^screened 7 travellers from 1 manifest in \d+\.\d\d s \(\d+ travellers\/s\)$/m);
    expect(err).toMatch(/^outcomes CLEAR 2, EXPEDITE 1, REFER 1, NO_BOARD 3$/m);
    expect(err).toMatch(/^lists +OFAC-SDN \(OFAC_SDN_CSV\): 17 entries, version sha256-/m);
    expect(exitCode).toBeUndefined();
  });

  it('prints a table by default, each reason under its traveller', async () => {
    const { out } = await screen(HITS, ...LIST_ARGS);
    expect(out).toMatch(/^PAXLST ZZ0100:2026-12-01:-:PASSENGERS .*\(7 travellers\)$/m);
    expect(out).toMatch(/^# +ROLE +NAME +BORN +NAT +DOCUMENT +OUTCOME$/m);
    expect(out).toMatch(/^3 +PAX +BLAKE, ROBIN +1977-04-04 +AUS +P AUS XA0000101 +NO_BOARD$/m);
    expect(out).toMatch(
      /^ +- NO_BOARD LOST_STOLEN_DOCUMENT SLTD\/LSD-0001 \(1\.000\) STOLEN P: P issued by AUS is reported stolen/m,
    );
    expect(out).toMatch(/^6 +PAX +OKAFOR, DAVID .* CLEAR$/m);
  });

  it('--csv writes the decisions for spreadsheets: one row per traveller, formula-safe cells', async () => {
    const csv = join(tmp, 'decisions.csv');
    // The documented JSON manifest example, its first traveller's surname a spreadsheet formula.
    const example = JSON.parse(
      readFileSync(join(ROOT, 'test/fixtures/edifact/ok/manifest.json'), 'utf8'),
    ) as { travellers: Record<string, unknown>[] };
    example.travellers[0].surname = '=HYPERLINK("http://x")';
    const formula = file('formula.json', JSON.stringify(example));
    const { out, exitCode } = await screen(HITS, formula, ...LIST_ARGS, '--json', '--csv', csv);
    expect(exitCode).toBeUndefined();
    const text = readFileSync(csv, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const records = text.slice(1).trimEnd().split('\r\n');
    expect(records).toHaveLength(1 + jsonLines(out).length);
    expect(records.find((r) => r.includes('BLAKE'))).toMatch(/"NO_BOARD"/);
    expect(text).toContain(`"'=HYPERLINK(""HTTP://X"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);
  });

  it('--csv to a path it cannot write fails with a clear error', async () => {
    await expect(screen(HITS, ...LIST_ARGS, '--csv', join(tmp, 'missing-dir', 'x.csv'))).rejects.toThrow(
      expect.objectContaining({ code: 'UNWRITABLE_FILE' }) as Error,
    );
  });

  it.each([
    ['REFER', EXIT.FINDINGS],
    ['NO_BOARD', EXIT.FINDINGS],
  ])('--fail-on %s exits %i when a decision is that severe', async (outcome, code) => {
    expect((await screen(HITS, ...LIST_ARGS, '--fail-on', outcome)).exitCode).toBe(code);
  });

  it('--fail-on passes when nothing is that severe', async () => {
    const { exitCode } = await screen(
      HITS,
      '--rules',
      join(ROOT, 'data/rules/default.yaml'),
      '--fail-on',
      'NO_BOARD',
    );
    expect(exitCode).toBeUndefined();
  });

  it('--home-economy and --policies change the decision as they would in the service', async () => {
    const policies = file(
      'policies.json',
      JSON.stringify([{ listId: 'NATIONAL', alert: 0.5, refer: 0.7, noBoard: 0.9 }]),
    );
    const lines = jsonLines(
      (await screen(HITS, ...LIST_ARGS, '--json', '--home-economy', 'AUS', '--policies', policies)).out,
    );
    const bySurname = new Map(lines.map((l) => [l.subject.surname, l.decision]));
    expect(bySurname.get('TANAKA-REYES')).toMatchObject({ outcome: 'EXPEDITE', reasons: [{ kind: 'ABTC' }] });
    expect(bySurname.get('HARTLEY')?.outcome).toBe('CLEAR');
    expect(bySurname.get('KARVONEN')?.outcome).toBe('NO_BOARD');
  });

  it('assembles the parts of a multi-part message across files', async () => {
    const { part1, part2 } = twoPartSet();
    const { out, err } = await screen(part2, part1, ...LIST_ARGS, '--json');
    const lines = jsonLines(out);
    expect(lines.map((l) => [l.subject.surname, l.decision.outcome])).toEqual([
      ['SMITH', 'NO_BOARD'],
      ['JONES', 'CLEAR'],
    ]);
    expect(new Set(lines.map((l) => l.file))).toEqual(new Set([`${part2},${part1}`]));
    expect(err).not.toMatch(/incomplete/);
  });

  it('screens an incomplete multi-part set with a warning, as the parser does after its wait', async () => {
    const { part1 } = twoPartSet();
    const { out, err } = await screen(part1, ...LIST_ARGS, '--json');
    expect(jsonLines(out)).toHaveLength(1);
    expect(err).toMatch(
      /warning: .*part1\.edi: ZZ0200:2026-12-01:-:PASSENGERS: multi-part message is incomplete/,
    );
  });

  it('a folder stands for the manifests in it', async () => {
    const { dir } = twoPartSet();
    const { out } = await screen(dir, ...LIST_ARGS, '--json');
    expect(jsonLines(out).map((l) => l.subject.surname)).toEqual(['SMITH', 'JONES']);
  });

  it('reports a manifest it cannot read, screens the others and exits 2', async () => {
    const { out, err, exitCode } = await screen(
      join(FIXTURES, 'not-ok/not-edifact.xml'),
      join(tmp, 'missing.edi'),
      HITS,
      ...LIST_ARGS,
      '--json',
    );
    expect(jsonLines(out)).toHaveLength(7);
    expect(err).toMatch(/not-edifact\.xml: NOT_EDIFACT: /);
    expect(err).toMatch(
      /missing\.edi: UNREADABLE_FILE: cannot read .*missing\.edi: no such file or directory/,
    );
    expect(exitCode).toBe(EXIT.UNREADABLE);
  });

  it.each([
    [
      'a missing list',
      ['--list', join(LISTS, 'missing.xml')],
      'UNREADABLE_FILE',
      /missing\.xml: no such file/,
    ],
    ['an unknown list format', ['--list', join(LISTS, 'SOURCES.md')], 'UNKNOWN_FORMAT', /SOURCES\.md/],
    [
      'a watchlist given as lost/stolen documents',
      ['--lost-stolen', join(SAMPLES, 'national-watchlist.csv')],
      'WRONG_LIST_KIND',
      /holds watchlist entries \(GENERIC_CSV\), not lost\/stolen documents/,
    ],
    [
      'a list given as rules',
      ['--rules', join(SAMPLES, 'enrolments.csv')],
      'NOT_A_RULE_SET',
      /enrolments\.csv is not a rule file/,
    ],
    [
      'a rule file with a bad rule',
      [
        '--rules',
        file(
          'bad.yaml',
          'formatVersion: 1\nid: bad\nrules:\n  - id: r1\n    title: T\n    action: NOPE\n    when: { fact: role, eq: PASSENGER }\n    explanation: x\n',
        ),
      ],
      'RULES_INVALID_VALUE',
      /bad\.yaml: rules\[0\]\.action/,
    ],
    [
      'a policy file of the wrong shape',
      ['--list', UN_MINI, '--policies', file('p.json', '[{"listId":"UN","alert":2}]')],
      'INVALID_POLICIES',
      /0 ≤ alert ≤ refer/,
    ],
  ])('%s stops the run with a typed error (exit 2)', async (_label, args, code, message) => {
    const err = await screen(HITS, ...args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({ code, exitCode: EXIT.UNREADABLE });
    expect((err as Error).message).toMatch(message);
  });

  it.each([
    ['no list', [HITS], /give lists to screen against/],
    ['no manifest', ['--list', UN_MINI], /give manifest files/],
    ['two lists with one id', [HITS, '--list', `X=${UN_MINI}`, '--list', `X=${UN_MINI}`], /are both list X/],
    ['a bad home economy', [HITS, '--list', UN_MINI, '--home-economy', 'usa'], /ISO alpha-3/],
    ['an unknown home economy', [HITS, '--list', UN_MINI, '--home-economy', 'ZZZ'], /ISO alpha-3/],
    ['a bad --now', [HITS, '--list', UN_MINI, '--now', 'yesterday'], /ISO date/],
  ])('%s is a usage error (exit 64)', async (_label, args, message) => {
    const err = await screen(...args).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: EXIT.USAGE });
    expect((err as Error).message).toMatch(message);
  });
});
