import { Controller, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CarriersStore, type Clock, Scorecard } from '@paxscreen/carriers';
import { CarrierEvent } from '@paxscreen/contracts';
import { ApiError, CarrierAuthGuard, type CarrierRequest } from '@paxscreen/http';

import { CLOCK } from '../tokens';
import { periodOf } from './period.query';

/**
 * The carrier's own view (API key): its scorecard and its timeliness incidents. Another carrier's
 * figures are 404, as another carrier's receipt is: nothing says whether they exist.
 */
@ApiTags('carrier')
@ApiHeader({ name: 'x-api-key', required: true })
@UseGuards(CarrierAuthGuard)
@Controller('v1/carrier')
export class CarrierScorecardHttpController {
  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private own(req: CarrierRequest, carrier: string): string {
    if (carrier !== req.carrier) throw new ApiError(404, 'NOT_FOUND', 'no such scorecard');
    return carrier;
  }

  @Get('scorecards/:carrier')
  @ApiOperation({ summary: 'Your data-quality scorecard for a period (?from=&to=, flight days)' })
  async scorecard(
    @Req() req: CarrierRequest,
    @Param('carrier') carrier: string,
    @Query() query: Record<string, unknown>,
  ): Promise<Scorecard> {
    const own = this.own(req, carrier);
    const p = periodOf({ ...query, carrier: undefined }, this.clock.now());
    return this.store.scorecard(own, p.from, p.to);
  }

  @Get('incidents/:carrier')
  @ApiOperation({ summary: 'Your MISSING and LATE submissions for a period, each in its latest state' })
  async incidents(
    @Req() req: CarrierRequest,
    @Param('carrier') carrier: string,
    @Query() query: Record<string, unknown>,
  ): Promise<{ incidents: CarrierEvent.Value[] }> {
    const own = this.own(req, carrier);
    const p = periodOf({ ...query, carrier: undefined }, this.clock.now());
    return { incidents: await this.store.incidents(p.from, p.to, own) };
  }
}
