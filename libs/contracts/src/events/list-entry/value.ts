import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Min, ValidateNested } from 'class-validator';

import { Enrolment, LostStolenDocument, WatchlistEntry } from '../../model/watchlist';
import { EventEnvelope } from '../envelope';

abstract class ListEntryEnvelope extends EventEnvelope {
  @IsString() listId!: string;
  /** The list version that added or last changed this entry. */
  @IsString() listVersion!: string;
}

/** Topic `Topic.Watchlist`. */
export class WatchlistValue extends ListEntryEnvelope {
  @ValidateNested() @Type(() => WatchlistEntry) entry!: WatchlistEntry;
}

/** Topic `Topic.Documents`. */
export class DocumentValue extends ListEntryEnvelope {
  @ValidateNested() @Type(() => LostStolenDocument) entry!: LostStolenDocument;
}

/** Topic `Topic.Enrolments`. */
export class EnrolmentValue extends ListEntryEnvelope {
  @ValidateNested() @Type(() => Enrolment) entry!: Enrolment;
}

/** Topic `Topic.Rules`: one rule; its definition is validated by `libs/rules`. */
export class RuleValue extends ListEntryEnvelope {
  @IsString() ruleId!: string;
  @IsInt() @Min(1) revision!: number;
  @IsObject() rule!: Record<string, unknown>;
}
