import { Controller, Get, Inject, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import type { DashboardView } from '@paxscreen/dashboard';
import { ApiError, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { LiveFeedService } from './live-feed.service';
import { LiveStreamsService } from './live-streams.service';

/**
 * The operators' data, behind a staff token with the operator role. The page reads the stream
 * with fetch() and an Authorization header rather than EventSource: EventSource cannot send
 * headers, and a token in the URL would end up in access logs, proxies and browser history.
 */
@ApiTags('dashboard')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Roles('operator')
@Controller('v1/dashboard')
export class LiveHttpController {
  constructor(
    @Inject(LiveFeedService) private readonly feed: LiveFeedService,
    @Inject(LiveStreamsService) private readonly streams: LiveStreamsService,
  ) {}

  @Get('stream')
  @ApiOperation({ summary: 'Server-sent events: a `snapshot`, then an `update` every DASHBOARD_PUSH_MS' })
  @ApiProduces('text/event-stream')
  stream(@Req() request: StaffRequest, @Res() reply: FastifyReply): void {
    if (this.streams.full) throw new ApiError(503, 'TOO_MANY_STREAMS', 'too many open dashboard streams');
    // The response is written directly from now on; Fastify must not send one of its own.
    reply.hijack();
    this.streams.serve(reply.raw, String(request.id));
  }

  @Get('snapshot')
  @ApiOperation({ summary: 'The whole view once (the same data as the stream’s first event)' })
  snapshot(): DashboardView {
    return this.feed.state.view();
  }
}
