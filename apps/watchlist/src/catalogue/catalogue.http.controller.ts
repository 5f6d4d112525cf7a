import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import type { ListVersion } from '@paxscreen/contracts';
import { ApiError, Roles, RolesGuard } from '@paxscreen/http';

import { ListStateService } from '../list-state/list-state.service';

@ApiTags('lists')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/lists')
export class CatalogueHttpController {
  constructor(@Inject(ListStateService) private readonly state: ListStateService) {}

  @Get()
  @Roles('admin', 'operator')
  @ApiOperation({ summary: 'Every list with its current version, entry count and last diff' })
  list(): ListVersion.Value[] {
    return this.state.catalogue();
  }

  @Get(':listId')
  @Roles('admin', 'operator')
  @ApiOperation({ summary: 'The current version of one list' })
  one(@Param('listId') listId: string): ListVersion.Value {
    const version = this.state.latestVersion(listId);
    if (!version) throw new ApiError(404, 'LIST_NOT_FOUND', 'no such list');
    return version;
  }
}
