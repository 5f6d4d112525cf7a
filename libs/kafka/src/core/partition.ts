import { Partitioners } from 'kafkajs';

const partitioner = Partitioners.DefaultPartitioner();

/**
 * The partition the producers put a keyed record on, for a topic of `partitions` partitions (the
 * kafkajs default, Java-compatible murmur2 partitioner every paxscreen producer uses). For tests and
 * tools that check which records share a partition.
 */
export function partitionOf(key: string, partitions: number): number {
  return partitioner({
    topic: '',
    partitionMetadata: Array.from({ length: partitions }, (_, partitionId) => ({
      partitionId,
      leader: 0,
      partitionErrorCode: 0,
      replicas: [0],
      isr: [0],
    })),
    message: { key, value: null },
  });
}
