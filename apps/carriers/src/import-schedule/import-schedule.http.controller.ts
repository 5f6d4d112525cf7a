import { Body, Controller, Headers, HttpCode, Inject, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import { FULL_DATE_PATTERN } from '@paxscreen/contracts';
import { ApiError, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';

import { ImportScheduleUseCase, ScheduleImportSummary } from './import-schedule.usecase';

/** File names are only used in the import record: anything odd is refused (as list uploads). */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,127}$/;

@ApiTags('schedules')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/schedules')
export class ImportScheduleHttpController {
  constructor(@Inject(ImportScheduleUseCase) private readonly importSchedule: ImportScheduleUseCase) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Import a schedule (IATA SSIM chapter 7 or CSV) as expected flights' })
  @ApiConsumes('application/octet-stream', 'text/csv', 'text/plain')
  @ApiHeader({ name: 'x-file-name', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'first local departure date kept (YYYY-MM-DD)' })
  @ApiQuery({ name: 'to', required: false, description: 'last local departure date kept (YYYY-MM-DD)' })
  async upload(
    @Req() request: StaffRequest,
    @Body() body: Buffer | undefined,
    @Headers('x-file-name') fileName?: string,
    @Headers('x-request-id') requestId?: string,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<ScheduleImportSummary> {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.length === 0) throw new ApiError(400, 'EMPTY_BODY', 'the upload is empty');
    const name = fileName ?? 'schedule';
    if (!SAFE_FILE_NAME.test(name) || name.includes('..'))
      throw new ApiError(
        400,
        'UNSAFE_FILE_NAME',
        'file names are 1-128 characters of letters, digits, space and ._()-',
      );
    for (const [what, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (value !== undefined && !FULL_DATE_PATTERN.test(value))
        throw new ApiError(400, 'INVALID_QUERY', `${what} is a YYYY-MM-DD date`);
    return this.importSchedule.execute({
      bytes,
      fileName: name,
      actor: request.principal?.subject ?? 'unknown',
      role: request.principal?.roles.join(',') ?? '',
      requestId: requestId ?? String(request.id),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
  }
}
