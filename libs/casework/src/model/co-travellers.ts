import { createHash } from 'node:crypto';

import type { CoTravellerRelation, Traveller } from '@paxscreen/contracts';
import { maskName } from '@paxscreen/privacy';

/**
 * What casework keeps of a traveller's PNR to find co-travellers: the booking (record locator),
 * contacts and forms of payment as SHA-256 digests (never the values), the flight, a masked name.
 */
export interface PnrLink {
  travellerId: string;
  carrier: string;
  flightNumber: string;
  departureDate: string;
  locator: string;
  contacts: string[];
  payments: string[];
  maskedName: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/** A contact in compared form: e-mail lower case, phone digits only, address words upper case. */
function contactKey(kind: string, value: string): string | undefined {
  const v =
    kind === 'email'
      ? value.trim().toLowerCase()
      : kind === 'phone'
        ? value.replace(/\D/g, '').replace(/^0+/, '')
        : value
            .toUpperCase()
            .replace(/[^A-Z0-9]+/g, ' ')
            .trim();
  return v.length >= 5 ? `${kind}:${v}` : undefined;
}

/**
 * The PNR link of a traveller event, or undefined without PNR data. A form of payment counts only
 * with a card vendor and an amount (type, vendor, amount and currency together): cash or a bare
 * "CC" would tie strangers together.
 */
export function pnrLinkOf(t: Traveller): PnrLink | undefined {
  if (!t.pnr?.locator) return undefined;
  const contacts = (t.pnr.contacts ?? [])
    .map((c) => contactKey(c.kind, c.value))
    .filter((c): c is string => !!c)
    .map(digest);
  const payments = (t.pnr.formsOfPayment ?? [])
    .filter((f) => f.cardVendor && f.amount !== undefined)
    .map((f) => digest(`${f.type}|${f.cardVendor}|${f.amount}|${f.currency ?? ''}`));
  return {
    travellerId: t.travellerId,
    carrier: t.flight.carrier,
    flightNumber: t.flight.number,
    departureDate: (t.flight.departure.at ?? t.flight.arrival.at ?? '').slice(0, 10),
    locator: t.pnr.locator.toUpperCase(),
    contacts: [...new Set(contacts)],
    payments: [...new Set(payments)],
    maskedName: maskName(`${t.surname} ${t.givenNames}`.trim()),
  };
}

/** How `other` is tied to `of`: the same booking first, then a shared contact, then a shared payment. */
export function relationOf(of: PnrLink, other: PnrLink): CoTravellerRelation | undefined {
  if (other.travellerId === of.travellerId) return undefined;
  if (other.locator === of.locator) return 'BOOKING';
  if (other.contacts.some((c) => of.contacts.includes(c))) return 'CONTACT';
  if (other.payments.some((p) => of.payments.includes(p))) return 'PAYMENT';
  return undefined;
}
