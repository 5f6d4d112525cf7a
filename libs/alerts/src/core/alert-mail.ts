import type { Alert } from '@paxscreen/contracts';

const KIND_TITLES: Record<Alert.AlertKind, string> = {
  HIT_NEAR_ARRIVAL: 'Hit on a flight arriving soon',
  REVET_RAISED: 'Re-vet raised a traveller',
  LOOKOUT_ENCOUNTER: 'Lookout encounter recorded',
  HIT_OPENED: 'New hit',
};

export interface AlertMail {
  subject: string;
  text: string;
}

const flightLabel = (f: Alert.AlertFlight) => `${f.carrier}${f.number} ${f.departureDate}`;

/**
 * The e-mail for an alert. Mail leaves the agency's systems: it carries what the alert event does
 * (outcome, flight, port, lists, the casework summary) and a link to the hit, never a name,
 * document or birth date (the event has none to give).
 */
export function alertMail(alert: Alert.Value, workbenchUrl: string): AlertMail {
  const link = `${workbenchUrl.replace(/\/+$/, '')}/#/hits/${encodeURIComponent(alert.hitId)}`;
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
      `Port:     ${alert.port}`,
      `Lists:    ${alert.listIds.join(', ') || '-'}`,
      `Raised:   ${alert.createdAt}`,
      '',
      `Open the hit: ${link}`,
    ].join('\n'),
  };
}
