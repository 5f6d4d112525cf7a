import { createPublicKey, createSecretKey, type KeyObject } from 'node:crypto';

import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';

import { BoundedMap } from '@paxscreen/contracts';

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

/**
 * `Authorization: Bearer <token>`; the scheme is case-insensitive (RFC 7235 §2.1, RFC 6750). Signed
 * tokens with many claims (roles, groups, posts from an identity provider) run to several thousand
 * characters: up to 8,192 are read (Node's header limit is 16 KiB).
 */
const BEARER = /^bearer +([A-Za-z0-9._-]{16,8192})$/i;

/** Distinct tokens remembered once verified (an officer sends the same token all shift). */
const VERIFIED_CAPACITY = 10_000;

/** Verifies staff bearer tokens (JWT) and turns them into a Principal. */
export class TokenVerifier {
  private readonly key: KeyObject;
  private readonly algorithms: string[];
  /**
   * Tokens whose signature and claims were verified, with their expiry (epoch seconds). A token is
   * immutable, so the same string verifies the same way until it expires: a hit re-checks only the
   * expiry. Spares the signature check (60-90 µs of CPU and a thread-pool hop) on every look-up.
   * The oldest token is forgotten first.
   */
  private readonly verified = new BoundedMap<string, { principal: Principal; exp: number }>(
    VERIFIED_CAPACITY,
  );

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
    const match = authorization ? BEARER.exec(authorization) : null;
    if (!match) throw new TokenError('TOKEN_MISSING', 'a bearer token is required');
    const token = match[1];
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() / 1000 <= known.exp + this.env.AUTH_CLOCK_TOLERANCE_S) return known.principal;
      this.verified.delete(token);
      throw new TokenError('TOKEN_EXPIRED', 'the token has expired');
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        issuer: this.env.AUTH_JWT_ISSUER,
        audience: this.env.AUTH_JWT_AUDIENCE,
        clockTolerance: this.env.AUTH_CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      // jose checks `iat` only for a maximum age: a token issued in the future (a forged or
      // mis-clocked issuer) is refused here, beyond the same clock tolerance as `exp`.
      if (
        typeof payload.iat === 'number' &&
        payload.iat > Date.now() / 1000 + this.env.AUTH_CLOCK_TOLERANCE_S
      )
        throw new TokenError('TOKEN_INVALID', 'the token is issued in the future');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
      const principal: Principal = {
        subject: String(payload.sub),
        roles,
        post: typeof payload.post === 'string' ? payload.post : undefined,
      };
      this.remember(token, principal, payload.exp!);
      return principal;
    } catch (err) {
      if (err instanceof TokenError) throw err;
      if (err instanceof joseErrors.JWTExpired)
        throw new TokenError('TOKEN_EXPIRED', 'the token has expired');
      throw new TokenError('TOKEN_INVALID', 'the token is not valid');
    }
  }

  private remember(token: string, principal: Principal, exp: number): void {
    Object.freeze(principal.roles);
    this.verified.set(token, { principal: Object.freeze(principal), exp });
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
