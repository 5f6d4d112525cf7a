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
  /** Carrier key management (gateway admin API): target `carrier` or `carrier:keyId`, never a key. */
  'CARRIER_ADD',
  'CARRIER_LIST',
  'CARRIER_KEY_ISSUE',
  'CARRIER_KEY_ROTATE',
  'CARRIER_KEY_REVOKE',
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
