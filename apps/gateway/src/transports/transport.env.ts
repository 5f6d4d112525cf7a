import { IsInt, Matches, Max, Min } from 'class-validator';

/**
 * Ingest beside HTTP (validated at start). Each queue and each folder is bound to one carrier: what
 * arrives there is that carrier's, as a message POSTed with its API key would be.
 */
export class TransportEnv {
  /** AMQP 0-9-1 broker, e.g. `amqp://guest:guest@127.0.0.1:5672`; empty: no queue consumer. */
  @Matches(/^(amqps?:\/\/\S+)?$/, { message: 'GATEWAY_AMQP_URL must be an amqp:// or amqps:// URL' })
  GATEWAY_AMQP_URL = '';
  /** Carrier-bound queues: `CARRIER:queue` pairs, comma-separated (`ZZ:api.zz,DL:pnr.dl`). */
  @Matches(/^([A-Z0-9]{2,3}:[A-Za-z0-9._:-]{1,200})?(,[A-Z0-9]{2,3}:[A-Za-z0-9._:-]{1,200})*$/, {
    message: 'GATEWAY_AMQP_QUEUES must be CARRIER:queue pairs, comma-separated',
  })
  GATEWAY_AMQP_QUEUES = '';
  /** Unacknowledged messages per queue (each is acknowledged once durably in Kafka). */
  @IsInt() @Min(1) @Max(1000) GATEWAY_AMQP_PREFETCH = 16;
  /** Carrier-bound drop folders (a PIU's SFTP landing directories): `CARRIER:/absolute/path` pairs. */
  @Matches(/^([A-Z0-9]{2,3}:\/[^,]*)?(,[A-Z0-9]{2,3}:\/[^,]*)*$/, {
    message: 'GATEWAY_DROP_DIRS must be CARRIER:/absolute/path pairs, comma-separated',
  })
  GATEWAY_DROP_DIRS = '';
  /** How often drop folders are scanned, ms; a file is taken once its size and time are unchanged over one scan. */
  @IsInt() @Min(20) GATEWAY_DROP_POLL_MS = 1000;
}

/** `CARRIER:target` pairs → [carrier, target] (the target may itself contain `:`). */
export function carrierBindings(spec: string): [carrier: string, target: string][] {
  if (!spec) return [];
  return spec.split(',').map((pair) => {
    const at = pair.indexOf(':');
    return [pair.slice(0, at), pair.slice(at + 1)];
  });
}
