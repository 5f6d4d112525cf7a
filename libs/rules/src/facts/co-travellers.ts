import { createHash } from 'node:crypto';

import { BoundedMap, type Traveller } from '@paxscreen/contracts';

import { designator } from './designator';

/**
 * Co-travellers (foreign-terrorist-fighter travel, issue 18): which links a traveller shares with a
 * traveller of the same flight who was referred or stopped by a watchlist or lost/stolen match.
 *
 * - `BOOKING`: the same PNR record locator;
 * - `CONTACT`: the same phone number or e-mail address (compared without spaces, dashes, case);
 * - `PAYMENT`: the same non-cash form of payment (type, card vendor, amount and currency all given and
 *   equal: the PNR never carries the card number, so this is the closest the data allows).
 *
 * Only keyed hashes of the link values are held (SHA-256 over flight, link kind and value), never the
 * values, and a fact names the kind of link, never the other traveller or the shared value.
 */
export const CO_TRAVELLER_LINKS = ['BOOKING', 'CONTACT', 'PAYMENT'] as const;
export type CoTravellerLink = (typeof CO_TRAVELLER_LINKS)[number];

/** Flights remembered at once; the oldest flight is forgotten first. */
export const MAX_FLIGHTS = 5000;
/** Link keys remembered per flight (a full wide-body of flagged travellers with a few links each). */
export const MAX_KEYS_PER_FLIGHT = 4000;

/** The flight a traveller is screened for: designator and local departure date, as reported. */
function flightKey(t: Traveller): string | undefined {
  const f = t.flight;
  if (!f?.carrier || !f.number) return undefined;
  const day = (f.departure?.at ?? f.arrival?.at ?? '').slice(0, 10);
  return `${designator(f.carrier, f.number)}/${day}`;
}

function hash(flight: string, kind: CoTravellerLink, value: string): string {
  return createHash('sha256').update(`${flight}\u0001${kind}\u0001${value}`).digest('base64url').slice(0, 22);
}

const CONTACT_NOISE = /[\s().-]/g;

/** The hashed link keys of a traveller on their flight, each with its kind. */
export function linkKeys(t: Traveller): { kind: CoTravellerLink; key: string }[] {
  const flight = flightKey(t);
  const pnr = t.pnr;
  if (!flight || !pnr) return [];
  const out: { kind: CoTravellerLink; key: string }[] = [];
  if (pnr.locator)
    out.push({ kind: 'BOOKING', key: hash(flight, 'BOOKING', pnr.locator.trim().toUpperCase()) });
  for (const c of pnr.contacts ?? []) {
    if (c.kind === 'address') continue;
    const value = c.value.replace(CONTACT_NOISE, '').toLowerCase();
    if (value.length >= 5) out.push({ kind: 'CONTACT', key: hash(flight, 'CONTACT', `${c.kind}:${value}`) });
  }
  for (const p of pnr.formsOfPayment ?? []) {
    const type = p.type.trim().toUpperCase();
    if (type === 'CA' || !p.cardVendor || p.amount === undefined || !p.currency) continue;
    const value = `${type}:${p.cardVendor.toUpperCase()}:${p.amount}:${p.currency.toUpperCase()}`;
    out.push({ kind: 'PAYMENT', key: hash(flight, 'PAYMENT', value) });
  }
  return out;
}

/**
 * Per-flight memory of the link keys of flagged travellers. `flag` a traveller once a match refers or
 * stops them; `linksOf` another traveller gives the kinds of link they share with any flagged one (the
 * traveller's own keys excluded, so a flagged traveller is not their own co-traveller). Order matters:
 * a co-traveller screened before the match is not linked (re-vetting screens them again).
 */
export class FlaggedCoTravellers {
  /** flight → link key → the travellerIds flagged under it. */
  private readonly flights = new BoundedMap<string, Map<string, Set<string>>>(MAX_FLIGHTS);

  flag(t: Traveller): void {
    const flight = flightKey(t);
    if (!flight) return;
    let keys = this.flights.get(flight);
    if (!keys) {
      keys = new Map();
      this.flights.set(flight, keys);
    }
    for (const { key } of linkKeys(t)) {
      if (keys.size >= MAX_KEYS_PER_FLIGHT && !keys.has(key)) break;
      const holders = keys.get(key) ?? new Set<string>();
      holders.add(t.travellerId);
      keys.set(key, holders);
    }
  }

  /** The kinds of link `t` shares with a flagged traveller of the same flight (sorted, possibly empty). */
  linksOf(t: Traveller): CoTravellerLink[] {
    const flight = flightKey(t);
    const keys = flight ? this.flights.get(flight) : undefined;
    if (!keys) return [];
    const found = new Set<CoTravellerLink>();
    for (const { kind, key } of linkKeys(t)) {
      const holders = keys.get(key);
      if (holders && [...holders].some((id) => id !== t.travellerId)) found.add(kind);
    }
    return CO_TRAVELLER_LINKS.filter((k) => found.has(k));
  }

  /** Flights held (for tests and metrics). */
  get size(): number {
    return this.flights.size;
  }
}
