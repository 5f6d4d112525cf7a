import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { HealthRegistry } from '../core/health';
import { Metrics } from '../core/metrics';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

/** `/metrics` (Prometheus), `/health` (liveness) and `/ready` (Kafka, Redis… answer). */
@ApiExcludeController()
@Controller()
export class ObservabilityController {
  constructor(
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(HealthRegistry) private readonly health: HealthRegistry,
  ) {}

  @Get('metrics')
  async scrape(@Res() reply: ReplyLike): Promise<void> {
    reply
      .status(200)
      .header('content-type', this.metrics.registry.contentType)
      .send(await this.metrics.registry.metrics());
  }

  @Get('health')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() reply: ReplyLike): Promise<void> {
    const report = await this.health.report();
    reply.status(report.status === 'ok' ? 200 : 503).send(report);
  }
}
