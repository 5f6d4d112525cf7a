import {
  Audit,
  ContractViolation,
  DeadLetter,
  decodeEvent,
  DecisionMade,
  ListVersion,
  ManifestParsed,
  Topic,
  TravellerParsed,
} from '@paxscreen/contracts';

import type {
  AuditRow,
  DeadLetterRow,
  DecisionRow,
  FindingRow,
  ListVersionRow,
  ManifestRow,
  TravellerRow,
} from '../schema';
import {
  auditRow,
  deadLetterRow,
  decisionRow,
  listVersionRow,
  manifestRows,
  travellerRow,
  unreadableDeadLetterRow,
} from './rows';

/** What records reads from a topic: the shape of a consumed Kafka record it needs. */
export interface SourceRecord {
  topic: Topic;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  timestamp: number;
}

/** Rows for every table, built from one batch of records. */
export interface RecordRows {
  travellers: TravellerRow[];
  decisions: DecisionRow[];
  manifests: ManifestRow[];
  findings: FindingRow[];
  deadLetters: DeadLetterRow[];
  audit: AuditRow[];
  listVersions: ListVersionRow[];
}

export const emptyRows = (): RecordRows => ({
  travellers: [],
  decisions: [],
  manifests: [],
  findings: [],
  deadLetters: [],
  audit: [],
  listVersions: [],
});

/** The topics records keeps, and how one of their events becomes rows. */
const MAPPERS: Partial<Record<Topic, (bytes: Buffer, rows: RecordRows) => void>> = {
  [Topic.Travellers]: (b, rows) => rows.travellers.push(...TravellerParsed.decodeChunk(b).map(travellerRow)),
  [Topic.Decisions]: (b, rows) => rows.decisions.push(decisionRow(decodeEvent(DecisionMade.Value, b))),
  [Topic.Manifests]: (b, rows) => {
    const { manifest, findings } = manifestRows(decodeEvent(ManifestParsed.Value, b));
    rows.manifests.push(manifest);
    rows.findings.push(...findings);
  },
  [Topic.DeadLetter]: (b, rows) => rows.deadLetters.push(deadLetterRow(decodeEvent(DeadLetter.Value, b))),
  [Topic.Audit]: (b, rows) => rows.audit.push(auditRow(decodeEvent(Audit.Value, b))),
  [Topic.ListVersions]: (b, rows) =>
    rows.listVersions.push(listVersionRow(decodeEvent(ListVersion.Value, b))),
};

export const RECORDED_TOPICS = Object.keys(MAPPERS) as Topic[];

/**
 * Adds the rows of one record's event to `rows`: the records consumer's decoder (`decodeBatch` in
 * apps/records, which hands it the bytes fit for PostgreSQL). An event that breaks its contract
 * throws ContractViolation (the consumer dead-letters it); one read from the dead-letter topic
 * itself is kept as an unreadable dead letter instead, so that nothing loops. A tombstone on the
 * compacted list-versions topic carries nothing to keep and is skipped.
 */
export function addRows(rows: RecordRows, record: SourceRecord, bytes: Buffer): void {
  const map = MAPPERS[record.topic];
  if (!map) throw new ContractViolation(record.topic, ['records does not keep this topic']);
  if (bytes.length === 0 && record.topic === Topic.ListVersions) return;
  try {
    map(bytes, rows);
  } catch (err) {
    if (record.topic !== Topic.DeadLetter) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    rows.deadLetters.push(unreadableDeadLetterRow(record, bytes, reason, record.timestamp));
  }
}
