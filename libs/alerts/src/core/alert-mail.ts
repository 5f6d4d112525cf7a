import type { Alert } from '@paxscreen/contracts';

const KIND_TITLES: Record<Alert.AlertKind, string> = {
  HIT_NEAR_ARRIVAL: 'Hit on a flight arriving soon',
  REVET_RAISED: 'Re-vet raised a traveller',
  LOOKOUT_ENCOUNTER: 'Lookout encounter recorded',
  HIT_OPENED: 'New hit',
  CARRIER_MISSING: 'Carrier submission missing',
  CARRIER_LATE: 'Carrier submission late',
};

export interface AlertMail {
  subject: string;
  text: string;
}

const flightLabel = (f: Alert.AlertFlight) => `${f.carrier}${f.number} ${f.departureDate}`;
const route = (f: Alert.AlertFlight) =>
  f.origin || f.destination ? ` (${f.origin ?? '?'} to ${f.destination ?? '?'})` : '';

/**
 * The e-mail for an alert. Mail leaves the agency's systems: it carries what the alert event does
 * (outcome, flight, port, lists, the summary) and a link to the hit (or the workbench), never a name,
 * document or birth date (the event has none to give).
 */
export function alertMail(alert: Alert.Value, workbenchUrl: string): AlertMail {
  const root = workbenchUrl.replace(/\/+$/, '');
  const link = alert.hitId
    ? `Open the hit: ${root}/#/hits/${encodeURIComponent(alert.hitId)}`
    : `Open the workbench: ${root}/`;
  return {
    subject: `[paxscreen] ${KIND_TITLES[alert.kind]}: ${alert.outcome} ${flightLabel(alert.flight)} ${alert.port}`,
    text: [
      KIND_TITLES[alert.kind],
      '',
      alert.summary,
      '',
      `Outcome:  ${alert.outcome}`,
      `Priority: ${alert.priority}`,
      `Flight:   ${flightLabel(alert.flight)}${alert.flight.arrivalAt ? `, arriving ${alert.flight.arrivalAt}` : ''}`,
      `Port:     ${alert.port}${route(alert.flight)}`,
      `Lists:    ${alert.listIds.join(', ') || '-'}`,
      `Raised:   ${alert.createdAt}`,
      '',
      link,
    ].join('\n'),
  };
}
