import { Body, Controller, Headers, HttpCode, Inject, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, ValidateNested } from 'class-validator';

import { ApiError, bodyOf, Roles, RolesGuard, type StaffRequest } from '@paxscreen/http';
import type { ListFile } from '@paxscreen/lists';

import { ImportListUseCase, ImportSummary } from './import-list.usecase';

/** File names are only used to recognise formats and in messages: anything odd is refused. */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,127}$/;
const MAX_FILES = 8;

class UploadedFileBody {
  @IsString() name!: string;
  @IsString() contentBase64!: string;
}

/** `application/vnd.paxscreen.files+json`: a set of files forming one list (an OFAC CSV set). */
export class FileSetBody {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FILES)
  @ValidateNested({ each: true })
  @Type(() => UploadedFileBody)
  files!: UploadedFileBody[];
}

function checkName(name: string): string {
  if (!SAFE_FILE_NAME.test(name) || name.includes('..')) {
    throw new ApiError(
      400,
      'UNSAFE_FILE_NAME',
      'file names are 1-128 characters of letters, digits, space and ._()-',
    );
  }
  return name;
}

/** Decodes the upload: one raw file (x-file-name), or a JSON set of files (an OFAC CSV set). */
export function uploadedFiles(
  body: Buffer,
  contentType: string | undefined,
  fileName: string | undefined,
): ListFile[] {
  if (body.length === 0) throw new ApiError(400, 'EMPTY_BODY', 'the upload is empty');
  if (contentType?.startsWith('application/vnd.paxscreen.files+json')) {
    return bodyOf(FileSetBody, body).files.map((f) => ({
      name: checkName(f.name),
      bytes: Buffer.from(f.contentBase64, 'base64'),
    }));
  }
  return [{ name: checkName(fileName ?? 'upload'), bytes: body }];
}

@ApiTags('lists')
@ApiBearerAuth('officer-token')
@UseGuards(RolesGuard)
@Controller('v1/lists')
export class ImportListHttpController {
  constructor(@Inject(ImportListUseCase) private readonly importList: ImportListUseCase) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Import a list version (any supported format, or a rule set); publishes only the changes',
  })
  @ApiConsumes('application/octet-stream', 'application/vnd.paxscreen.files+json')
  @ApiHeader({
    name: 'x-file-name',
    required: false,
    description: 'name of the uploaded file (helps recognise the format)',
  })
  @ApiQuery({ name: 'listId', required: false })
  async upload(
    @Req() request: StaffRequest,
    @Body() body: Buffer | undefined,
    @Headers('content-type') contentType?: string,
    @Headers('x-file-name') fileName?: string,
    @Query('listId') listId?: string,
  ): Promise<ImportSummary> {
    const files = uploadedFiles(Buffer.isBuffer(body) ? body : Buffer.alloc(0), contentType, fileName);
    return this.importList.execute({
      files,
      listId,
      actor: request.principal?.subject ?? 'unknown',
      role: request.principal?.roles.join(',') ?? '',
    });
  }
}
