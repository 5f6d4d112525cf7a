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
import {
  HIT_STATUSES,
  type HitDetail,
  type HitNote,
  type HitPage,
  type HitStatus,
  type HitSummary,
  type Lookout,
} from '@paxscreen/contracts';
import { bodyOf, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';
import { InvalidCursorError } from '@paxscreen/records';

import { LookoutHotPath } from '../lookouts/lookout-hot-path.service';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { CaseworkErrorFilter } from './casework-error.filter';
import { DispositionBody, NoteBody, VersionBody } from './hits.dto';
import { actorOf } from './staff';

const MAX_LIMIT = 200;

function limitOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 50;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT)
    throw new CaseworkError(400, 'INVALID_FILTER', `limit is 1 to ${MAX_LIMIT}`);
  return n;
}

function statusesOf(raw: string | undefined): HitStatus[] | undefined {
  if (!raw) return undefined;
  const list = raw.split(',').map((s) => s.trim().toUpperCase());
  const bad = list.filter((s) => !(HIT_STATUSES as readonly string[]).includes(s));
  if (bad.length)
    throw new CaseworkError(400, 'INVALID_FILTER', `status is one or more of ${HIT_STATUSES.join(', ')}`);
  return list as HitStatus[];
}

/** A filter value: short, printable, no wildcards. */
function filterOf(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(raw))
    throw new CaseworkError(400, 'INVALID_FILTER', `${name} is 1-64 of [A-Za-z0-9._:-]`);
  return raw;
}

/**
 * The hit queue and the actions on a hit. Every action is audited in PostgreSQL (hit_actions) in
 * the transaction that makes it, and sent to the audit topic; reads are audited before they are
 * answered, and opening a record (`?open=true`) is audited as RECORD_OPENED.
 */
@ApiTags('casework')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@UseFilters(CaseworkErrorFilter)
@Controller('v1/casework/hits')
export class HitsHttpController {
  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(LookoutHotPath) private readonly hotPath: LookoutHotPath,
  ) {}

  @Get()
  @Roles('analyst', 'supervisor')
  @ApiOperation({ summary: 'The hit queue, most urgent first (keyset pages)' })
  @ApiQuery({
    name: 'status',
    required: false,
    description: 'NEW, IN_REVIEW, DECIDED, CLOSED (comma-separated)',
  })
  @ApiQuery({ name: 'port', required: false, description: 'arrival port' })
  @ApiQuery({ name: 'flight', required: false, description: 'carrier and number, e.g. QF1' })
  @ApiQuery({ name: 'list', required: false })
  @ApiQuery({ name: 'rule', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 200 (default 50)' })
  async list(@Req() req: StaffRequest, @Query() q: Record<string, string | undefined>): Promise<HitPage> {
    let page: HitPage;
    try {
      page = await this.store.list({
        status: statusesOf(q.status),
        port: filterOf(q.port, 'port'),
        flight: filterOf(q.flight, 'flight'),
        list: filterOf(q.list, 'list'),
        rule: filterOf(q.rule, 'rule'),
        cursor: q.cursor,
        limit: limitOf(q.limit),
      });
    } catch (err) {
      if (err instanceof InvalidCursorError) throw new CaseworkError(400, 'INVALID_CURSOR', err.message);
      throw err;
    }
    const filters = Object.entries(q)
      .filter(([k, v]) => v && k !== 'cursor')
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    await this.store.auditRead(actorOf(req), 'CASEWORK_QUEUE', filters || 'all', `${page.items.length} hits`);
    return page;
  }

  @Get(':hitId')
  @Roles('analyst', 'supervisor')
  @ApiOperation({
    summary: 'A hit: reasons side by side, history, notes, co-travellers, lookout (masked unless open=true)',
  })
  @ApiQuery({
    name: 'open',
    required: false,
    description: 'true shows the personal data (audited as RECORD_OPENED)',
  })
  @ApiQuery({
    name: 'reason',
    required: false,
    description: 'why the record is opened (kept in the audit record)',
  })
  async get(
    @Req() req: StaffRequest,
    @Param('hitId') hitId: string,
    @Query('open') open?: string,
    @Query('reason') reason?: string,
  ): Promise<HitDetail> {
    const opening = open === 'true';
    if (!(await this.store.hit(hitId))) throw new CaseworkError(404, 'HIT_NOT_FOUND', 'no such hit');
    // Audited before anything is shown: a failed audit write is a failed read.
    await this.store.auditRead(
      actorOf(req),
      opening ? 'RECORD_OPENED' : 'CASEWORK_HIT_VIEW',
      hitId,
      'shown',
      reason?.slice(0, 500),
    );
    this.relay.kick();
    return this.store.detail(hitId, opening);
  }

  @Post(':hitId/claim')
  @HttpCode(200)
  @Roles('analyst', 'supervisor')
  @ApiOperation({
    summary: 'Claim a hit (exclusive): 409 ALREADY_CLAIMED / STALE_VERSION with the current state',
  })
  async claim(
    @Req() req: StaffRequest,
    @Param('hitId') hitId: string,
    @Body() body: unknown,
  ): Promise<HitSummary> {
    const { version } = bodyOf(VersionBody, body);
    const hit = await this.store.claim(hitId, actorOf(req), version);
    this.relay.kick();
    return summaryOf(hit);
  }

  @Post(':hitId/release')
  @HttpCode(200)
  @Roles('analyst', 'supervisor')
  @ApiOperation({ summary: 'Release a claimed hit back to the queue' })
  async release(
    @Req() req: StaffRequest,
    @Param('hitId') hitId: string,
    @Body() body: unknown,
  ): Promise<HitSummary> {
    const { version } = bodyOf(VersionBody, body);
    const hit = await this.store.release(hitId, actorOf(req), version);
    this.relay.kick();
    return summaryOf(hit);
  }

  @Post(':hitId/notes')
  @HttpCode(201)
  @Roles('analyst', 'supervisor')
  @ApiOperation({ summary: 'Add a note to a hit' })
  async note(
    @Req() req: StaffRequest,
    @Param('hitId') hitId: string,
    @Body() body: unknown,
  ): Promise<HitNote> {
    const { text } = bodyOf(NoteBody, body);
    const note = await this.store.note(hitId, actorOf(req), text);
    this.relay.kick();
    return note;
  }

  @Post(':hitId/disposition')
  @HttpCode(200)
  @Roles('analyst', 'supervisor')
  @ApiOperation({
    summary:
      'Decide a hit: a verdict per reason, an outcome (CLEARED, LOOKOUT, DENY_BOARDING: supervisor, legal basis) and a note',
  })
  async disposition(
    @Req() req: StaffRequest,
    @Param('hitId') hitId: string,
    @Body() body: unknown,
  ): Promise<{ hit: HitSummary; dispositionId: string; lookout?: Lookout }> {
    const input = bodyOf(DispositionBody, body);
    const done = await this.store.dispose(hitId, actorOf(req), input);
    this.relay.kick();
    if (done.lookout) await this.hotPath.publish(done.lookout);
    return {
      hit: summaryOf(done.hit),
      dispositionId: done.disposition.dispositionId,
      ...(done.lookout ? { lookout: done.lookout } : {}),
    };
  }
}
