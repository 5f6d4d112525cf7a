import type { Gender } from '@paxscreen/contracts';
import { PaxlstTraveller, readMessage, writePaxlst } from '@paxscreen/edifact';
import { seededRandom } from '../../eval/lib';
import { sleep } from './infra';

export const CARRIER = 'ZZ';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const SURNAMES = [
  'ABERNATHY',
  'BALDOVINO',
  'CASTELLANOS',
  'DRUMMOND',
  'EKWUEME',
  'FAIRWEATHER',
  'GALLAGHER',
  'HOLLOWAY',
  'IVANSSON',
  'JANKOWSKI',
  'KOWALCZYK',
  'LINDQVIST',
  'MARCHETTI',
  'NAKAGAWA',
  'OYELARAN',
  'PETTERSEN',
  'QUINTERO',
  'RADCLIFFE',
  'SANTAMARIA',
  'THORNBURY',
  'UMBERTI',
  'VANDERMEER',
  'WESTBROOK',
  'YAMAMURA',
  'ZIELINSKI',
];
const GIVEN = [
  'ALICE',
  'BRUNO',
  'CLARA',
  'DAVID',
  'ELENA',
  'FELIX',
  'GRETA',
  'HUGO',
  'IRIS',
  'JONAS',
  'KARIN',
  'LUCAS',
  'MARTA',
  'NIKO',
  'OLGA',
  'PAUL',
  'ROSA',
  'SVEN',
  'TANIA',
  'VIKTOR',
];
const NATIONALITIES = ['GBR', 'DEU', 'FRA', 'ITA', 'ESP', 'NLD', 'SWE', 'POL', 'CAN', 'AUS', 'BRA', 'IND'];

/** The true hits: a travel-ban list entry and a stolen passport, planted in some manifests. */
export const WATCHLISTED = {
  surname: 'KARVONEN',
  givenNames: 'ALEKSI JUHANI',
  dateOfBirth: '1971-03-14',
  nationality: 'FIN',
};
export const STOLEN_ISSUER = 'AUS';
export const stolenDocument = (i: number) => `XA${String(i).padStart(7, '0')}`;

export const NATIONAL_LIST = `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs
NWL-1,PERSON,${WATCHLISTED.surname},${WATCHLISTED.givenNames},${WATCHLISTED.dateOfBirth},${WATCHLISTED.nationality},M,TRAVEL_BAN
NWL-2,PERSON,OTHERSON,Someone,1950-01-01,NOR,M,TRAVEL_BAN
`;

export function lostStolenList(count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `LSD-${i},${stolenDocument(i)},${STOLEN_ISSUER},P,STOLEN,2024-01-15`,
  );
  return `id,document_number,issuer,document_type,status,reported_on\n${rows.join('\n')}\n`;
}

export type Expected = 'HIT_WATCHLIST' | 'HIT_STOLEN';

export interface Manifest {
  index: number;
  idempotencyKey: string;
  bytes: Buffer;
  /** Traveller ids as the parser will derive them (same library), in message order. */
  travellerIds: string[];
  /** Traveller ids planted as true hits and what they must produce. */
  hits: Map<string, Expected>;
  /** Document numbers (issuer, number) of a few ordinary travellers, for port-of-entry look-ups. */
  documents: { issuer: string; number: string }[];
  // What the carrier saw:
  receiptIds: Set<string>;
  accepted: boolean;
  attempts: number;
  failures: Record<string, number>;
  acceptedAt?: number;
}

/** A flight per manifest (distinct manifest ids), travellers with unique carrier references. */
export function generateManifests(
  runId: string,
  count: number,
  perManifest: number,
  hitEvery: number,
  seed: number,
  /** Flight numbers from here, document numbers with this prefix (a second set of manifests). */
  flightBase = 1000,
  documentPrefix = 'C',
): Manifest[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const out: Manifest[] = [];
  let stolen = 0;
  for (let i = 0; i < count; i++) {
    const travellers: PaxlstTraveller[] = [];
    const hitKinds: (Expected | undefined)[] = [];
    for (let j = 0; j < perManifest; j++) {
      const nationality = pick(NATIONALITIES);
      let t: PaxlstTraveller = {
        role: 'PASSENGER',
        surname: pick(SURNAMES),
        givenNames: `${pick(GIVEN)} ${pick(GIVEN)}`,
        dateOfBirth: `${1940 + Math.floor(random() * 65)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        gender: (random() < 0.5 ? 'M' : 'F') as Gender,
        nationality,
        ref: `${runId}R${i}X${j}`,
        documents: [
          {
            type: 'P',
            number: `${documentPrefix}${String(i).padStart(4, '0')}${String(j).padStart(5, '0')}`,
            issuer: nationality,
            expiry: '2031-01-01',
          },
        ],
      };
      let kind: Expected | undefined;
      if (hitEvery > 0 && i % hitEvery === 0 && j === 1) {
        t = { ...t, ...WATCHLISTED, gender: 'M' };
        t.documents = [{ type: 'P', number: `F${String(i).padStart(8, '0')}`, issuer: 'FIN' }];
        kind = 'HIT_WATCHLIST';
      } else if (hitEvery > 0 && i % hitEvery === 0 && j === 2) {
        t.documents = [{ type: 'P', number: stolenDocument(stolen++), issuer: STOLEN_ISSUER }];
        kind = 'HIT_STOLEN';
      }
      travellers.push(t);
      hitKinds.push(kind);
    }
    const controlRef = String(i + 1).padStart(6, '0');
    const text = writePaxlst({
      sender: 'ZZAIR',
      recipient: 'USCBP',
      controlRef,
      messageRef: `M${controlRef}`,
      kind: 'PASSENGERS',
      flight: {
        carrier: CARRIER,
        number: String(flightBase + i),
        departure: { port: 'LHR', at: `${day(0)}T22:00` },
        arrival: { port: 'JFK', at: `${day(1)}T01:00` },
      },
      travellers,
    });
    const bytes = Buffer.from(text, 'latin1');
    const read = readMessage(bytes).messages[0];
    if (!read || read.travellers.length !== perManifest)
      throw new Error(`manifest ${i}: the reader found ${read?.travellers.length} travellers`);
    const travellerIds = read.travellers.map((t) => t.travellerId);
    const hits = new Map<string, Expected>();
    hitKinds.forEach((k, j) => k && hits.set(travellerIds[j], k));
    out.push({
      index: i,
      idempotencyKey: `${runId}-m${i}`,
      bytes,
      travellerIds,
      hits,
      documents: travellers.slice(3, 6).map((t) => ({
        issuer: t.documents[0].issuer!,
        number: t.documents[0].number,
      })),
      receiptIds: new Set(),
      accepted: false,
      attempts: 0,
      failures: {},
    });
  }
  return out;
}

export interface CarrierOptions {
  gatewayUrl: string;
  apiKey: string;
  concurrency: number;
  /** Travellers per second at most. */
  rate: number;
  requestTimeoutMs: number;
  /** Give a manifest up after retrying this long. */
  giveUpMs: number;
  log: (line: string) => void;
}

/**
 * How many manifests the carrier may have started so far: the fault sequence releases traffic in
 * portions, so that every fault meets manifests in flight whatever its duration.
 */
export class TrafficGate {
  private allowed = 0;
  private waiters: (() => void)[] = [];

  constructor(readonly total: number) {}

  /** Lets the carrier go up to `fraction` of all manifests. */
  releaseUpTo(fraction: number): void {
    this.allowed = Math.max(this.allowed, Math.min(this.total, Math.round(fraction * this.total)));
    for (const w of this.waiters.splice(0)) w();
  }

  async wait(index: number): Promise<void> {
    while (index >= this.allowed) await new Promise<void>((r) => this.waiters.push(r));
  }
}

/**
 * Streams manifests like a carrier system: each POST carries the manifest's Idempotency-Key, and a
 * connection error, timeout, 5xx or 429 is retried with the same key and bytes until accepted.
 */
export async function streamManifests(
  manifests: Manifest[],
  o: CarrierOptions,
  gate: TrafficGate,
): Promise<void> {
  let next = 0;
  let paceFrom = Date.now();
  let pacedTravellers = 0;
  const lane = async () => {
    for (;;) {
      const index = next++;
      const m = manifests[index];
      if (!m) return;
      await gate.wait(index);
      if (o.rate > 0) {
        // Pace from the moment the gate opened, so a released portion is spread, not burst.
        const now = Date.now();
        if (now - paceFrom > (pacedTravellers / o.rate) * 1000 + 1000) {
          paceFrom = now;
          pacedTravellers = 0;
        }
        const due = paceFrom + (pacedTravellers / o.rate) * 1000;
        pacedTravellers += m.travellerIds.length;
        if (due > now) await sleep(due - now);
      }
      await submit(m, o);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
}

async function submit(m: Manifest, o: CarrierOptions): Promise<void> {
  const deadline = Date.now() + o.giveUpMs;
  for (let attempt = 1; ; attempt++) {
    m.attempts++;
    let failure: string;
    try {
      const res = await fetch(`${o.gatewayUrl}/v1/messages`, {
        method: 'POST',
        body: m.bytes,
        headers: {
          'content-type': 'application/edifact',
          'x-api-key': o.apiKey,
          'idempotency-key': m.idempotencyKey,
        },
        signal: AbortSignal.timeout(o.requestTimeoutMs),
      });
      const body = (await res.json().catch(() => ({}))) as { receiptId?: string; code?: string };
      if (res.status === 202 && body.receiptId) {
        m.receiptIds.add(body.receiptId);
        m.accepted = true;
        m.acceptedAt = Date.now();
        return;
      }
      failure = `HTTP ${res.status}${body.code ? ` ${body.code}` : ''}`;
      if (res.status < 500 && res.status !== 429) {
        // Not retriable: the harness built a bad request. Recorded, never retried.
        m.failures[failure] = (m.failures[failure] ?? 0) + 1;
        o.log(`manifest ${m.index}: refused (${failure})`);
        return;
      }
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      failure = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'error');
    }
    m.failures[failure] = (m.failures[failure] ?? 0) + 1;
    if (Date.now() > deadline) {
      o.log(`manifest ${m.index}: given up after ${attempt} attempts (${failure})`);
      return;
    }
    await sleep(Math.min(3000, 200 * 2 ** Math.min(attempt, 4)));
  }
}
