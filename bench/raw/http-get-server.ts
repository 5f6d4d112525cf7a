/**
 * The floor of an HTTP look-up on this machine: a bare node:http server (no framework, no auth, no
 * audit) that answers `GET /<n>` with the Redis value of the n-th hot-path key, through the same
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
  redis.get(key).then(
    (value) => {
      res.writeHead(value ? 200 : 404, { 'content-type': 'application/json' });
      res.end(value ?? '{}');
    },
    () => {
      res.writeHead(503);
      res.end();
    },
  );
}).listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
