import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { ApiError } from '../api-error';
import type { HeaderCheck } from '../before-body';
import { rolesOf } from './roles.guard';
import type { Role } from './roles';
import { TokenError, TokenVerifier } from './token';

/** `/v1/poe` + `documents/:issuer` → `/v1/poe/documents/:issuer`, as Nest registers it with Fastify. */
function joinPath(...parts: (string | undefined)[]): string {
  const path = `/${parts.filter(Boolean).join('/')}`.replace(/\/+/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

/**
 * Every route of the app's controllers that needs a staff role (`@Roles(...)`), as
 * `METHOD /route/pattern` → the roles, read from the same metadata the RolesGuard reads.
 */
export function staffRoutes(app: NestFastifyApplication): Map<string, Role[]> {
  const routes = new Map<string, Role[]>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      const base = Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined;
      const classRoles = rolesOf(type);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const roles = rolesOf(handler) ?? classRoles;
        if (!roles) continue;
        for (const b of [base ?? ''].flat())
          for (const p of [path].flat()) routes.set(`${RequestMethod[method]} ${joinPath(b, p)}`, roles);
      }
    }
  }
  return routes;
}

/**
 * Header checks for every staff route: a valid bearer token holding one of the route's roles,
 * before the body is read (401 / 403 as the RolesGuard answers them, which still runs after).
 */
export function staffChecks(app: NestFastifyApplication): Record<string, HeaderCheck> {
  const verifier = app.get(TokenVerifier);
  const checks: Record<string, HeaderCheck> = {};
  for (const [route, roles] of staffRoutes(app)) {
    checks[route] = async (req) => {
      let roleHeld: boolean;
      try {
        roleHeld = (await verifier.verify(req.headers.authorization)).roles.some((r) => roles.includes(r));
      } catch (err) {
        if (err instanceof TokenError) throw new ApiError(401, err.code, err.message);
        throw err;
      }
      if (!roleHeld)
        throw new ApiError(
          403,
          'FORBIDDEN_ROLE',
          `this endpoint needs one of the roles: ${roles.join(', ')}`,
        );
    };
  }
  return checks;
}
