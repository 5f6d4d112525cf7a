import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';

import { ApiError } from '../api-error';
import { Role } from './roles';
import { Principal, TokenError, TokenVerifier } from './token';

const ROLES_KEY = 'paxscreen:roles';

/** Staff endpoints: the bearer token must hold one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The roles a controller or handler was given with `@Roles`, if any. */
export function rolesOf(target: object): Role[] | undefined {
  return Reflect.getMetadata(ROLES_KEY, target) as Role[] | undefined;
}

export interface StaffRequest extends FastifyRequest {
  principal?: Principal;
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const request = context.switchToHttp().getRequest<StaffRequest>();
    try {
      request.principal = await this.verifier.verify(request.headers.authorization);
    } catch (err) {
      if (err instanceof TokenError) throw new ApiError(401, err.code, err.message);
      throw err;
    }
    if (!request.principal.roles.some((r) => allowed.includes(r))) {
      throw new ApiError(
        403,
        'FORBIDDEN_ROLE',
        `this endpoint needs one of the roles: ${allowed.join(', ')}`,
      );
    }
    return true;
  }
}
