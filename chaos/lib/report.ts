import type { FaultRecord } from './faults';
import type { RecordsVerdict } from './records';
import type { Verdict } from './verify';

export interface ChaosResult extends Verdict {
  faultsInjected: number;
  faults: FaultRecord[];
  poeDuringRedisOutage: {
    lookups: number;
    answered: number;
    failed: number;
    outcomes: Record<string, number>;
  };
  unexpectedExits: Record<string, string[]>;
  /** Issue 15: decisions filed in the records database (or why that case was not run). */
  records: RecordsVerdict;
  settled: { settled: boolean; ms: number; why: string };
  seconds: { total: number; settleAfterTraffic: number };
  carrier: { attempts: number; failures: Record<string, number> };
  /** Each poison message: its receipt's status and whether its dead letter gives its bytes back. */
  poison: { status: string; rejection?: string; deadLetterRecords: number; bytesBack: boolean }[];
}

/** The table the README's reliability section quotes. */
export function printTable(r: ChaosResult, ok: boolean): void {
  const rows: [string, string | number][] = [
    ['faults injected', `${r.faultsInjected} (${r.faults.map((f) => f.fault).join('; ') || 'none'})`],
    ['travellers sent', r.travellersSent],
    [
      'travellers accepted (202)',
      `${r.travellersAccepted} in ${r.manifestsAccepted}/${r.manifestsSent} manifests`,
    ],
    ['receipts: travellers counted', r.receiptTravellerCount],
    ['decisions found', r.decisionsFound],
    ['travellers decided', r.travellersDecided],
    [
      'lost',
      `${r.lost} (not in Kafka ${r.lostAt.notInKafka}, not parsed ${r.lostAt.notParsed}, not screened ${r.lostAt.notScreened})`,
    ],
    [
      'duplicated',
      `${r.duplicated} (same id ${r.duplicateRecordsSameId}, second decision ${r.travellersWithSeveralDecisionIds})`,
    ],
    ['stuck receipts', `${r.stuckReceipts} (not found ${r.receiptsNotFound})`],
    ['receipt count mismatches', r.receiptCountMismatches],
    ['manifests with 2+ receipt ids', r.manifestsWithSeveralReceipts],
    ['true hits decided as expected', `${r.trueHits.found}/${r.trueHits.planted}`],
    [
      'port-of-entry look-ups in Redis outage',
      `${r.poeDuringRedisOutage.answered} answered / ${r.poeDuringRedisOutage.failed} failed`,
    ],
    [
      'poison message (second carrier)',
      r.poison
        .map(
          (p) =>
            `${p.status} ${p.rejection ?? ''}, dead letter in ${p.deadLetterRecords} records, ` +
            `bytes ${p.bytesBack ? 'given back exactly' : 'NOT given back'}`,
        )
        .join('; ') || 'not sent',
    ],
    [
      'records (PostgreSQL) decisions',
      r.records.ran
        ? `${r.records.decisionsFiled}/${r.records.decisionsOnTopic} filed, ${r.records.missing} missing, ${r.records.duplicated} duplicated`
        : (r.records.why ?? 'not run'),
    ],
    ['dead letters', JSON.stringify(r.deadLetters)],
    ['receipts resent by the gateway', r.receiptsResent],
    ['traveller events duplicated/missing', `${r.travellerEventsDuplicated}/${r.travellerEventsMissing}`],
    ['carrier attempts / failures', `${r.carrier.attempts} / ${JSON.stringify(r.carrier.failures)}`],
    ['unexpected app exits', JSON.stringify(r.unexpectedExits)],
    ['settled', `${r.settled.settled} (${r.settled.why})`],
    ['time', `${r.seconds.total} s total, ${r.seconds.settleAfterTraffic} s after the last fault`],
    ['verdict', ok ? 'PASS' : 'FAIL'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = '-'.repeat(width + 2);
  process.stdout.write(`\n${line}\n`);
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write(`${line}\n`);
  for (const s of r.lostSample) process.stdout.write(`  lost: ${s}\n`);
  for (const s of r.stuckSample) process.stdout.write(`  stuck: ${s}\n`);
  for (const s of r.duplicatedSample) process.stdout.write(`  duplicated: ${s}\n`);
  for (const s of r.trueHits.missed) process.stdout.write(`  hit missed: ${s}\n`);
}
