import type { Alert } from '@paxscreen/contracts';

/** Words for every alert kind (typed by the contract: a new kind does not compile until named here). */
export const KIND_LABELS: Record<Alert.AlertKind, string> = {
  HIT_NEAR_ARRIVAL: 'hit near arrival',
  REVET_RAISED: 're-vet raised',
  LOOKOUT_ENCOUNTER: 'lookout encounter',
  HIT_OPENED: 'hit opened',
  CARRIER_MISSING: 'carrier list missing',
  CARRIER_LATE: 'carrier list late',
};

export const ALERT_KINDS = Object.keys(KIND_LABELS) as Alert.AlertKind[];
