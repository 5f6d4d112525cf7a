/**
 * `npm run eval:dispositions [-- --travellers N]`: false-positive memory (issue 16) measured on a
 * replayed day, through the same code the services run: libs/screening's Screener (as screening,
 * iAPI and re-vets use it), libs/casework's hit from the decision, its disposition, the
 * dispositions-topic event it publishes, and screening's DispositionMemory applying it.
 *
 * The day: the UN consolidated list; N travellers, one in ten a namesake of a listed individual
 * (the listed name and birth date, their own passport: a false hit by construction), the rest
 * ordinary names. Each traveller arrives four times (PNR pushes at T-72 h, T-24 h and T-2 h, then
 * API at check-in). After the first push the analysts decide every referral FALSE_POSITIVE; the
 * later arrivals are counted for referrals of a hit already decided. Two controls show the memory
 * is not a blanket waiver: a new version of a listed entry and a changed birth date revive the hit.
 * Writes eval/results/false-positive-memory.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { applyDecision, decide, dispositionEventOf, type HitRecord, reasonKeyOf } from '@paxscreen/casework';
import { type DecisionMade, envelope, type Traveller, type WatchlistEntry } from '@paxscreen/contracts';
import { readListFile } from '@paxscreen/lists';
import { applyListResult, Screener, ScreeningState } from '@paxscreen/screening';

const ROOT = join(__dirname, '..');
const RESULTS = join(__dirname, 'results');
const ARRIVALS = ['PNR T-72h', 'PNR T-24h', 'PNR T-2h', 'API'] as const;
const POLICY = { alertWindowHours: 6 };
const GIVEN = ['JAMES', 'MARIA', 'WEI', 'FATIMA', 'OLGA', 'JOHN', 'AIKO', 'CARLOS', 'PRIYA', 'LUCAS'];
const FAMILY = [
  'SMITH',
  'GARCIA',
  'CHEN',
  'HASSAN',
  'IVANOVA',
  'BROWN',
  'TANAKA',
  'SILVA',
  'PATEL',
  'MULLER',
];

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** A deterministic pseudo-random sequence (the same day every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function traveller(i: number, surname: string, givenNames: string, dateOfBirth: string): Traveller {
  return {
    travellerId: `T${i}`,
    role: 'PASSENGER',
    surname,
    givenNames,
    dateOfBirth,
    gender: 'U',
    nationality: 'XXA',
    documents: [{ type: 'P', number: `EV${String(i).padStart(7, '0')}`, issuer: 'XXA' }],
    flight: {
      carrier: 'EV',
      number: String(100 + (i % 40)),
      departure: { port: 'SIN', at: '2026-12-07T08:00' },
      arrival: { port: 'SYD', at: '2026-12-07T18:00' },
    },
    itinerary: [],
    findings: [],
  };
}

/** The listed individuals with a full name and an exact birth date: the namesakes' templates. */
function namesakeTemplates(
  entries: WatchlistEntry[],
): { surname: string; givenNames: string; dateOfBirth: string }[] {
  return entries
    .filter((e) => e.kind === 'PERSON')
    .flatMap((e) => {
      const name = e.names.find((n) => n.type === 'primary' && n.surname && n.givenNames);
      const dob = e.datesOfBirth.find((d) => d.date && /^\d{4}-\d{2}-\d{2}$/.test(d.date))?.date;
      return name && dob ? [{ surname: name.surname!, givenNames: name.givenNames!, dateOfBirth: dob }] : [];
    });
}

function decisionEvent(t: Traveller, d: ReturnType<Screener['screen']>): DecisionMade.Value {
  return {
    ...envelope('eval'),
    manifestId: `${t.flight.carrier}${t.flight.number}`,
    flight: t.flight,
    subject: {
      surname: t.surname,
      givenNames: t.givenNames,
      dateOfBirth: t.dateOfBirth,
      nationality: t.nationality,
      documents: t.documents,
    },
    decision: d,
  };
}

const refers = (o: string) => o === 'REFER' || o === 'NO_BOARD';

async function main(): Promise<void> {
  const count = arg('travellers', 2000);
  const list = await readListFile(join(ROOT, 'data/lists/UN_consolidated.xml'));
  if (list.kind !== 'watchlist') throw new Error('UN_consolidated.xml is not a watchlist');
  const state = new ScreeningState();
  applyListResult(state, list, 'v1');
  const screener = new Screener(state);
  // The same lists without any disposition: what each arrival refers without the memory.
  const baselineState = new ScreeningState();
  applyListResult(baselineState, list, 'v1');
  const baseline = new Screener(baselineState);
  const next = random(16);
  const templates = namesakeTemplates(list.entries);
  const day = Array.from({ length: count }, (_, i) => {
    if (i % 10 === 0) {
      const t = templates[Math.floor(next() * templates.length)];
      return traveller(i, t.surname, t.givenNames, t.dateOfBirth);
    }
    const dob = `19${50 + Math.floor(next() * 50)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    return traveller(i, FAMILY[Math.floor(next() * 10)], GIVEN[Math.floor(next() * 10)], dob);
  });

  const hits = new Map<string, HitRecord>();
  const decided = new Set<string>();
  const rows: {
    arrival: string;
    referralsWithoutMemory: number;
    referrals: number;
    repeatedDecidedFalseHits: number;
    suppressed: number;
  }[] = [];
  let dispositions = 0;
  for (const [n, arrival] of ARRIVALS.entries()) {
    let referrals = 0;
    let repeated = 0;
    let suppressed = 0;
    let without = 0;
    for (const t of day) {
      if (refers(baseline.screen(t, { now: new Date('2026-12-07T06:00:00Z') }).outcome)) without++;
      const d = screener.screen(t, { now: new Date('2026-12-07T06:00:00Z') });
      suppressed += d.reasons.filter((r) => r.explanation.startsWith('suppressed by disposition')).length;
      if (!refers(d.outcome)) continue;
      referrals++;
      const event = decisionEvent(t, d);
      const effect = applyDecision(hits.get(t.travellerId), event, new Date(), POLICY);
      if (!effect.hit) continue;
      hits.set(t.travellerId, effect.hit);
      const keys = d.reasons
        .filter((r) => refers(r.action))
        .map((r) => `${t.travellerId}|${reasonKeyOf(r)}|${r.source.listVersion}`);
      if (keys.some((k) => decided.has(k))) repeated++;
    }
    rows.push({
      arrival,
      referralsWithoutMemory: without,
      referrals,
      repeatedDecidedFalseHits: repeated,
      suppressed,
    });
    if (n === 0) {
      // The analysts work the queue after the first push: every referral is a namesake.
      for (const [travellerId, hit] of hits) {
        const effect = decide(
          hit,
          {
            version: hit.version,
            reasons: hit.reasons.map((r) => ({ reasonKey: r.reasonKey, verdict: 'FALSE_POSITIVE' })),
            outcome: 'CLEARED',
            note: 'namesake',
          },
          { subject: 'analyst-eval', roles: ['analyst'] },
          new Date(),
          `disp-${travellerId}`,
        );
        hits.set(travellerId, effect.hit);
        for (const r of effect.falsePositives) {
          const { key, value } = dispositionEventOf(
            effect.hit,
            r,
            effect.disposition.dispositionId,
            'analyst-eval',
            new Date(),
          );
          state.applyDisposition(key, value);
          decided.add(`${travellerId}|${r.reasonKey}|${r.entryVersion}`);
          dispositions++;
        }
      }
    }
  }

  // Controls: a changed birth date, and a new version of the listed entry, revive the hit.
  const decidedTravellers = day.filter((t) => hits.get(t.travellerId)?.status === 'DECIDED');
  const sample = decidedTravellers.slice(0, 20);
  const revivedByBirthDate = sample.filter((t) => {
    const other = { ...t, dateOfBirth: t.dateOfBirth!.replace(/\d$/, (c) => String((Number(c) + 1) % 10)) };
    const d = screener.screen(other);
    return d.reasons.some((r) => refers(r.action));
  }).length;
  const reversioned = new Set<string>();
  for (const t of sample) for (const r of hits.get(t.travellerId)!.reasons) reversioned.add(r.entryId);
  for (const e of list.entries)
    if (reversioned.has(e.entryId)) state.applyWatchlist(e.listId, e.entryId, e, 'v2');
  const revivedByEntryVersion = sample.filter((t) => refers(screener.screen(t).outcome)).length;

  const report = {
    travellers: count,
    namesakes: Math.ceil(count / 10),
    dispositions,
    arrivals: rows,
    controls: { sampled: sample.length, revivedByBirthDate, revivedByEntryVersion },
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, 'false-positive-memory.json'), `${JSON.stringify(report, null, 2)}\n`);
  const lines = [
    `false-positive memory: ${count} travellers (${report.namesakes} namesakes of UN-listed individuals), 4 arrivals each; ${dispositions} FALSE_POSITIVE dispositions after the first push`,
    '| arrival | referrals without the memory | referrals with it | of them a hit already decided FALSE_POSITIVE | matches recorded CLEAR "suppressed by disposition" |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.arrival} | ${r.referralsWithoutMemory} | ${r.referrals} | ${r.repeatedDecidedFalseHits} | ${r.suppressed} |`,
    ),
    `controls (${sample.length} decided travellers): revived by another birth date ${revivedByBirthDate}, by a new entry version ${revivedByEntryVersion}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
