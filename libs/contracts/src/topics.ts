/**
 * Every Kafka topic paxscreen uses. No topic string appears anywhere else in the code base.
 *
 * WARNING: renaming a topic, or changing a compacted topic's key format, needs a migration plan
 * (consumers keep offsets per topic; compacted topics are the source of truth for list state).
 * Breaking changes to a payload get a new topic with the next version suffix.
 */
export enum Topic {
  /** Raw carrier bytes, value = the bytes as received; metadata in headers. Key: carrier + flight. */
  MessagesRaw = 'paxscreen.messages.raw.v1',
  /**
   * The travellers read from a manifest, one record per chunk of up to `TravellerParsed.CHUNK_TRAVELLERS`
   * consecutive travellers of one manifest version (`TravellerParsed.Chunk`; v1 had one record per
   * traveller). Key: flight key. Readers unpack a record with `TravellerParsed.decodeChunk`.
   */
  Travellers = 'paxscreen.travellers.v2',
  /** One summary per manifest version (counts, data-quality report). Key: manifest id. */
  Manifests = 'paxscreen.manifests.v1',
  /** One decision per traveller screening (re-vets supersede). Key: flight key. */
  Decisions = 'paxscreen.decisions.v1',
  /** What could not be read or processed: original bytes + stage + typed reason. */
  DeadLetter = 'paxscreen.dlq.v1',
  /** Watchlist entries, compacted. Key: `listId:entryId`; tombstone (null value) = removed. */
  Watchlist = 'paxscreen.watchlist.v1',
  /** Lost / stolen travel documents, compacted. Key: `listId:entryId`. */
  Documents = 'paxscreen.documents.v1',
  /** Trusted-traveller and APEC Business Travel Card enrolments, compacted. Key: `listId:entryId`. */
  Enrolments = 'paxscreen.enrolments.v1',
  /** Screening rules, compacted. Key: `listId:entryId` (rule set : rule id). */
  Rules = 'paxscreen.rules.v1',
  /** List catalogue: one record per list version (counts, diff summary), compacted by list id. */
  ListVersions = 'paxscreen.list-versions.v1',
  /** Interactive API requests to screening (request/reply). Key: request id. */
  IapiRequests = 'paxscreen.iapi.requests.v1',
  /** Interactive API replies. Key: request id. */
  IapiReplies = 'paxscreen.iapi.replies.v1',
  /** Who looked at what: port-of-entry look-ups, unmasking, admin actions. */
  Audit = 'paxscreen.audit.v1',
  /**
   * Remembered analyst verdicts (casework), compacted. Key: `<identityKey>:<listId>:<entryId>`
   * (`Disposition.dispositionKey`); tombstone (null value) = the disposition was withdrawn.
   */
  Dispositions = 'paxscreen.dispositions.v1',
  /** Staff alerts raised by casework (hit near arrival, re-vet raised, lookout encounter). Key: hit id. */
  Alerts = 'paxscreen.alerts.v1',
  /**
   * Carrier timeliness: a MISSING or LATE API/PNR submission for an expected flight, opened and
   * closed (apps/carriers). Key: flight key (`<carrier><number>:<departure date>`).
   */
  CarrierEvents = 'paxscreen.carrier-events.v1',
}

export interface TopicSpec {
  readonly topic: Topic;
  readonly partitions: number;
  readonly compacted: boolean;
  /** Retention in milliseconds for non-compacted topics; -1 keeps forever. Overridable per deployment. */
  readonly retentionMs: number;
  /**
   * The shortest retention a deployment may set for it (KAFKA_RETENTION_HOURS): the hours of the
   * setting named (read by libs/kafka from the environment), and why some reader needs that much of
   * the topic. Absent: any retention.
   */
  readonly minRetention?: { readonly setting: 'REVET_WINDOW_HOURS'; readonly why: string };
  /**
   * Largest record batch the topic accepts, bytes (topic config `max.message.bytes`, set at
   * creation). Producers check every record against it before sending; consumers fetch at least
   * this much per partition.
   */
  readonly maxMessageBytes: number;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/**
 * How far ahead of arrival a list change re-vets a traveller, hours (the REVET_WINDOW_HOURS
 * default, read by screening and by libs/kafka): PNR pushes start at T-72 h. When Redis loses the
 * re-vetting index, screening rebuilds it from the travellers topic over the configured window, so
 * the topic is kept 72 h by default and never less than the window (`minRetention`, checked against
 * KAFKA_RETENTION_HOURS by libs/kafka).
 */
export const DEFAULT_REVET_WINDOW_HOURS = 72;
const MIB = 1024 * 1024;
/** Every topic but those below: one traveller, one list entry, one dead-letter part, one audit line. */
export const DEFAULT_MESSAGE_BYTES = 1 * MIB;
/**
 * Topics whose one record may hold a whole manifest or a whole answer: a carrier message up to the
 * gateway's 10 MiB body limit, a manifest summary with the findings of 10,000 travellers, an iAPI
 * request or reply of 500 travellers (and decisions, which may carry long explanations).
 */
export const LARGE_MESSAGE_BYTES = 12 * MIB;
const LARGE_MESSAGE_TOPICS: ReadonlySet<Topic> = new Set([
  Topic.MessagesRaw,
  Topic.Manifests,
  Topic.Decisions,
  Topic.IapiRequests,
  Topic.IapiReplies,
]);

/**
 * Default topic layout; `libs/kafka` creates topics from this, scaled by env (partitions, retention).
 * Raw messages and traveller events hold API and PNR personal data: raw messages are kept two days
 * (enough to replay after an outage), traveller events the 72 h re-vetting window (the index of
 * arrivals to re-vet is rebuilt from them; a deployment with a shorter REVET_WINDOW_HOURS may keep
 * them as short), in line with the API Directive's "delete within 24 h of
 * entry unless needed" and well inside the PNR Directive's six months before masking (README, Data
 * protection).
 */
export const TOPIC_SPECS: readonly TopicSpec[] = (
  [
    { topic: Topic.MessagesRaw, partitions: 4, compacted: false, retentionMs: 2 * DAY_MS },
    {
      topic: Topic.Travellers,
      partitions: 4,
      compacted: false,
      retentionMs: DEFAULT_REVET_WINDOW_HOURS * HOUR_MS,
      minRetention: {
        setting: 'REVET_WINDOW_HOURS',
        why: 'screening rebuilds its re-vetting index from it over that window',
      },
    },
    { topic: Topic.Manifests, partitions: 4, compacted: false, retentionMs: 30 * DAY_MS },
    { topic: Topic.Decisions, partitions: 4, compacted: false, retentionMs: 30 * DAY_MS },
    { topic: Topic.DeadLetter, partitions: 1, compacted: false, retentionMs: 30 * DAY_MS },
    { topic: Topic.Watchlist, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.Documents, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.Enrolments, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.Rules, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.ListVersions, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.IapiRequests, partitions: 4, compacted: false, retentionMs: 1 * DAY_MS },
    { topic: Topic.IapiReplies, partitions: 4, compacted: false, retentionMs: 1 * DAY_MS },
    { topic: Topic.Audit, partitions: 1, compacted: false, retentionMs: 365 * DAY_MS },
    { topic: Topic.Dispositions, partitions: 1, compacted: true, retentionMs: -1 },
    { topic: Topic.Alerts, partitions: 1, compacted: false, retentionMs: 30 * DAY_MS },
    { topic: Topic.CarrierEvents, partitions: 1, compacted: false, retentionMs: 365 * DAY_MS },
  ] as const
).map((spec) => ({
  ...spec,
  maxMessageBytes: LARGE_MESSAGE_TOPICS.has(spec.topic) ? LARGE_MESSAGE_BYTES : DEFAULT_MESSAGE_BYTES,
}));

/** The largest record batch `topic` accepts, bytes (its `max.message.bytes`). */
export function maxMessageBytes(topic: Topic): number {
  return TOPIC_SPECS.find((s) => s.topic === topic)?.maxMessageBytes ?? DEFAULT_MESSAGE_BYTES;
}

/** Kafka header names carried on every record paxscreen writes. */
export enum Header {
  ReceiptId = 'paxscreen-receipt-id',
  Carrier = 'paxscreen-carrier',
  ContentType = 'paxscreen-content-type',
  ReceivedAt = 'paxscreen-received-at',
  RequestId = 'x-request-id',
  /** W3C trace context. */
  TraceParent = 'traceparent',
  SchemaVersion = 'paxscreen-schema-version',
  /** Test and multi-tenant runs: every key and topic of one run shares this prefix. */
  Source = 'paxscreen-source',
}

/** Consumer group ids. Changing one resets that service's offsets: needs a migration plan. */
export enum ConsumerGroup {
  Parser = 'paxscreen-parser',
  Screening = 'paxscreen-screening',
  ScreeningIapi = 'paxscreen-screening-iapi',
  Dashboard = 'paxscreen-dashboard',
  /** The system of record (PostgreSQL): reads every decision, traveller, manifest, audit record. */
  Records = 'paxscreen-records',
  /** Casework: opens and updates hits from every REFER / NO_BOARD decision. */
  Casework = 'paxscreen-casework',
  /** The workbench's alert delivery: files and sends each alert's webhooks and e-mails once. */
  Workbench = 'paxscreen-workbench',
  /** Expected flights, timeliness and data-quality scorecards (apps/carriers). */
  Carriers = 'paxscreen-carriers',
}

/**
 * The physical name of a topic. A deployment (or a test run) may set a prefix so that several
 * runs share one cluster without colliding; the logical names above never change.
 */
export function topicName(topic: Topic, prefix = ''): string {
  return `${prefix}${topic}`;
}
