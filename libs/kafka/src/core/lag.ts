import type { Admin, Kafka } from 'kafkajs';

import { Topic } from '@paxscreen/contracts';

import { KafkaSettings, physicalGroup, physicalTopic } from './settings';

export interface GroupTopics {
  /** Logical group id (`ConsumerGroup`); the deployment prefix is applied here. */
  groupId: string;
  topics: Topic[];
}

export interface PartitionLag {
  group: string;
  topic: Topic;
  partition: number;
  /** Next offset the group will read, or null when it has never committed on this partition. */
  committed: string | null;
  high: string;
  /**
   * high − committed. A partition written by transactions also counts its commit markers, so an
   * idle transactional partition may show 1 (as kafka-consumer-groups.sh does).
   */
  lag: number | null;
}

/**
 * Reads consumer-group lag from committed offsets and high watermarks (the Kafka admin API): unlike a
 * consumer's own gauge, which is only refreshed when it processes a batch, this also shows the lag
 * of a consumer that is stalled or gone.
 */
export class ConsumerLagReader {
  private readonly admin: Admin;
  private connected?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly settings: KafkaSettings,
  ) {
    this.admin = kafka.admin();
  }

  async read(groups: GroupTopics[]): Promise<PartitionLag[]> {
    this.connected ??= this.admin.connect().catch((err: unknown) => {
      this.connected = undefined;
      throw err;
    });
    await this.connected;
    const highs = new Map<Topic, Map<number, string>>();
    for (const topic of new Set(groups.flatMap((g) => g.topics))) {
      const offsets = await this.admin.fetchTopicOffsets(physicalTopic(this.settings, topic));
      highs.set(topic, new Map(offsets.map((o) => [o.partition, o.high])));
    }
    const out: PartitionLag[] = [];
    for (const group of groups) {
      const committed = await this.admin.fetchOffsets({
        groupId: physicalGroup(this.settings, group.groupId),
        topics: group.topics.map((t) => physicalTopic(this.settings, t)),
      });
      for (const [i, topic] of group.topics.entries()) {
        const byPartition = new Map(
          (committed[i]?.partitions ?? []).map((p) => [p.partition, p.offset] as const),
        );
        for (const [partition, high] of highs.get(topic) ?? []) {
          const offset = byPartition.get(partition);
          const known = offset !== undefined && BigInt(offset) >= 0n;
          const lag = known ? BigInt(high) - BigInt(offset) : null;
          out.push({
            group: group.groupId,
            topic,
            partition,
            committed: known ? offset : null,
            high,
            lag: lag === null ? null : Number(lag < 0n ? 0n : lag),
          });
        }
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
    this.connected = undefined;
  }
}
