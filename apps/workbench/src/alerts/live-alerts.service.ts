import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { LiveHub } from '@paxscreen/alerts';
import { Alert, decodeEvent, Topic } from '@paxscreen/contracts';
import { KafkaReaders, ReplyListener } from '@paxscreen/kafka';
import { HealthRegistry } from '@paxscreen/observability';

/**
 * Live alerts for the open workbench streams: a private reader that starts at the end of the
 * alerts topic, so every workbench instance pushes every new alert to its own streams (the
 * consumer group, which delivers webhooks and e-mail once, would give each instance only some).
 */
@Injectable()
export class LiveAlertsService implements OnApplicationShutdown {
  readonly hub = new LiveHub();
  private readonly listener: ReplyListener;
  private started = false;

  constructor(@Inject(KafkaReaders) readers: KafkaReaders, @Inject(HealthRegistry) health: HealthRegistry) {
    this.listener = readers.replyListener(
      Topic.Alerts,
      (record) => {
        if (!record.value) return;
        try {
          this.hub.publish(decodeEvent(Alert.Value, record.value));
        } catch {
          // An invalid alert is dead-lettered by the delivery consumer; the bell skips it.
        }
      },
      'workbench-live',
    );
    health.register({ name: 'live-alerts', check: async () => this.started });
  }

  async start(): Promise<void> {
    await this.listener.start();
    this.started = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }
}
