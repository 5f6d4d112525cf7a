import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { releaseSlot } from '@paxscreen/http';
import { childTraceparent, isTraceparent } from '@paxscreen/observability';

import { CarrierAuthGuard, type CarrierRequest } from '../auth/carrier-auth.guard';
import { IapiUseCase } from './iapi.usecase';

@ApiTags('carriers')
@ApiSecurity('carrier-key')
@UseGuards(CarrierAuthGuard)
@Controller('v1/iapi')
export class IapiController {
  constructor(@Inject(IapiUseCase) private readonly iapi: IapiUseCase) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Interactive API: board / do not board / contact agency, per traveller, now; or a change after check-in (cancelled, offloaded), acknowledged',
  })
  @ApiConsumes('application/json', 'application/edifact')
  @ApiProduces('application/json', 'application/edifact')
  @ApiBody({ description: 'A JSON manifest or a PAXLST interchange with the travellers checking in' })
  async post(
    @Req() request: CarrierRequest,
    @Res() reply: FastifyReply,
    @Body() body: Buffer | undefined,
    @Headers('accept') accept?: string,
  ): Promise<void> {
    const cusres = /application\/edifact/.test(accept ?? '');
    const given = request.headers.traceparent;
    const result = await this.iapi.execute({
      carrier: request.carrier!,
      bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
      cusres,
      traceparent: childTraceparent(isTraceparent(given) ? given : undefined),
      // Read and on the requests topic: the carrier slot goes to the next request while this one
      // waits for screening (bounded by IAPI_MAX_PENDING_TRAVELLERS instead).
      sent: () => releaseSlot(request),
    });
    if (cusres && result.cusres) {
      void reply.status(200).header('content-type', 'application/edifact; charset=utf-8').send(result.cusres);
      return;
    }
    if (result.change) {
      void reply.status(200).send({ requestId: result.requestId, ...result.change });
      return;
    }
    void reply
      .status(200)
      .send({ requestId: result.requestId, timedOut: result.timedOut, answers: result.answers });
  }
}
