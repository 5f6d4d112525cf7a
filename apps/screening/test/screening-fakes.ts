import { envelope, Topic, Traveller, TravellerParsed } from '@paxscreen/contracts';
import type { ConsumedRecord } from '@paxscreen/kafka';
import type { Logger } from '@paxscreen/observability';
import type {
  DecisionStore,
  HotPathEntry,
  TravellerSnapshot,
  TravellerSnapshotStore,
} from '@paxscreen/redis';
import { DEFAULT_SCREENING_CONFIG, Screener, ScreeningState } from '@paxscreen/screening';

import type { ScreeningStateService } from '../src/state/screening-state.service';

/**
 * In-memory stand-ins for the ports the screening use cases take (the Redis stores, the index
 * service that reads Kafka), for unit specs; the screening itself is the real one.
 */
export class MemoryDecisions implements Pick<DecisionStore, 'byTravellers' | 'putMany'> {
  readonly byId = new Map<string, HotPathEntry>();
  async byTravellers(ids: string[]): Promise<(HotPathEntry | undefined)[]> {
    return ids.map((id) => this.byId.get(id));
  }
  async putMany(entries: HotPathEntry[]): Promise<void> {
    for (const e of entries) this.byId.set(e.decision.travellerId, e);
  }
}

export class MemorySnapshots implements Pick<TravellerSnapshotStore, 'putMany' | 'arrivingBetween'> {
  readonly byId = new Map<string, TravellerSnapshot>();
  async putMany(snapshots: TravellerSnapshot[]): Promise<void> {
    for (const s of snapshots) this.byId.set(s.traveller.travellerId, s);
  }
  async arrivingBetween(from: number, to: number): Promise<TravellerSnapshot[]> {
    return [...this.byId.values()].filter((s) => s.arrivesAt >= from && s.arrivesAt <= to);
  }
}

/** The index service without its Kafka reader: a real state and screener, list changes by hand. */
export function memoryIndex(state = new ScreeningState(), config = DEFAULT_SCREENING_CONFIG) {
  const listeners: (() => void)[] = [];
  const index = {
    state,
    screener: new Screener(state, config),
    onChange: (l: () => void) => listeners.push(l),
    candidatesFor: async () => [],
  };
  return { index: index as unknown as ScreeningStateService, changed: () => listeners.forEach((l) => l()) };
}

export function memoryLogger() {
  const lines: { level: string; fields: unknown; msg: string }[] = [];
  const at = (level: string) => (fields: unknown, msg: string) => void lines.push({ level, fields, msg });
  const logger = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  return { logger: logger as unknown as Logger, lines };
}

export function traveller(id: string, over: Partial<Traveller> = {}): Traveller {
  return {
    travellerId: id,
    role: 'PASSENGER',
    surname: 'HOLLOWAY',
    givenNames: 'CLARA',
    dateOfBirth: '1980-04-02',
    gender: 'F',
    nationality: 'GBR',
    documents: [{ type: 'P', number: `C${id.toUpperCase()}`, issuer: 'GBR', expiry: '2031-01-01' }],
    flight: {
      carrier: 'YY',
      number: '101',
      departure: { port: 'LHR', at: '2030-01-02T10:00' },
      arrival: { port: 'JFK', at: '2030-01-02T13:00' },
    },
    itinerary: [],
    findings: [],
    ...over,
  };
}

/** A traveller event as the parser writes it, as a consumed record of the travellers topic. */
export function travellerRecord(
  t: Traveller,
  meta: {
    eventId: string;
    manifestId?: string;
    receiptId?: string;
    partition?: number;
    traceparent?: string;
  },
): ConsumedRecord {
  return chunkRecord([{ traveller: t, eventId: meta.eventId }], meta);
}

/** One chunk record of several travellers of one manifest, as the parser writes it. */
export function chunkRecord(
  travellers: { traveller: Traveller; eventId: string }[],
  meta: { manifestId?: string; receiptId?: string; partition?: number; traceparent?: string },
): ConsumedRecord {
  const common = envelope(meta.receiptId ?? 'rcpt-1', meta.traceparent);
  const events: TravellerParsed.Value[] = travellers.map(({ traveller: t, eventId }, index) => ({
    ...common,
    eventId,
    manifestId: meta.manifestId ?? 'YY101:2030-01-02',
    manifestVersion: 1,
    messageType: 'PAXLST',
    carrier: 'YY',
    index,
    total: travellers.length,
    traveller: t,
  }));
  const [{ bytes }] = TravellerParsed.packChunks(events, () => `chunk-${events[0].eventId}`, {
    maxTravellers: events.length,
    maxBytes: Infinity,
  });
  return {
    topic: Topic.Travellers,
    partition: meta.partition ?? 0,
    offset: '0',
    key: TravellerParsed.flightKeyOf(travellers[0].traveller.flight),
    value: bytes,
    headers: {},
    timestamp: Date.now(),
  };
}
