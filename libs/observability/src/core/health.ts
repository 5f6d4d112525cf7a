/** A dependency a service needs to be ready (Kafka, Redis, an index caught up…). */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, 'up' | 'down'>;
}

/** Collects the readiness checks the modules of one app register. */
export class HealthRegistry {
  private readonly checks: HealthCheck[] = [];

  register(check: HealthCheck): void {
    this.checks.push(check);
  }

  async report(timeoutMs = 2500): Promise<HealthReport> {
    const results = await Promise.all(
      this.checks.map(async (c) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const ok = await Promise.race([
            c.check(),
            new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
          ]);
          return [c.name, ok ? 'up' : 'down'] as const;
        } catch {
          return [c.name, 'down'] as const;
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(results);
    return { status: results.every(([, s]) => s === 'up') ? 'ok' : 'unavailable', checks };
  }
}
