import type { Decision, Iapi } from '@paxscreen/contracts';

/**
 * What a check-in agent is told. A refusal's reason is never sent to the carrier: REFER and a
 * missing (late) answer both say CONTACT_AGENCY.
 */
export function boardingStatus(decision: Decision | undefined): Iapi.BoardingStatus {
  if (!decision) return 'CONTACT_AGENCY';
  switch (decision.outcome) {
    case 'NO_BOARD':
      return 'DO_NOT_BOARD';
    case 'REFER':
      return 'CONTACT_AGENCY';
    default:
      return 'OK_TO_BOARD';
  }
}
