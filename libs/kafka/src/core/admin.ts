import { Topic } from '@paxscreen/contracts';
import type { Admin, ITopicConfig } from 'kafkajs';

import { KafkaSettings, physicalTopic } from './settings';

/** The topic configuration paxscreen wants for one topic spec. */
export function topicConfig(settings: KafkaSettings, topic: Topic): ITopicConfig {
  const spec = settings.topics.find((s) => s.topic === topic);
  if (!spec) throw new Error(`no topic spec for ${topic}`);
  const configEntries = spec.compacted
    ? [
        { name: 'cleanup.policy', value: 'compact' },
        // Tombstones stay a day so that a reader catching up still sees removals.
        { name: 'delete.retention.ms', value: String(24 * 60 * 60 * 1000) },
        { name: 'min.compaction.lag.ms', value: '0' },
      ]
    : [
        { name: 'cleanup.policy', value: 'delete' },
        { name: 'retention.ms', value: String(spec.retentionMs) },
      ];
  return {
    topic: physicalTopic(settings, topic),
    numPartitions: spec.partitions,
    replicationFactor: settings.replicationFactor,
    // The largest record the topic takes (libs/contracts): producers check against the same figure.
    configEntries: [...configEntries, { name: 'max.message.bytes', value: String(spec.maxMessageBytes) }],
  };
}

/**
 * Creates every v1 topic that does not exist yet and brings retention of existing ones in line with
 * the settings. Idempotent: every app calls it at start; the first one wins.
 */
export async function ensureTopics(admin: Admin, settings: KafkaSettings): Promise<void> {
  const wanted = settings.topics.map((s) => topicConfig(settings, s.topic));
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    } catch (err) {
      // Another app created them concurrently: fine, as long as they now exist.
      const now = new Set(await admin.listTopics());
      if (missing.some((t) => !now.has(t.topic))) throw err;
    }
  }
  const present = wanted.filter((t) => existing.has(t.topic));
  if (present.length > 0) {
    await admin.alterConfigs({
      validateOnly: false,
      resources: present.map((t) => ({
        type: 2 /* ConfigResourceTypes.TOPIC */,
        name: t.topic,
        configEntries: t.configEntries ?? [],
      })),
    });
  }
}
