/**
 * The floor of an HTTP look-up on this machine: a bare node:http server (no framework, no auth, no
 * audit) that answers `GET /<n>` with the Redis hash of the n-th hot-path key (HGETALL, as the gateway reads it), through the same
 * client library and settings as the gateway. `GET /loop` answers its event-loop delay since the
 * last `/loop` (p99 and max, ms), as the apps' /metrics do. Its connections are kept and timed
 * out as the apps' are (libs/http serverTimeouts; Node's own keep-alive of 5 s closed the idle
 * ones of a paced client that the gateway kept). Run by the poe suite as its own process:
 *   node -r @swc-node/register bench/raw/http-get-server.ts <port> <keys file>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { loadEnv } from '@paxscreen/contracts';
// Loads Nest and Fastify into the floor's heap too (never called): the timeouts live there.
import { HttpEnv, serverTimeouts } from '@paxscreen/http';
import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';

const [portArg, keysFile] = process.argv.slice(2);
const keys = readFileSync(keysFile, 'utf8').split('\n').filter(Boolean);
const redis = createRedis(redisSettingsFromEnv(), 'bench-http-floor');
// The same resolution as prom-client's default metrics in the apps.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const timeouts = serverTimeouts(loadEnv(HttpEnv));

const server = createServer(
  { connectionsCheckingInterval: timeouts.http.connectionsCheckingInterval },
  (req, res) => {
    if (req.url === '/loop') {
      res.end(JSON.stringify({ loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 }));
      loop.reset();
      return;
    }
    const key = keys[Number(req.url?.slice(1)) % keys.length];
    redis.hgetall(key).then(
      (value) => {
        const found = Object.keys(value).length > 0;
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(found ? JSON.stringify(value) : '{}');
      },
      () => {
        res.writeHead(503);
        res.end();
      },
    );
  },
);
server.keepAliveTimeout = timeouts.keepAliveTimeout;
server.requestTimeout = timeouts.http.requestTimeout;
server.headersTimeout = timeouts.http.headersTimeout;
server.setTimeout(timeouts.connectionTimeout);
server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
