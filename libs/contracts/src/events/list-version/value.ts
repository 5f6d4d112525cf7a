import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Min } from 'class-validator';

import { EventEnvelope } from '../envelope';

export const LIST_KINDS = ['watchlist', 'documents', 'enrolments', 'rules'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** One record per imported list version (topic `Topic.ListVersions`, compacted by list id). */
export class Value extends EventEnvelope {
  @IsString() listId!: string;
  @IsIn(LIST_KINDS) kind!: ListKind;
  @IsString() version!: string;
  /** Format recognised, e.g. UN_XML, OFAC_SDN_CSV, CSL_CSV, GENERIC_CSV, LOST_STOLEN_CSV, ENROLMENT_CSV. */
  @IsString() format!: string;
  @IsISO8601() importedAt!: string;
  @IsInt() @Min(0) entries!: number;
  @IsObject() diff!: { added: number; changed: number; removed: number; unchanged: number };
  @IsInt() @Min(0) findings!: number;
  /** SHA-256 of the imported file(s). */
  @IsOptional() @IsString() digest?: string;
}
