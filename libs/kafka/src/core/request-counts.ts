import type { Admin, Consumer, Producer } from 'kafkajs';

/** Kafka requests one process has sent, by client and API: `client api` → count. */
const counts = new Map<string, number>();

/** A group or client name without the random suffix of private groups (`…-<uuid>`). */
const UUID_SUFFIX = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function requestClientName(kind: 'producer' | 'consumer' | 'admin', name?: string): string {
  return name ? `${kind}:${name.replace(UUID_SUFFIX, '')}` : kind;
}

/**
 * Counts every request `client` sends to the brokers (kafkajs' `network.request` event, emitted
 * when the broker has answered), under `name` and the request's API (Produce, Fetch,
 * OffsetCommit, Heartbeat, Metadata…): what each consumer and producer costs the broker.
 */
export function countRequests(client: Producer | Consumer | Admin, name: string): void {
  const on = client.on as (event: string, listener: (e: { payload: { apiName: string } }) => void) => void;
  on.call(client, client.events.REQUEST, (e) => {
    const key = `${name} ${e.payload.apiName}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
}

/** What `countRequests` has counted in this process so far. */
export function kafkaRequestCounts(): { client: string; api: string; count: number }[] {
  return [...counts].map(([key, count]) => {
    const at = key.lastIndexOf(' ');
    return { client: key.slice(0, at), api: key.slice(at + 1), count };
  });
}
