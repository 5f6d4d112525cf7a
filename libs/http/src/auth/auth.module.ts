import { DynamicModule, Global, Module } from '@nestjs/common';

import { loadEnv } from '@paxscreen/contracts';

import { AuthEnv } from './auth.env';
import { RolesGuard } from './roles.guard';
import { TokenVerifier } from './token';

/** Staff token verification (settings validated at start) and the `@Roles(...)` guard. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const settings = loadEnv(AuthEnv, env);
    return {
      module: AuthModule,
      providers: [{ provide: TokenVerifier, useValue: new TokenVerifier(settings) }, RolesGuard],
      exports: [TokenVerifier, RolesGuard],
    };
  }
}
