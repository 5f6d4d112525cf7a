import type { FlightLeg, Gender } from '@paxscreen/contracts';
import { type PaxlstTraveller, writePaxlst } from '@paxscreen/edifact';

import { listedPeople, type PlantedIdentity, plantedIdentity } from './hits';
import { documentNumber, randomPerson, romanise } from './people';
import { writePnrgov, type PnrInput } from './pnrgov.writer';
import { DIGITS, LETTERS, Random } from './random';

/**
 * Seeded carrier traffic: manifests (PAXLST, PNRGOV, JSON) of any size with multi-script names,
 * documents, itineraries with connections, PNR extras (booking date, payment, contacts, bags,
 * seats), and a controlled share of true hits from the UN and OFAC lists. The generator knows the
 * ground truth of every traveller, keyed by travel document (issuer + number): what a decision
 * carries back.
 */
export type ManifestFormat = 'PAXLST' | 'PNRGOV' | 'JSON';

export interface TrafficOptions {
  seed: number;
  /** Manifests to generate. */
  manifests: number;
  /** Travellers per manifest: a fixed number, or [min, max]. */
  travellers: number | [number, number];
  /** Share of travellers who are listed people (0.005 = one in 200). */
  hitRate: number;
  /** Share of each format, e.g. { PAXLST: 7, PNRGOV: 1, JSON: 2 }. */
  formats?: Partial<Record<ManifestFormat, number>>;
  /** Carriers to spread the manifests over (each needs a gateway API key). */
  carriers: readonly string[];
  /** Serial offset, so that two traffic sets of one run never share a flight or a document. */
  offset?: number;
  /** Day of the flights (YYYY-MM-DD); tomorrow when absent. */
  day?: string;
}

export interface GeneratedTraveller {
  ref: string;
  surname: string;
  givenNames: string;
  gender: Gender;
  dateOfBirth?: string;
  nationality?: string;
  placeOfBirth?: string;
  residence?: string;
  document: { type: string; number: string; issuer: string; expiry: string };
  planted?: PlantedIdentity;
}

export interface GeneratedManifest {
  carrier: string;
  format: ManifestFormat;
  flight: FlightLeg;
  travellers: GeneratedTraveller[];
  bytes: Buffer;
  contentType: string;
}

export interface Traffic {
  manifests: GeneratedManifest[];
  travellers: number;
  planted: number;
  /** Ground truth by `issuer:number` of the traveller's passport. */
  truth: Map<string, GeneratedTraveller>;
}

export const DEFAULT_FORMATS: Readonly<Record<ManifestFormat, number>> = { PAXLST: 7, PNRGOV: 1, JSON: 2 };

/** Airports by region; a flight crosses from one region into another (the reporting state). */
const ORIGINS = [
  'LHR',
  'CDG',
  'FRA',
  'AMS',
  'MAD',
  'IST',
  'DXB',
  'DOH',
  'DEL',
  'SIN',
  'HKG',
  'NRT',
  'ICN',
  'JNB',
  'GRU',
  'LOS',
  'CAI',
  'KHI',
];
const DESTINATIONS = ['JFK', 'LAX', 'ORD', 'YYZ', 'SYD', 'MEL', 'AKL', 'MIA', 'SFO', 'IAD'];
const FEEDERS = [
  'MAN',
  'LYS',
  'MUC',
  'BCN',
  'ATH',
  'BEY',
  'AMM',
  'BOM',
  'KUL',
  'PVG',
  'TPE',
  'NBO',
  'ACC',
  'EZE',
];
const AGENCIES = ['GLOBAL TRAVEL LTD', 'SKYWAYS TOURS', 'CITY FLIGHTS', 'BLUE ORBIT TRAVEL', ''];
const CITIES = ['LONDON', 'PARIS', 'LAGOS', 'DUBAI', 'TORONTO', 'SYDNEY', 'SEOUL', 'MUMBAI', 'CAIRO', 'LIMA'];
const STREETS = ['HIGH STREET', 'MAIN ROAD', 'PARK AVENUE', 'STATION ROAD', 'CHURCH LANE', 'RIVER DRIVE'];
const VENDORS = ['VI', 'CA', 'AX', 'DC'];

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addMinutes(day: string, minutes: number): string {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
  return d.toISOString().slice(0, 16);
}

/** The flight of manifest `serial`: unique carrier + number + day, with its times. */
function flightOf(serial: number, carriers: readonly string[], baseDay: string, random: Random): FlightLeg {
  const carrier = carriers[serial % carriers.length];
  const perCarrier = Math.floor(serial / carriers.length);
  const number = String(1 + (perCarrier % 9999)).padStart(4, '0');
  const day = isoDay(
    new Date(Date.parse(`${baseDay}T00:00:00Z`) + Math.floor(perCarrier / 9999) * 86_400_000),
  );
  const departs = random.between(0, 23 * 60);
  return {
    carrier,
    number,
    departure: { port: random.pick(ORIGINS), at: addMinutes(day, departs) },
    arrival: { port: random.pick(DESTINATIONS), at: addMinutes(day, departs + random.between(90, 14 * 60)) },
  };
}

/** A feeder leg that connects into the reported flight (same day, earlier). */
function feederOf(flight: FlightLeg, random: Random): FlightLeg {
  const dep = Date.parse(`${flight.departure.at}:00Z`);
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  return {
    carrier: flight.carrier,
    number: String(random.between(1, 9999)).padStart(4, '0'),
    departure: { port: random.pick(FEEDERS), at: at(dep - random.between(180, 420) * 60_000) },
    arrival: { port: flight.departure.port, at: at(dep - random.between(60, 150) * 60_000) },
  };
}

function returnOf(flight: FlightLeg, random: Random): FlightLeg {
  const dep = Date.parse(`${flight.arrival.at}:00Z`) + random.between(2, 21) * 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  return {
    carrier: flight.carrier,
    number: String(random.between(1, 9999)).padStart(4, '0'),
    departure: { port: flight.arrival.port, at: at(dep) },
    arrival: { port: flight.departure.port, at: at(dep + 10 * 3600_000) },
  };
}

export class TrafficGenerator {
  private serial = 0;
  private listed: Awaited<ReturnType<typeof listedPeople>> = [];

  private constructor(private readonly options: TrafficOptions) {}

  static async create(options: TrafficOptions): Promise<TrafficGenerator> {
    const g = new TrafficGenerator(options);
    g.listed = options.hitRate > 0 ? await listedPeople() : [];
    return g;
  }

  /** Generates the whole traffic set at once. */
  generate(): Traffic {
    const o = this.options;
    const random = new Random(o.seed);
    const baseDay = o.day ?? isoDay(new Date(Date.now() + 86_400_000));
    const manifests: GeneratedManifest[] = [];
    const truth = new Map<string, GeneratedTraveller>();
    let planted = 0;
    let travellers = 0;
    for (let i = 0; i < o.manifests; i++) {
      const m = this.manifest((o.offset ?? 0) + i, random, baseDay);
      for (const t of m.travellers) {
        truth.set(`${t.document.issuer}:${t.document.number}`, t);
        if (t.planted) planted++;
      }
      travellers += m.travellers.length;
      manifests.push(m);
    }
    return { manifests, travellers, planted, truth };
  }

  private traveller(random: Random, flight: FlightLeg, carrier: string): GeneratedTraveller {
    const serial = ((this.options.offset ?? 0) * 1000 + this.serial++) % 36 ** 6;
    const person = randomPerson(random);
    const expiryYear = Number(flight.departure.at!.slice(0, 4)) + random.between(1, 9);
    const t: GeneratedTraveller = {
      ref: `${carrier}${String(serial).padStart(9, '0')}`,
      surname: person.surname.toUpperCase(),
      givenNames: person.given.toUpperCase(),
      gender: person.gender,
      dateOfBirth: person.dateOfBirth,
      nationality: person.nationality,
      placeOfBirth: random.chance(0.3) ? person.placeOfBirth?.toUpperCase() : undefined,
      residence: random.chance(0.7) ? person.nationality : undefined,
      document: {
        type: 'P',
        number: documentNumber(random, serial),
        issuer: person.nationality ?? 'GBR',
        expiry: `${expiryYear}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`,
      },
    };
    if (this.listed.length > 0 && random.chance(this.options.hitRate)) {
      const id = plantedIdentity(random.pick(this.listed), random);
      t.planted = id;
      t.surname = id.surname;
      t.givenNames = id.givenNames;
      t.dateOfBirth = id.dateOfBirth;
      if (id.nationality) {
        t.nationality = id.nationality;
        t.document.issuer = id.nationality;
      }
      t.gender = random.chance(0.8) ? 'M' : 'F';
      t.placeOfBirth = undefined;
    }
    return t;
  }

  private manifest(serial: number, random: Random, baseDay: string): GeneratedManifest {
    const o = this.options;
    const flight = flightOf(serial, o.carriers, baseDay, random);
    const carrier = flight.carrier;
    const count =
      typeof o.travellers === 'number' ? o.travellers : random.between(o.travellers[0], o.travellers[1]);
    const travellers = Array.from({ length: count }, () => this.traveller(random, flight, carrier));
    const format = random.weighted({ ...DEFAULT_FORMATS, ...o.formats });
    const legs = random.chance(0.3) ? [feederOf(flight, random), flight] : [flight];
    return this.render(serial, format, flight, legs, travellers, random);
  }

  /**
   * The same flights and travellers sent again, once per stage (e.g. PNRGOV at T-72h and T-24h,
   * PAXLST at check-in): new message references, seats and bookings, the same people and
   * documents. Each stage is a traffic set of its own, in the order given.
   */
  resend(traffic: Traffic, stages: readonly ManifestFormat[]): Traffic[] {
    return stages.map((format, stage) => {
      const random = new Random(this.options.seed * 7919 + stage + 1);
      const manifests = traffic.manifests.map((m, i) =>
        this.render((this.options.offset ?? 0) + i, format, m.flight, [m.flight], m.travellers, random),
      );
      return { ...traffic, manifests };
    });
  }

  private render(
    serial: number,
    format: ManifestFormat,
    flight: FlightLeg,
    legs: FlightLeg[],
    travellers: GeneratedTraveller[],
    random: Random,
  ): GeneratedManifest {
    const carrier = flight.carrier;
    const controlRef = `${serial.toString(36).toUpperCase()}${random.chars(DIGITS, 4)}`.slice(0, 14);
    let bytes: Buffer;
    let contentType = 'application/edifact';
    if (format === 'PAXLST') {
      bytes = Buffer.from(
        writePaxlst({
          sender: `${carrier}AIR`,
          recipient: 'BORDER',
          controlRef,
          messageRef: controlRef,
          kind: 'PASSENGERS',
          flight,
          legs,
          reportingParty: { name: `${carrier} OPERATIONS`, phone: '+44 20 7946 0000' },
          travellers: travellers.map((t) => this.paxlstTraveller(t, flight, legs, random)),
        }),
        'utf8',
      );
    } else if (format === 'JSON') {
      contentType = 'application/json';
      const manifest = {
        format: 'paxscreen.manifest',
        version: 1,
        messageId: controlRef,
        kind: 'PASSENGERS',
        direction: 'INBOUND',
        flight,
        legs,
        travellers: travellers.map((t) => {
          const p = this.paxlstTraveller(t, flight, legs, random);
          const { pnr, documents, ...rest } = p;
          return { ...rest, documents, pnrLocator: pnr?.locator };
        }),
      };
      bytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    } else {
      bytes = Buffer.from(
        writePnrgov({
          sender: carrier,
          recipient: 'BORDER',
          controlRef,
          flight,
          pnrs: this.pnrs(travellers, flight, legs, random),
        }),
        'latin1',
      );
    }
    return { carrier, format, flight, travellers, bytes, contentType };
  }

  private paxlstTraveller(
    t: GeneratedTraveller,
    flight: FlightLeg,
    legs: FlightLeg[],
    random: Random,
  ): PaxlstTraveller {
    return {
      role: 'PASSENGER',
      ref: t.ref,
      surname: t.surname,
      givenNames: t.givenNames,
      dateOfBirth: t.dateOfBirth,
      gender: t.gender,
      nationality: t.nationality,
      residence: t.residence,
      placeOfBirth: t.placeOfBirth,
      embarkation: legs[0].departure.port,
      debarkation: flight.arrival.port,
      seat: `${random.between(1, 60)}${random.pick([...'ABCDEFGHJK'])}`,
      bagCount: random.int(3),
      pnr: { locator: random.chars(LETTERS, 6) },
      documents: [t.document],
    };
  }

  /** Groups travellers into bookings of one to four with PNR extras. */
  private pnrs(
    travellers: GeneratedTraveller[],
    flight: FlightLeg,
    legs: FlightLeg[],
    random: Random,
  ): PnrInput[] {
    const out: PnrInput[] = [];
    for (let i = 0; i < travellers.length;) {
      const size = Math.min(
        travellers.length - i,
        random.weighted({ 1: 6, 2: 3, 3: 1, 4: 1 }) === '1' ? 1 : random.between(2, 4),
      );
      const party = travellers.slice(i, i + size);
      i += size;
      const oneWay = random.chance(0.3);
      const booked = Date.parse(`${flight.departure.at}:00Z`) - random.between(1, 120) * 86_400_000;
      const cash = random.chance(0.08);
      out.push({
        locator: random.chars(LETTERS, 6),
        bookedAt: new Date(booked).toISOString().slice(0, 16),
        agency: random.pick(AGENCIES) || undefined,
        address: {
          street: `${random.between(1, 200)} ${random.pick(STREETS)}`,
          city: random.pick(CITIES),
          country: party[0].nationality ?? 'GBR',
          postalCode: random.chars(DIGITS, 5),
          phone: `+${random.chars(DIGITS, 11)}`,
        },
        payment: cash
          ? { type: 'CA', amount: random.between(200, 3000) }
          : { type: 'CC', amount: random.between(200, 6000), cardVendor: random.pick(VENDORS) },
        legs: oneWay ? legs : [...legs, returnOf(flight, random)],
        travellers: party.map((t) => ({
          ref: t.ref,
          surname: romanise(t.surname) || 'UNKNOWN',
          givenNames: romanise(t.givenNames),
          gender: t.gender,
          dateOfBirth: t.dateOfBirth,
          nationality: t.nationality,
          document: t.document,
          ticket: random.chars(DIGITS, 13),
          seat: `${random.between(1, 60)}${random.pick([...'ABCDEFGHJK'])}`,
          bags: { count: random.int(3), kg: random.between(8, 32) },
          email: random.chance(0.6) ? `${random.chars(LETTERS, 6).toLowerCase()}@example.com` : undefined,
        })),
      });
    }
    return out;
  }
}

/** One call: a traffic set for `options`. */
export async function generateTraffic(options: TrafficOptions): Promise<Traffic> {
  return (await TrafficGenerator.create(options)).generate();
}
