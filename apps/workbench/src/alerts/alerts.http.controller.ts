import { randomUUID } from 'node:crypto';

import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { NewSubscription, publicSubscription, type Subscription } from '@paxscreen/alerts';
import { decodeContract } from '@paxscreen/contracts';
import { ApiError, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { AlertDeliveryService } from './alert-delivery.service';
import { AlertStreamsService } from './alert-streams.service';

const SUBSCRIPTIONS_PER_USER = 50;

/**
 * Live alerts and alert subscriptions, for the staff who work hits and ports. The page reads the
 * stream with fetch() and an Authorization header (EventSource cannot send one; a token in the URL
 * would end up in logs and history).
 */
@ApiTags('workbench')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Roles('analyst', 'supervisor', 'officer')
@Controller('v1/workbench')
export class AlertsHttpController {
  constructor(
    @Inject(AlertStreamsService) private readonly streams: AlertStreamsService,
    @Inject(AlertDeliveryService) private readonly delivery: AlertDeliveryService,
  ) {}

  @Get('alerts/stream')
  @ApiOperation({
    summary: 'Server-sent events: `recent` (the last alerts you may see), then one `alert` per new alert',
  })
  @ApiProduces('text/event-stream')
  async stream(@Req() request: StaffRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.streams.full) throw new ApiError(503, 'TOO_MANY_STREAMS', 'too many open alert streams');
    const owner = request.principal!.subject;
    const live = (await this.delivery.repository.subscriptionsOf(owner)).filter((s) => s.channel === 'LIVE');
    reply.hijack();
    this.streams.serve(reply.raw, String(request.id), { owner, post: request.principal!.post, live });
  }

  @Get('alert-subscriptions')
  @ApiOperation({ summary: 'Your alert subscriptions (webhook secrets are never shown)' })
  async list(@Req() request: StaffRequest) {
    const mine = await this.delivery.repository.subscriptionsOf(request.principal!.subject);
    return { items: mine.map(publicSubscription) };
  }

  @Post('alert-subscriptions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe to alerts by port and/or list: LIVE (the bell), WEBHOOK (signed) or EMAIL',
  })
  async create(@Req() request: StaffRequest, @Body() body: Buffer | undefined) {
    const input = decodeContract(NewSubscription, body ?? Buffer.alloc(0));
    const owner = request.principal!.subject;
    if (input.channel === 'EMAIL' && !this.delivery.emailEnabled)
      throw new ApiError(400, 'EMAIL_DISABLED', 'no SMTP server is configured (ALERTS_SMTP_URL)');
    const mine = await this.delivery.repository.subscriptionsOf(owner);
    if (mine.length >= SUBSCRIPTIONS_PER_USER)
      throw new ApiError(
        400,
        'TOO_MANY_SUBSCRIPTIONS',
        `at most ${SUBSCRIPTIONS_PER_USER} subscriptions per user`,
      );
    const subscription: Subscription = {
      subscriptionId: randomUUID(),
      owner,
      channel: input.channel,
      ports: input.ports ?? [],
      listIds: input.listIds ?? [],
      kinds: input.kinds ?? [],
      target: input.channel === 'WEBHOOK' ? input.url! : input.channel === 'EMAIL' ? input.email! : null,
      secret: input.channel === 'WEBHOOK' ? input.secret! : null,
      createdAt: new Date().toISOString(),
    };
    await this.delivery.repository.createSubscription(subscription);
    this.refreshLive(owner);
    return publicSubscription(subscription);
  }

  @Delete('alert-subscriptions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one of your alert subscriptions' })
  async remove(@Req() request: StaffRequest, @Param('id') id: string): Promise<void> {
    const owner = request.principal!.subject;
    if (!(await this.delivery.repository.deleteSubscription(owner, id)))
      throw new ApiError(404, 'SUBSCRIPTION_NOT_FOUND', 'you have no subscription with that id');
    this.refreshLive(owner);
  }

  private refreshLive(owner: string): void {
    void this.delivery.repository
      .subscriptionsOf(owner)
      .then((all) =>
        this.streams.subscriptionsChanged(
          owner,
          all.filter((s) => s.channel === 'LIVE'),
        ),
      )
      .catch(() => undefined);
  }
}
