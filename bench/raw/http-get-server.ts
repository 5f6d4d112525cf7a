/**
 * The floor of an HTTP look-up on this machine: a bare node:http server (no framework, no auth, no
 * audit) that answers `GET /<n>` with the Redis hash of the n-th hot-path key (HGETALL, as the gateway reads it), through the same
 * client library and settings as the gateway. Run by the poe suite as its own process:
 *   node -r @swc-node/register bench/raw/http-get-server.ts <port> <keys file>
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

import { createRedis, redisSettingsFromEnv } from '@paxscreen/redis';

const [portArg, keysFile] = process.argv.slice(2);
const keys = readFileSync(keysFile, 'utf8').split('\n').filter(Boolean);
const redis = createRedis(redisSettingsFromEnv(), 'bench-http-floor');

createServer((req, res) => {
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
}).listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
