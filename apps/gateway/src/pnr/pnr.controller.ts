import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { bodyOf, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { UnmaskBody } from './pnr.dto';
import { PnrUseCase, PnrView } from './pnr.usecase';

@ApiTags('port of entry')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/pnr')
export class PnrController {
  constructor(@Inject(PnrUseCase) private readonly pnr: PnrUseCase) {}

  @Get(':travellerId')
  @Roles('officer', 'supervisor')
  @ApiOperation({
    summary: 'A PNR-derived traveller record: clear while young, masked after the masking age',
  })
  view(@Req() request: StaffRequest, @Param('travellerId') travellerId: string): Promise<PnrView> {
    return this.pnr.view(travellerId, request.principal!, String(request.id));
  }

  @Post(':travellerId/unmask')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({
    summary: 'Re-personalise a masked PNR record (supervisors; a reason is required and audited)',
  })
  unmask(
    @Req() request: StaffRequest,
    @Param('travellerId') travellerId: string,
    @Body() body: Buffer | undefined,
  ): Promise<PnrView> {
    const { reason } = bodyOf(UnmaskBody, body);
    return this.pnr.unmask(travellerId, reason, request.principal!, String(request.id));
  }
}
