import type { Command } from 'commander';

import { CliError, EXIT } from '../cli-error';

/** Development tokens are short-lived: an hour by default, a week at most. */
const DEFAULT_TTL_SECONDS = 3600;
const MAX_TTL_SECONDS = 7 * 24 * 3600;
/** Subjects are ids (never names): letters, digits and `._@-`. */
const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;

interface TokenOptions {
  role: string[];
  subject?: string;
  ttl: string;
  post?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',')];

/**
 * `paxscreen token --role admin`: prints a development staff token (JWT, HS256) signed with
 * AUTH_JWT_SECRET, for calling the staff APIs of a local stack. Refuses without a usable secret
 * (exit 64). Production tokens come from the organisation's identity provider.
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('issue a development staff token (JWT) signed with AUTH_JWT_SECRET')
    .option(
      '--role <role>',
      'officer, supervisor, admin or operator (repeatable, or comma-separated)',
      collect,
      [],
    )
    .option('--subject <id>', 'token subject: a staff id, never a name (default: dev-<role>)')
    .option('--ttl <seconds>', 'lifetime in seconds', String(DEFAULT_TTL_SECONDS))
    .option('--post <code>', 'port or unit the officer works at')
    .addHelpText(
      'after',
      `
Environment: AUTH_JWT_SECRET (at least 32 characters, the apps' secret), AUTH_JWT_ISSUER and
AUTH_JWT_AUDIENCE (default paxscreen). Example:
  curl -H "authorization: Bearer $(paxscreen token --role admin)" http://127.0.0.1:8083/v1/lists`,
    )
    .action(async (options: TokenOptions) => {
      if (options.role.length === 0)
        throw new CliError(
          'USAGE',
          '--role is required (officer, supervisor, admin or operator)',
          EXIT.USAGE,
        );
      const ttlSeconds = Number(options.ttl);
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS)
        throw new CliError('USAGE', `--ttl must be 1 to ${MAX_TTL_SECONDS} seconds`, EXIT.USAGE);
      const subject = options.subject ?? `dev-${options.role[0]}`;
      if (!SUBJECT.test(subject))
        throw new CliError('USAGE', '--subject must be an id of letters, digits and ._@-', EXIT.USAGE);
      // Loaded on use: @paxscreen/http brings NestJS and Fastify, which no other command needs. A
      // relative require (not import()) resolves the same from the sources, jest and dist/.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { issueDevToken } = require('./dev-token') as typeof import('./dev-token');
      const token = await issueDevToken(process.env, {
        roles: options.role,
        subject,
        ttlSeconds,
        post: options.post,
      });
      process.stdout.write(`${token}\n`);
    });
}
