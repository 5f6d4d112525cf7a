import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { CarrierAdminUseCase } from './carrier-admin.usecase';

@ApiTags('carrier keys (admin)')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Roles('admin')
@Controller('v1/admin/carriers')
export class CarrierAdminController {
  constructor(@Inject(CarrierAdminUseCase) private readonly admin: CarrierAdminUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'Carriers and their keys (key id, prefix, state, created, expires, revoked; never a key)',
  })
  list(@Req() request: StaffRequest) {
    return this.admin.list(request.principal!, String(request.id));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a carrier: { "code": "ZZ", "name": "..." }' })
  @ApiBody({ description: '{ "code": "ZZ", "name": "ZZ Airways" }' })
  add(@Req() request: StaffRequest, @Body() body: Buffer | undefined) {
    return this.admin.addCarrier(body, request.principal!, String(request.id));
  }

  @Post(':code/keys')
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a key for the carrier (the key is in this answer only)' })
  issue(@Req() request: StaffRequest, @Param('code') code: string) {
    return this.admin.issue(code, request.principal!, String(request.id));
  }

  @Post(':code/keys/rotate')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a new key; the keys valid before stay valid for the overlap window, then end',
  })
  @ApiBody({ required: false, description: '{ "overlapHours": 24 } (default CARRIER_KEY_OVERLAP_HOURS)' })
  rotate(@Req() request: StaffRequest, @Param('code') code: string, @Body() body: Buffer | undefined) {
    return this.admin.rotate(code, body, request.principal!, String(request.id));
  }

  @Post(':code/keys/:keyId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key at once' })
  revoke(@Req() request: StaffRequest, @Param('code') code: string, @Param('keyId') keyId: string) {
    return this.admin.revoke(code, keyId, request.principal!, String(request.id));
  }
}
