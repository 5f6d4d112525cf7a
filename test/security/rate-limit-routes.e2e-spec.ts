import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

import { TestStack } from '../support/stack';

/**
 * Issue 20, item 5: rate limits are keyed on the route the router matched, never on the raw URL,
 * so percent-encoded spellings of a path (`/v1/%6Dessages`, `/v1/%69api`, `/%761/...`) count
 * against the same limit; staff routes are limited too (per token).
 */
const LIMIT = 3;

/** A request sent with its path exactly as written (fetch would normalise some spellings). */
function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; code?: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port: Number(port), method, path, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(body) as { code?: string }).code;
        } catch {
          code = undefined;
        }
        resolve({ status: res.statusCode ?? 0, code });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('security: rate limits on the matched route (issue 20, item 5)', () => {
  const stack = TestStack.create('sec-rate', ['AF', 'BA', 'LH', 'KL'], {
    GATEWAY_RATE_LIMIT: String(LIMIT),
    GATEWAY_STAFF_RATE_LIMIT: String(LIMIT),
    POE_SCREEN_TIMEOUT_MS: '100',
  });
  let gateway: string;

  beforeAll(async () => {
    await stack.start('gateway');
    gateway = await stack.url('gateway');
  });

  afterAll(() => stack.close());

  it.each([
    ['AF', '/v1/%6Dessages/'],
    ['BA', '/%761/messages/'],
    ['LH', '/v1/m%65ssages/'],
  ])('%s: a percent-encoded path counts against the same limit (%s)', async (carrier, spelled) => {
    const headers = { 'x-api-key': stack.keys.get(carrier)! };
    for (let i = 0; i < LIMIT; i++)
      expect((await send(gateway, 'GET', `/v1/messages/${randomUUID()}`, headers)).status).toBe(404);
    expect(await send(gateway, 'GET', `${spelled}${randomUUID()}`, headers)).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    });
  });

  it('limits /v1/%69api like /v1/iapi', async () => {
    const headers = { 'x-api-key': stack.keys.get('KL')!, 'content-type': 'application/json' };
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      statuses.push((await send(gateway, 'POST', '/v1/%69api', headers)).status);
    expect(statuses.slice(0, LIMIT)).not.toContain(429);
    expect(statuses[LIMIT]).toBe(429);
  });

  it('limits staff look-ups per token, however the path is spelt', async () => {
    const headers = { authorization: `Bearer ${await stack.token('officer', 'officer-rate')}` };
    for (let i = 0; i < LIMIT; i++)
      expect((await send(gateway, 'GET', `/v1/poe/documents/FRA/X${i}`, headers)).status).toBe(200);
    expect(await send(gateway, 'GET', '/v1/%70oe/documents/FRA/X9', headers)).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    });
    // Another officer's token has its own budget.
    const other = { authorization: `Bearer ${await stack.token('officer', 'officer-other')}` };
    expect((await send(gateway, 'GET', '/v1/poe/documents/FRA/X1', other)).status).toBe(200);
  });
});
