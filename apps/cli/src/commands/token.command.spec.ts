import { TokenVerifier } from '@paxscreen/http';

import { CliError, EXIT } from '../cli-error';
import { runCommand } from '../run-command.fixture';
import { registerTokenCommand } from './token.command';

const SECRET = 'cli-test-secret-for-staff-tokens-0123456789';
const AUTH = { AUTH_JWT_ISSUER: 'paxscreen', AUTH_JWT_AUDIENCE: 'paxscreen', AUTH_CLOCK_TOLERANCE_S: 5 };
const verifier = new TokenVerifier({ ...AUTH, AUTH_JWT_SECRET: SECRET, AUTH_JWT_PUBLIC_KEY: '' });

async function token(env: Record<string, string>, ...args: string[]) {
  const saved = { ...process.env };
  for (const key of ['AUTH_JWT_SECRET', 'AUTH_JWT_PUBLIC_KEY']) delete process.env[key];
  Object.assign(process.env, env);
  try {
    return await runCommand(registerTokenCommand, ['token', ...args]);
  } finally {
    process.env = saved;
  }
}

describe('paxscreen token', () => {
  it('prints a token the apps accept, with the roles and subject asked for', async () => {
    const { out } = await token(
      { AUTH_JWT_SECRET: SECRET },
      '--role',
      'admin',
      '--role',
      'officer,supervisor',
    );
    const principal = await verifier.verify(`Bearer ${out.trim()}`);
    expect(principal).toMatchObject({ subject: 'dev-admin', roles: ['admin', 'officer', 'supervisor'] });
  });

  it('--subject, --post and --ttl go into the token', async () => {
    const { out } = await token(
      { AUTH_JWT_SECRET: SECRET },
      '--role',
      'officer',
      '--subject',
      'officer-42',
      '--post',
      'SYD',
      '--ttl',
      '60',
    );
    expect(await verifier.verify(`Bearer ${out.trim()}`)).toEqual({
      subject: 'officer-42',
      roles: ['officer'],
      post: 'SYD',
    });
    const claims = JSON.parse(Buffer.from(out.split('.')[1], 'base64url').toString('utf8')) as {
      exp: number;
      iat: number;
    };
    expect(claims.exp - claims.iat).toBe(60);
  });

  it.each([
    ['no secret', {}, ['--role', 'admin'], 'NO_SECRET', /AUTH_JWT_SECRET must be at least 32 characters/],
    ['a short secret', { AUTH_JWT_SECRET: 'short' }, ['--role', 'admin'], 'NO_SECRET', /at least 32/],
    [
      'a public key configured',
      { AUTH_JWT_SECRET: SECRET, AUTH_JWT_PUBLIC_KEY: 'x' },
      ['--role', 'admin'],
      'PUBLIC_KEY_CONFIGURED',
      /identity provider/,
    ],
    [
      'an unknown role',
      { AUTH_JWT_SECRET: SECRET },
      ['--role', 'root'],
      'USAGE',
      /officer, supervisor, admin, operator/,
    ],
    ['a long ttl', { AUTH_JWT_SECRET: SECRET }, ['--role', 'admin', '--ttl', '9999999'], 'USAGE', /--ttl/],
    [
      'a name as subject',
      { AUTH_JWT_SECRET: SECRET },
      ['--role', 'admin', '--subject', 'Jane Doe'],
      'USAGE',
      /--subject/,
    ],
  ])('refuses %s (exit 64)', async (_label, env, args, code, message) => {
    const err = await token(env, ...args).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({ code, exitCode: EXIT.USAGE });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain(SECRET);
  });

  it('requires --role', async () => {
    const err = await token({ AUTH_JWT_SECRET: SECRET }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'USAGE', exitCode: EXIT.USAGE, message: /--role is required/ });
  });
});
