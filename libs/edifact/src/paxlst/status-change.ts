import type { TravellerStatusState } from '@paxscreen/contracts';

/**
 * PAXLST BGM C106 1004 "document identifier" codes that report a change after check-in, as the
 * WCO/IATA/ICAO API Guidelines' PAXLST implementation guide profiles BGM for interactive API
 * (beside `CP` change passenger data, `CL` / `CLOB` flight close-out with the travellers on
 * board, which are ordinary lists here):
 * - `XR` cancel reservation: the travellers listed are no longer travelling;
 * - `CLNB` flight close-out, not boarded: checked in, not on board when the flight closed
 *   (offloaded).
 */
export const STATUS_DOCUMENT_IDENTIFIERS: Readonly<Record<string, TravellerStatusState>> = {
  XR: 'CANCELLED',
  CLNB: 'OFFLOADED',
};
/** BGM 1225 message function code (UN/EDIFACT code list): 1 = cancellation of an earlier message. */
export const FUNCTION_CANCELLATION = '1';

/**
 * The change a PAXLST's BGM reports (`BGM+745+XR'`, `BGM+745+CLNB'`, `BGM+745++1'`), or
 * undefined for an ordinary list. Codes are compared as sent, trimmed and upper-cased.
 */
export function travellerStatusChange(
  documentIdentifier: string | undefined,
  messageFunction: string | undefined,
): TravellerStatusState | undefined {
  const id = documentIdentifier?.trim().toUpperCase();
  if (id && id in STATUS_DOCUMENT_IDENTIFIERS) return STATUS_DOCUMENT_IDENTIFIERS[id];
  return messageFunction?.trim() === FUNCTION_CANCELLATION ? 'CANCELLED' : undefined;
}
