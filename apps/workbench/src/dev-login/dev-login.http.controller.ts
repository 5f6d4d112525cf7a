import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { decodeContract } from '@paxscreen/contracts';
import { ApiError, AuthEnv, issueToken } from '@paxscreen/http';

import { WorkbenchEnv } from '../workbench.env';
import { AUTH_SETTINGS, WORKBENCH_ENV } from '../tokens';

const DEV_ROLES = ['analyst', 'supervisor', 'officer'] as const;

export class DevLoginRequest {
  @IsIn(DEV_ROLES) role!: (typeof DEV_ROLES)[number];
  /** A made-up staff id (never a name). */
  @IsOptional() @Matches(/^[a-z0-9._-]{1,40}$/) subject?: string;
  @IsOptional() @Matches(/^[A-Z]{3}$/) post?: string;
}

/**
 * Development login: a token for a chosen workbench role, signed with the deployment's
 * AUTH_JWT_SECRET. Answers 404 unless WORKBENCH_DEV_LOGIN=true (the demo and the tests); real
 * deployments sign staff in through their identity provider and paste or inject its token.
 */
@ApiTags('workbench')
@Controller('v1/workbench')
export class DevLoginHttpController {
  constructor(
    @Inject(WORKBENCH_ENV) private readonly env: WorkbenchEnv,
    @Inject(AUTH_SETTINGS) private readonly auth: AuthEnv,
  ) {}

  @Post('dev-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only (WORKBENCH_DEV_LOGIN=true): a staff token for a role' })
  async login(@Body() body: Buffer | undefined): Promise<{ token: string; role: string; subject: string }> {
    if (!this.env.WORKBENCH_DEV_LOGIN || !this.auth.AUTH_JWT_SECRET)
      throw new ApiError(404, 'NOT_FOUND', 'development login is not enabled');
    const input = decodeContract(DevLoginRequest, body ?? Buffer.alloc(0));
    const subject = input.subject ?? `dev-${input.role}`;
    const token = await issueToken(this.auth, {
      subject,
      roles: [input.role],
      post: input.post,
      ttlSeconds: 8 * 3600,
    });
    return { token, role: input.role, subject };
  }
}
