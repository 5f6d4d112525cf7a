import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

import {
  DISPOSITION_OUTCOMES,
  type DispositionOutcome,
  ENCOUNTER_RESULTS,
  type EncounterResult,
  REASON_VERDICTS,
  type ReasonVerdict,
} from '@paxscreen/contracts';

/** Body of claim and release: the version the client last saw. */
export class VersionBody {
  @IsInt() @Min(1) version!: number;
}

export class NoteBody {
  @IsString() @MaxLength(4000) text!: string;
}

export class ReasonVerdictBody {
  @IsString() @MaxLength(300) reasonKey!: string;
  @IsIn(REASON_VERDICTS) verdict!: ReasonVerdict;
}

/** A missing note or legal basis is the use case's to refuse (NOTE_REQUIRED, LEGAL_BASIS_REQUIRED). */
export class DispositionBody {
  @IsInt() @Min(1) version!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ReasonVerdictBody) reasons!: ReasonVerdictBody[];
  @IsIn(DISPOSITION_OUTCOMES) outcome!: DispositionOutcome;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @IsOptional() @IsString() @MaxLength(500) legalBasis?: string;
}

export class EncounterBody {
  @IsIn(ENCOUNTER_RESULTS) result!: EncounterResult;
  @IsOptional() @IsString() @MaxLength(4000) note?: string;
}
