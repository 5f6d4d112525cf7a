import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Put,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

import { CarriersStore, type Clock, ExpectedFlightView } from '@paxscreen/carriers';
import {
  Audit,
  CarrierEvent,
  ContractViolation,
  decodeContract,
  envelope,
  Topic,
  validateContract,
} from '@paxscreen/contracts';
import { ApiError, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';
import { KafkaProducer } from '@paxscreen/kafka';

import { periodOf } from '../scorecards/period.query';
import { CLOCK } from '../tokens';

const CARRIER = /^[A-Z0-9]{2}[A-Z]?$/;
const STAFF = ['admin', 'supervisor', 'operator'] as const;

/** A carrier's webhook: HTTPS (HTTP only to localhost, for development) and a shared secret. */
export class WebhookBody {
  @IsOptional()
  @Matches(/^(https:\/\/[^\s]+|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/[^\s]*)?)$/)
  @MaxLength(500)
  url?: string;
  @IsOptional() @IsString() @MinLength(16) @MaxLength(200) secret?: string;
}

/** Expected flights with their obligations, timeliness incidents, and carriers' webhooks (staff). */
@ApiTags('carriers')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1')
export class FlightsHttpController {
  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('flights/expected')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Expected flights of one day (?date=, ?carrier=) and where each obligation stands',
  })
  async expected(@Query() query: Record<string, unknown>): Promise<{ flights: ExpectedFlightView[] }> {
    const date = typeof query.date === 'string' ? query.date : undefined;
    const p = periodOf({ from: date, to: date, carrier: query.carrier }, this.clock.now());
    return { flights: await this.store.expectedFlights(p.to, p.carrier) };
  }

  @Get('carriers/incidents')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'MISSING and LATE incidents of the period (?from=&to=&carrier=), latest state each',
  })
  async incidents(@Query() query: Record<string, unknown>): Promise<{ incidents: CarrierEvent.Value[] }> {
    const p = periodOf(query, this.clock.now());
    return { incidents: await this.store.incidents(p.from, p.to, p.carrier) };
  }

  @Put('carriers/:carrier/webhook')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: "Set (or, without url, remove) a carrier's webhook for its timeliness events" })
  async webhook(
    @Req() request: StaffRequest,
    @Param('carrier') carrier: string,
    @Body() body: unknown,
    @Headers('x-request-id') requestId?: string,
  ): Promise<{ carrier: string; webhook: boolean }> {
    if (!CARRIER.test(carrier))
      throw new ApiError(400, 'INVALID_CARRIER', 'a carrier is a 2-3 character airline designator');
    let parsed: WebhookBody;
    try {
      parsed = Buffer.isBuffer(body)
        ? decodeContract(WebhookBody, body.toString('utf8') || '{}')
        : validateContract(WebhookBody, body);
    } catch (err) {
      if (err instanceof ContractViolation) throw new ApiError(400, 'INVALID_BODY', err.message);
      throw err;
    }
    if (parsed.url && !parsed.secret)
      throw new ApiError(400, 'INVALID_BODY', 'a webhook needs a secret to sign its calls');
    const actor = request.principal?.subject ?? 'unknown';
    const audit: Audit.Value = {
      ...envelope(requestId ?? String(request.id)),
      action: 'CARRIER_WEBHOOK_SET',
      actor,
      role: request.principal?.roles.join(',') ?? '',
      target: carrier,
      outcome: parsed.url ? 'SET' : 'REMOVED',
    };
    await this.producer.send(Topic.Audit, [{ key: actor, value: audit }]);
    await this.store.setWebhook(carrier, parsed.url ?? null, parsed.url ? parsed.secret! : null);
    return { carrier, webhook: Boolean(parsed.url) };
  }
}
