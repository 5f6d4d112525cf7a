import { forwardedHeaders, proxyTarget } from './upstream-proxy';

const route = { prefix: '/v1/casework', upstream: 'http://127.0.0.1:8086' };

describe('proxyTarget', () => {
  it.each([
    ['/v1/casework/hits?status=NEW&port=SYD', 'http://127.0.0.1:8086/v1/casework/hits?status=NEW&port=SYD'],
    ['/v1/casework/hits/h-1/claim', 'http://127.0.0.1:8086/v1/casework/hits/h-1/claim'],
  ])('passes %s on', (url, expected) => {
    expect(proxyTarget(route, url)?.toString()).toBe(expected);
  });

  it.each([
    '/v1/casework/../records/audit',
    '/v1/casework/%2e%2e/records/audit',
    '/v1/casework/..%2frecords',
    '/v1/casework/x\\..\\y',
    '/v1/caseworkers',
    '//evil.example/v1/casework/hits',
  ])('refuses %s', (url) => {
    expect(proxyTarget(route, url)).toBeNull();
  });
});

describe('forwardedHeaders', () => {
  it('carries the token and content type, never cookies or hop-by-hop headers', () => {
    expect(
      forwardedHeaders({
        authorization: 'Bearer abc',
        'content-type': 'application/json',
        cookie: 'session=1',
        connection: 'keep-alive',
        host: 'workbench',
      }),
    ).toEqual({ authorization: 'Bearer abc', 'content-type': 'application/json' });
  });
});
