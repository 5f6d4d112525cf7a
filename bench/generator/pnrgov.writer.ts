import type { FlightLeg } from '@paxscreen/contracts';

/**
 * A PNRGOV 11.1 writer for generated traffic (the layout of the GTAS samples in
 * test/fixtures/edifact/gtas, which libs/edifact reads): header MSG / ORG / TVL (the reported
 * flight) / EQN, then per PNR: SRC, RCI (locator, booking date), ORG (agency), ADD (address and
 * phone), per traveller TIF / REF / SSR DOCS / TKT / FOP / IFT (e-mail), the itinerary as TVL + RPI,
 * and a check-in group (TRI, SSD seat, TBD bags) on the reported leg. Reservation systems only
 * carry A–Z, digits and a few signs, so every value is romanised before it gets here.
 */
export interface PnrTravellerInput {
  ref: string;
  surname: string;
  givenNames: string;
  gender: 'M' | 'F' | 'X' | 'U';
  dateOfBirth?: string;
  nationality?: string;
  document: { type: string; number: string; issuer?: string; expiry?: string };
  ticket: string;
  seat?: string;
  bags?: { count: number; kg: number };
  email?: string;
}

export interface PnrInput {
  locator: string;
  bookedAt: string;
  agency?: string;
  address?: { street: string; city: string; country: string; postalCode: string; phone: string };
  payment: { type: 'CA' | 'CC' | 'MS'; amount: number; cardVendor?: string };
  legs: FlightLeg[];
  travellers: PnrTravellerInput[];
}

export interface PnrgovInput {
  sender: string;
  recipient: string;
  controlRef: string;
  flight: FlightLeg;
  pnrs: PnrInput[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `2025-03-01T10:15` → [`010325`, `1015`]. */
function ddmmyy(at: string): [string, string] {
  return [`${at.slice(8, 10)}${at.slice(5, 7)}${at.slice(2, 4)}`, at.slice(11, 13) + at.slice(14, 16)];
}

/** `1980-07-04` → `04JUL80`. */
function ddmmmyy(date: string): string {
  return `${date.slice(8, 10)}${MONTHS[Number(date.slice(5, 7)) - 1]}${date.slice(2, 4)}`;
}

/** Values never hold the separators here (romanised, A–Z 0–9 space . @): only the release char is escaped. */
function clean(value: string): string {
  return value.replace(/[+:'?*]/g, ' ');
}

function tvl(leg: FlightLeg): string {
  const [dd, dt] = ddmmyy(leg.departure.at ?? '');
  const [ad, at] = ddmmyy(leg.arrival.at ?? '');
  return `TVL+${dd}:${dt}:${ad}:${at}+${leg.departure.port}+${leg.arrival.port}+${leg.carrier}+${leg.number}`;
}

function sameLeg(a: FlightLeg, b: FlightLeg): boolean {
  return a.carrier === b.carrier && a.number === b.number && a.departure.port === b.departure.port;
}

export function writePnrgov(input: PnrgovInput): string {
  const segs: string[] = [];
  const now = new Date();
  const unbDate = `${String(now.getUTCFullYear()).slice(2)}${String(now.getUTCMonth() + 1).padStart(2, '0')}${String(now.getUTCDate()).padStart(2, '0')}`;
  const ref = input.controlRef;
  segs.push(`UNB+UNOA:4+${input.sender}+${input.recipient}+${unbDate}:1200+${ref}`);
  segs.push(`UNG+PNRGOV+${input.sender}+${input.recipient}+${unbDate}:1200+${ref}+IA+11:1`);
  const start = segs.length;
  segs.push(`UNH+${ref}+PNRGOV:11:1:IA+${input.flight.carrier}${input.flight.number}`);
  segs.push('MSG+:22');
  segs.push(`ORG+${input.flight.carrier}:SYS`);
  segs.push(tvl(input.flight));
  segs.push(`EQN+${input.pnrs.length}`);
  for (const pnr of input.pnrs) {
    segs.push('SRC');
    const [bd, bt] = ddmmyy(pnr.bookedAt);
    segs.push(`RCI+${input.flight.carrier}:${pnr.locator}::${bd}:${bt}`);
    segs.push(`ORG+${input.flight.carrier}:SYS+${pnr.agency ? clean(pnr.agency) : ''}`);
    if (pnr.address) {
      const a = pnr.address;
      segs.push(`ADD++700:${clean(a.street)}:${clean(a.city)}:::${a.country}:${a.postalCode}:${a.phone}`);
    }
    for (const t of pnr.travellers) {
      segs.push(`TIF+${clean(t.surname)}+${clean(t.givenNames)}:A:${t.ref}`);
      segs.push(`REF+:${t.ref}`);
      const d = t.document;
      const docs = [
        d.type,
        d.issuer ?? '',
        d.number,
        t.nationality ?? '',
        t.dateOfBirth && t.dateOfBirth.length === 10 ? ddmmmyy(t.dateOfBirth) : '',
        t.gender === 'U' ? '' : t.gender,
        d.expiry && d.expiry.length === 10 ? ddmmmyy(d.expiry) : '',
        clean(t.surname),
        clean(t.givenNames),
      ].join('/');
      segs.push(`SSR+DOCS:HK:1:${input.flight.carrier}:::::/${docs}+::${t.ref}`);
      segs.push(`TKT+${t.ticket}:T:1`);
      if (t.email)
        segs.push(`IFT+4:28+CTCE ${t.email.replace('@', '//').replace(/_/g, '..').replace(/-/g, './')}`);
    }
    const p = pnr.payment;
    segs.push(`FOP+${p.type}::${p.amount.toFixed(2)}${p.cardVendor ? `:${p.cardVendor}` : ''}`);
    for (const leg of pnr.legs) {
      segs.push(tvl(leg));
      segs.push(`RPI+${pnr.travellers.length}+HK`);
      if (!sameLeg(leg, input.flight)) continue;
      for (const t of pnr.travellers) {
        segs.push(`TRI++1:::${t.ref}`);
        if (t.seat) segs.push(`SSD+${t.seat}`);
        if (t.bags && t.bags.count > 0) segs.push(`TBD++${t.bags.count}:${t.bags.kg}:700`);
      }
    }
  }
  segs.push(`UNT+${segs.length - start + 1}+${ref}`);
  segs.push(`UNE+1+${ref}`);
  segs.push(`UNZ+1+${ref}`);
  return `UNA:+.? '${segs.join("'")}'`;
}
