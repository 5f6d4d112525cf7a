import { readFileSync } from 'node:fs';

import { loadEnv } from '@paxscreen/contracts';
import Redis, { Cluster, type RedisOptions } from 'ioredis';

import { RedisKeys } from './keys';
import { RedisEnv } from './redis.env';

export type RedisClient = Redis | Cluster;

export interface RedisSettings {
  url: string;
  mode: 'single' | 'cluster';
  clusterNodes: string[];
  keys: RedisKeys;
  commandTimeoutMs: number;
  tlsCa?: string;
}

export function redisSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): RedisSettings {
  const e = loadEnv(RedisEnv, env);
  return {
    url: e.REDIS_URL,
    mode: e.REDIS_MODE as 'single' | 'cluster',
    clusterNodes: e.REDIS_CLUSTER_NODES ? e.REDIS_CLUSTER_NODES.split(',') : [],
    keys: new RedisKeys(e.REDIS_KEY_PREFIX),
    commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    tlsCa: e.REDIS_TLS_CA_FILE ? readFileSync(e.REDIS_TLS_CA_FILE, 'utf8') : undefined,
  };
}

/**
 * A single-node or cluster client. Commands fail fast (timeout, no offline queue beyond the
 * reconnect) so that callers can fall back (e.g. port-of-entry look-ups screen on demand).
 */
export function createRedis(settings: RedisSettings, name = 'paxscreen'): RedisClient {
  const common: RedisOptions = {
    connectionName: name,
    commandTimeout: settings.commandTimeoutMs,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    // Concurrent commands share round trips (also across cluster nodes): stores issue plain
    // GET/SET calls in parallel instead of MGET/pipelines that a cluster would refuse across slots.
    enableAutoPipelining: true,
    ...(settings.tlsCa ? { tls: { ca: [settings.tlsCa] } } : {}),
  };
  if (settings.mode === 'cluster') {
    const nodes = (settings.clusterNodes.length ? settings.clusterNodes : [new URL(settings.url).host]).map(
      (n) => {
        const [host, port] = n.split(':');
        return { host, port: Number(port ?? 6379) };
      },
    );
    return new Cluster(nodes, { redisOptions: common, enableOfflineQueue: true });
  }
  return new Redis(settings.url, common);
}

export async function redisAnswers(client: RedisClient): Promise<boolean> {
  try {
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  }
}
