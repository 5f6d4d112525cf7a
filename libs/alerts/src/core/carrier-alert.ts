import type { Alert, CarrierEvent } from '@paxscreen/contracts';

/**
 * Priorities of carrier alerts on the hit scale (0-100). A missing submission can still be chased
 * before the flight lands, so it ranks above a late one (a closed fact) but below a REFER hit
 * near arrival (a traveller to meet at the port).
 */
export const CARRIER_MISSING_PRIORITY = 50;
export const CARRIER_LATE_PRIORITY = 20;

const ALERT_ID_PREFIX = 'carrier-';

const flightLabel = (e: CarrierEvent.Value) => `${e.carrier}${e.flightNumber} ${e.departureDate}`;
const route = (e: CarrierEvent.Value) =>
  e.origin || e.destination ? ` ${e.origin ?? '?'}-${e.destination ?? '?'}` : '';

/**
 * The staff alert a carrier timeliness event raises, or undefined when it raises none: an OPEN
 * MISSING says CARRIER_MISSING, a LATE says CARRIER_LATE; the CLOSED event that ends a MISSING
 * incident is not news to push (the LATE that follows the late arrival is).
 *
 * `alertId` derives from the carrier event's id, so a replayed event files no second delivery.
 * Carrier events hold flights and receipts only; the summary keeps it so (no personal data).
 */
export function carrierAlert(event: CarrierEvent.Value, eventId: string): Alert.Value | undefined {
  const kind: Alert.AlertKind | undefined =
    event.kind === 'LATE'
      ? 'CARRIER_LATE'
      : event.kind === 'MISSING' && event.state === 'OPEN'
        ? 'CARRIER_MISSING'
        : undefined;
  if (!kind) return undefined;
  const summary =
    kind === 'CARRIER_MISSING'
      ? `${event.obligation} missing for ${flightLabel(event)}${route(event)}, due ${event.dueAt}`
      : `${event.obligation} late for ${flightLabel(event)}${route(event)}` +
        (event.lateByMinutes !== undefined ? ` by ${event.lateByMinutes} min` : `, due ${event.dueAt}`);
  return {
    schemaVersion: 1,
    eventId,
    occurredAt: event.occurredAt,
    correlationId: event.correlationId,
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
    alertId: `${ALERT_ID_PREFIX}${event.eventId}`,
    kind,
    incidentId: event.incidentId,
    port: event.destination ?? event.origin ?? '',
    listIds: [],
    flight: {
      carrier: event.carrier,
      number: event.flightNumber,
      departureDate: event.departureDate,
      ...(event.origin ? { origin: event.origin } : {}),
      ...(event.destination ? { destination: event.destination } : {}),
    },
    outcome: event.obligation,
    priority: kind === 'CARRIER_MISSING' ? CARRIER_MISSING_PRIORITY : CARRIER_LATE_PRIORITY,
    createdAt: event.occurredAt,
    summary,
  };
}
