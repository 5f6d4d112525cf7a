import { Body, Controller, Get, Inject, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { ApiError, bodyOf, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { MrzBody } from './poe.dto';
import { LookupResult, PoeUseCase } from './poe.usecase';

const MAX_MRZ_BYTES = 512;

@ApiTags('port of entry')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/poe')
export class PoeController {
  constructor(@Inject(PoeUseCase) private readonly poe: PoeUseCase) {}

  @Get('documents/:issuer/:number')
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'Current decision for a travel document (issuer + number); on demand without advance data',
  })
  @ApiQuery({
    name: 'dateOfBirth',
    required: false,
    description: 'YYYY-MM-DD, compared with the advance data',
  })
  byDocument(
    @Req() request: StaffRequest,
    @Param('issuer') issuer: string,
    @Param('number') number: string,
    @Query('dateOfBirth') dateOfBirth?: string,
  ): Promise<LookupResult> {
    return this.poe.lookup(
      { issuer, number, dateOfBirth },
      request.principal!,
      String(request.id),
      'document',
    );
  }

  @Post('mrz')
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'Current decision for a scanned machine-readable zone (TD1, TD2 or TD3, check digits verified)',
  })
  @ApiBody({
    description: 'The MRZ lines as scanned, separated by line breaks (text/plain), or JSON { "mrz": "..." }',
  })
  byMrz(@Req() request: StaffRequest, @Body() body: Buffer | undefined): Promise<LookupResult> {
    const raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (raw.length === 0 || raw.length > MAX_MRZ_BYTES)
      throw new ApiError(400, 'INVALID_BODY', `send the MRZ lines (at most ${MAX_MRZ_BYTES} bytes)`);
    const sent = raw.toString('utf8');
    const text = sent.trimStart().startsWith('{') ? bodyOf(MrzBody, raw).mrz : sent;
    return this.poe.lookup(this.poe.parseMrzLines(text), request.principal!, String(request.id), 'mrz');
  }
}
