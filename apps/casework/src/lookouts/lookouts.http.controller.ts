import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { CaseworkError, CaseworkStore, summaryOf } from '@paxscreen/casework';
import type { HitSummary, Lookout } from '@paxscreen/contracts';
import { bodyOf, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { CaseworkErrorFilter } from '../hits/casework-error.filter';
import { EncounterBody } from '../hits/hits.dto';
import { actorOf } from '../hits/staff';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { LookoutHotPath } from './lookout-hot-path.service';

/** Lookouts for the ports, and the officer's encounter that closes one (and its hit). */
@ApiTags('casework')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@UseFilters(CaseworkErrorFilter)
@Controller('v1/casework/lookouts')
export class LookoutsHttpController {
  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(LookoutHotPath) private readonly hotPath: LookoutHotPath,
  ) {}

  @Get()
  @Roles('officer', 'analyst', 'supervisor')
  @ApiOperation({ summary: "A port's lookouts, newest first (open ones unless status=CLOSED or ALL)" })
  @ApiQuery({ name: 'port', required: false, description: 'arrival port, e.g. SYD' })
  @ApiQuery({ name: 'status', required: false, description: 'OPEN (default), CLOSED or ALL' })
  async list(
    @Req() req: StaffRequest,
    @Query('port') port?: string,
    @Query('status') status?: string,
  ): Promise<{ items: Lookout[] }> {
    if (port !== undefined && !/^[A-Za-z0-9]{3,5}$/.test(port))
      throw new CaseworkError(400, 'INVALID_FILTER', 'port is an IATA or ICAO code');
    const wanted = (status ?? 'OPEN').toUpperCase();
    if (!['OPEN', 'CLOSED', 'ALL'].includes(wanted))
      throw new CaseworkError(400, 'INVALID_FILTER', 'status is OPEN, CLOSED or ALL');
    const items = await this.store.lookouts(
      port,
      wanted === 'ALL' ? undefined : (wanted as 'OPEN' | 'CLOSED'),
      500,
    );
    await this.store.auditRead(
      actorOf(req),
      'LOOKOUT_LIST',
      port?.toUpperCase() ?? 'all',
      `${items.length} lookouts`,
    );
    this.relay.kick();
    return { items };
  }

  @Post(':lookoutId/encounter')
  @HttpCode(200)
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'Record the encounter (POSITIVE, NEGATIVE, MISSED, DID_NOT_BOARD): closes the hit, alerts',
  })
  async encounter(
    @Req() req: StaffRequest,
    @Param('lookoutId') lookoutId: string,
    @Body() body: unknown,
  ): Promise<{ lookout: Lookout; hit: HitSummary }> {
    const { result, note } = bodyOf(EncounterBody, body);
    const done = await this.store.encounter(lookoutId, actorOf(req), result, note);
    this.relay.kick();
    await this.hotPath.withdraw(done.lookout);
    return { lookout: done.lookout, hit: summaryOf(done.hit) };
  }
}
