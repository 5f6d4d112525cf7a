import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

import { Alert } from '@paxscreen/contracts';

import { ALERT_CHANNELS, type AlertChannel } from './subscription';

const CODE = /^[A-Z0-9_-]{1,40}$/;

/** `POST /v1/workbench/alert-subscriptions`: what a staff user asks to hear, and where. */
export class NewSubscription {
  @IsIn(ALERT_CHANNELS) channel!: AlertChannel;
  /** Arrival ports (IATA codes); empty = every port. */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(/^[A-Z]{3,5}$/, { each: true }) ports?: string[];
  /** List ids; empty = every list. */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @Matches(CODE, { each: true }) listIds?: string[];
  @IsOptional() @IsArray() @IsIn(Alert.ALERT_KINDS, { each: true }) kinds?: Alert.AlertKind[];
  /** WEBHOOK: the receiver's https (or, inside the agency network, http) URL. */
  @ValidateIf((o: NewSubscription) => o.channel === 'WEBHOOK')
  @IsString()
  @MaxLength(2000)
  @Matches(/^https?:\/\/[^\s@/]+(\/\S*)?$/, { message: 'url must be an http(s) URL without credentials' })
  url?: string;
  /** WEBHOOK: the shared signing secret the receiver checks (x-paxscreen-signature). */
  @ValidateIf((o: NewSubscription) => o.channel === 'WEBHOOK')
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret?: string;
  /** EMAIL: the address alerts are sent to (a team mailbox or the user's own). */
  @ValidateIf((o: NewSubscription) => o.channel === 'EMAIL')
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

/** A subscription as the API shows it: the webhook secret never leaves the server again. */
export function publicSubscription<T extends { secret: string | null }>(
  s: T,
): Omit<T, 'secret'> & { hasSecret: boolean } {
  const { secret, ...rest } = s;
  return { ...rest, hasSecret: secret !== null };
}
