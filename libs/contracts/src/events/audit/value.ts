import { IsIn, IsObject, IsOptional, IsString } from 'class-validator';

import { EventEnvelope } from '../envelope';

export const AUDIT_ACTIONS = [
  'POE_LOOKUP_DOCUMENT',
  'POE_LOOKUP_MRZ',
  'PNR_UNMASK',
  /** Admin actions: a list version imported (or refused), a rule set changed; actor and counts. */
  'LIST_IMPORT',
  'RULE_SET_CHANGE',
  'DECISION_VIEW',
  /** Reads of the system of record (apps/records): manifests, histories, searches, audit queries. */
  'RECORDS_FLIGHT_LIST',
  'RECORDS_FLIGHT_MANIFEST',
  'RECORDS_TRAVELLER_HISTORY',
  'RECORDS_DOCUMENT_LOOKUP',
  'RECORDS_NAME_SEARCH',
  'RECORDS_AUDIT_QUERY',
  /** A retention run of the system of record: per data class, what was dropped, masked, deleted. */
  'RETENTION_RUN',
  /** Casework (apps/casework): the hit queue, a hit read masked or opened, and every staff action on it. */
  'CASEWORK_QUEUE',
  'CASEWORK_HIT_VIEW',
  'RECORD_OPENED',
  'HIT_CLAIM',
  'HIT_RELEASE',
  'HIT_NOTE',
  'HIT_DISPOSITION',
  'LOOKOUT_CREATED',
  'LOOKOUT_LIST',
  'LOOKOUT_ENCOUNTER',
  /** Carrier key management (gateway admin API): target `carrier` or `carrier:keyId`, never a key. */
  'CARRIER_ADD',
  'CARRIER_LIST',
  'CARRIER_KEY_ISSUE',
  'CARRIER_KEY_ROTATE',
  'CARRIER_KEY_REVOKE',
  /** Carriers (apps/carriers): a schedule imported, a carrier's webhook set. */
  'SCHEDULE_IMPORT',
  'CARRIER_WEBHOOK_SET',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did what, when, from where (topic `Topic.Audit`). */
export class Value extends EventEnvelope {
  @IsIn(AUDIT_ACTIONS) action!: AuditAction;
  /** Token subject of the officer / operator. */
  @IsString() actor!: string;
  @IsString() role!: string;
  /** What was looked at: document key, traveller id, list id… */
  @IsString() target!: string;
  @IsString() outcome!: string;
  @IsOptional() @IsObject() details?: Record<string, string | number | boolean>;
}
