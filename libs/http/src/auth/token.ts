import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';

import { AuthEnv } from './auth.env';
import { isRole, Role } from './roles';

export interface Principal {
  /** Token subject: the officer's or operator's id (never a name). */
  subject: string;
  roles: Role[];
  /** Port or unit the officer works at, when the token says. */
  post?: string;
}

/** Why a token was refused (stable codes for the API). */
export class TokenError extends Error {
  constructor(
    readonly code: 'TOKEN_MISSING' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID',
    message: string,
  ) {
    super(message);
  }
}

const ASYMMETRIC = ['RS256', 'ES256', 'EdDSA', 'PS256'];

/** Verifies staff bearer tokens (JWT) and turns them into a Principal. */
export class TokenVerifier {
  private readonly key: KeyObject;
  private readonly algorithms: string[];

  constructor(private readonly env: AuthEnv) {
    if (env.AUTH_JWT_PUBLIC_KEY) {
      this.key = createPublicKey(env.AUTH_JWT_PUBLIC_KEY);
      this.algorithms = ASYMMETRIC;
    } else {
      this.key = createSecretKey(Buffer.from(env.AUTH_JWT_SECRET, 'utf8'));
      this.algorithms = ['HS256'];
    }
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const match = authorization ? /^Bearer ([A-Za-z0-9._-]{16,4096})$/.exec(authorization) : null;
    if (!match) throw new TokenError('TOKEN_MISSING', 'a bearer token is required');
    try {
      const { payload } = await jwtVerify(match[1], this.key, {
        algorithms: this.algorithms,
        issuer: this.env.AUTH_JWT_ISSUER,
        audience: this.env.AUTH_JWT_AUDIENCE,
        clockTolerance: this.env.AUTH_CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      return {
        subject: String(payload.sub),
        roles,
        post: typeof payload.post === 'string' ? payload.post : undefined,
      };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired)
        throw new TokenError('TOKEN_EXPIRED', 'the token has expired');
      throw new TokenError('TOKEN_INVALID', 'the token is not valid');
    }
  }
}

/**
 * Issues an HS256 staff token (development, tests and the CLI's `token` command; production uses
 * the organisation's identity provider and AUTH_JWT_PUBLIC_KEY).
 */
export async function issueToken(
  env: Pick<AuthEnv, 'AUTH_JWT_SECRET' | 'AUTH_JWT_ISSUER' | 'AUTH_JWT_AUDIENCE'>,
  claims: { subject: string; roles: Role[]; post?: string; ttlSeconds?: number },
): Promise<string> {
  return new SignJWT({ roles: claims.roles, ...(claims.post ? { post: claims.post } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.subject)
    .setIssuer(env.AUTH_JWT_ISSUER)
    .setAudience(env.AUTH_JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttlSeconds ?? 8 * 3600}s`)
    .sign(createSecretKey(Buffer.from(env.AUTH_JWT_SECRET, 'utf8')));
}
