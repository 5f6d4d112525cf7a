import { IsIn, IsInt, IsString, Matches, Min } from 'class-validator';

/** Redis settings, read from the environment once at start-up. */
export class RedisEnv {
  /** redis://[user:pass@]host:port[/db] or rediss:// for TLS. */
  @Matches(/^rediss?:\/\/.+/) REDIS_URL = 'redis://127.0.0.1:6379';
  @IsIn(['single', 'cluster']) REDIS_MODE = 'single';
  /** Cluster seed nodes, host:port comma-separated (cluster mode). */
  @Matches(/^([^,\s]+(,[^,\s]+)*)?$/) REDIS_CLUSTER_NODES = '';
  /** Prefix of every key (tests, shared instances). */
  @Matches(/^[a-zA-Z0-9:._-]*$/) REDIS_KEY_PREFIX = '';
  @IsInt() @Min(50) REDIS_COMMAND_TIMEOUT_MS = 1000;
  @IsString() REDIS_TLS_CA_FILE = '';
}
