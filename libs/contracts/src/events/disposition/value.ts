import { IsIn, IsISO8601, IsString, Matches } from 'class-validator';

import { EventEnvelope } from '../envelope';

/** The only verdict screening remembers: the listed person is not this traveller. */
export const REMEMBERED_VERDICTS = ['FALSE_POSITIVE'] as const;
export type RememberedVerdict = (typeof REMEMBERED_VERDICTS)[number];

/**
 * A remembered disposition (topic `Topic.Dispositions`, compacted, key `dispositionKey`): an
 * analyst found that list entry `listId`/`entryId` at version `entryVersion` is not the traveller
 * with `identityKey`. Screening then records that match with action CLEAR and says why; a new
 * entry version or another identity (birth date, document) revives the hit.
 */
export class Value extends EventEnvelope {
  @IsString() dispositionId!: string;
  @Matches(/^[0-9a-f]{64}$/) identityKey!: string;
  @IsString() listId!: string;
  @IsString() entryId!: string;
  /** The list version that added or last changed the entry (a reason's `source.listVersion`). */
  @IsString() entryVersion!: string;
  @IsIn(REMEMBERED_VERDICTS) verdict!: RememberedVerdict;
  /** Staff token subject of the analyst who decided. */
  @IsString() analyst!: string;
  @IsISO8601() decidedAt!: string;
}
