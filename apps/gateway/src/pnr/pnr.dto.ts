import { IsOptional, IsString } from 'class-validator';

/** Body of an unmasking. A missing or short reason is the use case's to refuse (REASON_REQUIRED). */
export class UnmaskBody {
  @IsOptional() @IsString() reason?: string;
}
