import { Controller, Get, Header, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { CarriersStore, type Clock, Scorecard, scorecardsCsv } from '@paxscreen/carriers';
import { ApiError, Roles, RolesGuard } from '@paxscreen/http';

import { CLOCK } from '../tokens';
import { periodOf } from './period.query';

const CARRIER = /^[A-Z0-9]{2}[A-Z]?$/;
const STAFF = ['admin', 'supervisor', 'operator'] as const;
const ApiPeriod = () => (target: object, key: string, descriptor: PropertyDescriptor) => {
  ApiQuery({
    name: 'from',
    required: false,
    description: 'first flight day (YYYY-MM-DD; default: 6 days before `to`)',
  })(target, key, descriptor);
  ApiQuery({ name: 'to', required: false, description: 'last flight day (YYYY-MM-DD; default: today)' })(
    target,
    key,
    descriptor,
  );
};

/** Scorecards for agency staff: every carrier's, as JSON or CSV. Counts only, no personal data. */
@ApiTags('carriers')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/carriers')
export class ScorecardsHttpController {
  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async all(query: Record<string, unknown>): Promise<Scorecard[]> {
    const p = periodOf(query, this.clock.now());
    const carriers = p.carrier ? [p.carrier] : await this.store.carriersIn(p.from, p.to);
    return Promise.all(carriers.map((c) => this.store.scorecard(c, p.from, p.to)));
  }

  @Get('scorecards')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Data-quality scorecards of every carrier with flights or messages in the period',
  })
  @ApiPeriod()
  async scorecards(@Query() query: Record<string, unknown>): Promise<{ scorecards: Scorecard[] }> {
    return { scorecards: await this.all(query) };
  }

  @Get('scorecards.csv')
  @Roles(...STAFF)
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="carrier-scorecards.csv"')
  @ApiOperation({ summary: 'The same scorecards as CSV, one row per carrier' })
  @ApiPeriod()
  async csv(@Query() query: Record<string, unknown>): Promise<string> {
    return scorecardsCsv(await this.all(query));
  }

  @Get(':carrier/scorecard')
  @Roles(...STAFF)
  @ApiOperation({ summary: "One carrier's scorecard" })
  @ApiPeriod()
  async one(@Param('carrier') carrier: string, @Query() query: Record<string, unknown>): Promise<Scorecard> {
    if (!CARRIER.test(carrier))
      throw new ApiError(400, 'INVALID_CARRIER', 'a carrier is a 2-3 character airline designator');
    const p = periodOf(query, this.clock.now());
    return this.store.scorecard(carrier, p.from, p.to);
  }
}
