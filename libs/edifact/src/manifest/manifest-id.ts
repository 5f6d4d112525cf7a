import type { Direction, ManifestKind } from '../types';

const DIRECTION_CODES: Readonly<Record<Direction, string>> = { INBOUND: 'IN', OUTBOUND: 'OUT' };
const UNKNOWN_PART = '-';
/** Multipliers of the two 32-bit lanes (cyrb53 by bryc, public domain, widened to 64 bits). */
const LANE_1 = 2654435761;
const LANE_2 = 1597334677;
const MIX_1 = 2246822507;
const MIX_2 = 3266489909;
const SEED_1 = 0xdeadbeef;
const SEED_2 = 0x41c6ce57;
const HEX_PER_LANE = 8;

/**
 * 64-bit non-cryptographic hash as 16 hex digits. Ids are identifiers, not secrets (their inputs
 * are low-entropy names anyway); SHA-256 cost a tenth of the parse time. Collisions inside one
 * manifest are out of reach (birthday bound ~4·10⁹). Never change: ids are stored.
 */
export function hash64(text: string): string {
  let h1 = SEED_1;
  let h2 = SEED_2;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, LANE_1);
    h2 = Math.imul(h2 ^ c, LANE_2);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), MIX_1) ^ Math.imul(h2 ^ (h2 >>> 13), MIX_2);
  h2 = Math.imul(h2 ^ (h2 >>> 16), MIX_1) ^ Math.imul(h1 ^ (h1 >>> 13), MIX_2);
  return (
    (h2 >>> 0).toString(16).padStart(HEX_PER_LANE, '0') + (h1 >>> 0).toString(16).padStart(HEX_PER_LANE, '0')
  );
}

/** See ManifestInfo.manifestId for the rule; it must never change without a migration. */
export function manifestIdOf(
  carrier: string,
  flightNumber: string,
  departureDate: string | undefined,
  direction: Direction | undefined,
  kind: ManifestKind,
): string {
  const dir = direction ? DIRECTION_CODES[direction] : UNKNOWN_PART;
  return `${carrier}${flightNumber}:${departureDate ?? UNKNOWN_PART}:${dir}:${kind}`;
}

/**
 * A traveller's id: a short hash of the manifest id and the traveller's identity, never of a
 * position, so that the same traveller keeps the id in every version of the manifest. Identity is
 * the carrier's unique passenger reference when it sends one (PAXLST RFF+ABO, JSON `ref`), else role,
 * names and date of birth (plus the record locator for PNR data). Duplicates inside one message get
 * an occurrence suffix before hashing (see `TravellerIds`).
 */
export function travellerIdOf(manifestId: string, identity: string): string {
  return hash64(`${manifestId}\u0000${identity}`);
}

export interface IdentityFields {
  ref?: string;
  locator?: string;
  role: string;
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
}

export function identityOf(f: IdentityFields): string {
  if (f.ref) return `ref:${f.ref}`;
  return [f.locator ?? '', f.role, f.surname, f.givenNames, f.dateOfBirth ?? ''].join('|');
}

/** Hands out ids for one message; reports whether an identity was already used. */
export class TravellerIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly manifestId: string) {}

  next(identity: string): { id: string; duplicate: boolean } {
    const count = (this.seen.get(identity) ?? 0) + 1;
    this.seen.set(identity, count);
    const key = count === 1 ? identity : `${identity}#${count}`;
    return { id: travellerIdOf(this.manifestId, key), duplicate: count > 1 };
  }
}
