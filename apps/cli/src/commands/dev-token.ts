import { ContractViolation, loadEnv } from '@paxscreen/contracts';
import { AuthEnv, isRole, issueToken, ROLES, type Role } from '@paxscreen/http';

import { CliError, EXIT } from '../cli-error';

export interface DevTokenRequest {
  roles: string[];
  subject: string;
  ttlSeconds: number;
  post?: string;
}

/**
 * Issues a development staff token with the apps' own settings (`AuthEnv`: AUTH_JWT_SECRET,
 * AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE) and signer (`issueToken`), so the apps of the same
 * environment accept it. Kept apart from the command because loading `@paxscreen/http` loads
 * NestJS and Fastify: only `paxscreen token` pays for that.
 */
export async function issueDevToken(env: NodeJS.ProcessEnv, request: DevTokenRequest): Promise<string> {
  let settings: AuthEnv;
  try {
    settings = loadEnv(AuthEnv, env);
  } catch (err) {
    if (err instanceof ContractViolation) throw new CliError('NO_SECRET', err.message, EXIT.USAGE);
    throw err;
  }
  if (settings.AUTH_JWT_PUBLIC_KEY) {
    throw new CliError(
      'PUBLIC_KEY_CONFIGURED',
      'AUTH_JWT_PUBLIC_KEY is set: the apps accept only the identity provider’s tokens, not development ones',
      EXIT.USAGE,
    );
  }
  const unknown = request.roles.filter((r) => !isRole(r));
  if (request.roles.length === 0 || unknown.length > 0) {
    throw new CliError('USAGE', `--role must be one of ${ROLES.join(', ')}`, EXIT.USAGE);
  }
  return issueToken(settings, {
    subject: request.subject,
    roles: request.roles as Role[],
    ttlSeconds: request.ttlSeconds,
    ...(request.post ? { post: request.post } : {}),
  });
}
