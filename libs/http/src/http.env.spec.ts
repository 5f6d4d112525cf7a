import { loadEnv } from '@paxscreen/contracts';

import { HttpEnv, serverTimeouts } from './http.env';

describe('serverTimeouts', () => {
  it.each([
    // request, headers, connection → headers timeout used, checking interval
    [{}, 10_000, 5_000],
    [{ HTTP_REQUEST_TIMEOUT_MS: '1000' }, 1_000, 250],
    [{ HTTP_REQUEST_TIMEOUT_MS: '200', HTTP_HEADERS_TIMEOUT_MS: '150' }, 150, 50],
    [{ HTTP_REQUEST_TIMEOUT_MS: '100' }, 100, 25],
  ])('%j → headers %i ms, checked every %i ms', (env, headers, interval) => {
    const t = serverTimeouts(loadEnv(HttpEnv, env));
    expect(t.http.headersTimeout).toBe(headers);
    expect(t.http.connectionsCheckingInterval).toBe(interval);
    expect(t.http.requestTimeout).toBe(t.requestTimeout);
    expect(t.http.headersTimeout).toBeLessThanOrEqual(t.requestTimeout);
  });

  it.each([
    [{}, 59_000],
    [{ HTTP_CONNECTION_TIMEOUT_MS: '120000' }, 72_000],
    [{ HTTP_CONNECTION_TIMEOUT_MS: '500' }, 1],
  ])('%j → kept alive %i ms, never as long as the idle-connection timeout', (env, keepAlive) => {
    const t = serverTimeouts(loadEnv(HttpEnv, env));
    expect(t.keepAliveTimeout).toBe(keepAlive);
    expect(t.keepAliveTimeout).toBeLessThan(t.connectionTimeout);
  });

  it('refuses a timeout below 100 ms, naming the variable', () => {
    expect(() => loadEnv(HttpEnv, { HTTP_REQUEST_TIMEOUT_MS: '5' })).toThrow(/HTTP_REQUEST_TIMEOUT_MS/);
  });
});
