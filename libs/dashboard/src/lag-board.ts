/** Committed-offset lag of one partition for one consumer group (null: the group has no commit there). */
export interface PartitionLagReading {
  group: string;
  topic: string;
  partition: number;
  lag: number | null;
}

export interface GroupLag {
  group: string;
  topic: string;
  /** Sum over partitions with a commit; null when none has one yet. */
  total: number | null;
  partitions: { partition: number; lag: number | null }[];
}

export interface LagSample {
  /** Epoch seconds. */
  t: number;
  /** `group topic` → total lag. */
  totals: Record<string, number | null>;
}

export interface LagView {
  groups: GroupLag[];
  series: LagSample[];
  /** Epoch ms of the last successful reading. */
  readAt?: number;
  /** Why the last reading failed (Kafka unreachable…): shown instead of stale numbers going unnoticed. */
  error?: string;
}

export const lagKey = (g: Pick<GroupLag, 'group' | 'topic'>) => `${g.group} ${g.topic}`;

/** Consumer lag per group over the window, from periodic readings of committed offsets. */
export class LagBoard {
  private groups: GroupLag[] = [];
  private samples: LagSample[] = [];
  private readAt?: number;
  private error?: string;

  constructor(private readonly windowSeconds: number) {}

  record(readings: PartitionLagReading[], atMs: number): void {
    const byKey = new Map<string, GroupLag>();
    for (const r of readings) {
      const key = lagKey(r);
      const g = byKey.get(key) ?? { group: r.group, topic: r.topic, total: null, partitions: [] };
      g.partitions.push({ partition: r.partition, lag: r.lag });
      if (r.lag !== null) g.total = (g.total ?? 0) + r.lag;
      byKey.set(key, g);
    }
    for (const g of byKey.values()) g.partitions.sort((a, b) => a.partition - b.partition);
    this.groups = [...byKey.values()].sort((a, b) => lagKey(a).localeCompare(lagKey(b)));
    const t = Math.floor(atMs / 1000);
    this.samples = this.samples.filter((s) => s.t > t - this.windowSeconds && s.t !== t);
    this.samples.push({ t, totals: Object.fromEntries(this.groups.map((g) => [lagKey(g), g.total])) });
    this.readAt = atMs;
    this.error = undefined;
  }

  recordError(message: string): void {
    this.error = message;
  }

  view(): LagView {
    return {
      groups: this.groups,
      series: this.samples,
      ...(this.readAt !== undefined ? { readAt: this.readAt } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }
}
