import type { Value } from './value';

/** Alerts are keyed by their hit (hit alerts) or carrier incident (CARRIER_*): one subject, one partition. */
export function key(alert: Pick<Value, 'hitId' | 'incidentId' | 'alertId'>): string {
  return alert.hitId ?? alert.incidentId ?? alert.alertId;
}
