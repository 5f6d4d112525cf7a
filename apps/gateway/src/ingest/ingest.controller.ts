import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';

import { Receipt } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import { childTraceparent, isTraceparent } from '@paxscreen/observability';
import { ReceiptStore } from '@paxscreen/records';

import { CarrierAuthGuard, type CarrierRequest } from '../auth/carrier-auth.guard';
import { SubmitMessageUseCase } from './submit-message.usecase';

const RECEIPT_ID = /^[0-9a-f-]{36}$/;

@ApiTags('carriers')
@ApiSecurity('carrier-key')
@UseGuards(CarrierAuthGuard)
@Controller('v1/messages')
export class IngestController {
  constructor(
    @Inject(SubmitMessageUseCase) private readonly submit: SubmitMessageUseCase,
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit a PAXLST / PNRGOV interchange or a JSON manifest' })
  @ApiConsumes('application/edifact', 'text/plain', 'application/json', 'application/octet-stream')
  @ApiBody({ description: 'The message bytes exactly as produced by the carrier system' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiResponse({ status: 202, description: 'Durably accepted; the receipt tells the parsing outcome later' })
  async post(
    @Req() request: CarrierRequest,
    @Body() body: Buffer | undefined,
    @Headers('idempotency-key') idempotencyKey?: string,
    @Headers('traceparent') traceparent?: string,
  ): Promise<{ receiptId: string; status: string; repeated: boolean }> {
    const { receipt, repeated } = await this.submit.execute({
      carrier: request.carrier!,
      bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
      idempotencyKey,
      requestId: String(request.id),
      traceparent: childTraceparent(isTraceparent(traceparent) ? traceparent : undefined),
    });
    return { receiptId: receipt.receiptId, status: receipt.status, repeated };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, counts and data-quality findings of a submitted message' })
  async get(@Req() request: CarrierRequest, @Param('id') id: string): Promise<Receipt> {
    const receipt = RECEIPT_ID.test(id) ? await this.receipts.get(id) : undefined;
    // Another carrier's receipt is answered exactly like a missing one: its existence is not disclosed.
    if (!receipt || receipt.carrier !== request.carrier)
      throw new ApiError(404, 'RECEIPT_NOT_FOUND', 'no such receipt');
    return receipt;
  }
}
