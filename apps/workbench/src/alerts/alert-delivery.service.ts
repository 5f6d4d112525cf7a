import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Kysely } from 'kysely';

import {
  AlertDelivery,
  type AlertSender,
  type AlertsDatabase,
  AlertsRepository,
  MailSender,
  type PendingDelivery,
  WebhookSender,
} from '@paxscreen/alerts';
import { Alert, Header, Topic } from '@paxscreen/contracts';
import { deadLetterOutput, KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger, PeriodicTask } from '@paxscreen/observability';
import { DATABASE } from '@paxscreen/postgres';

import { WorkbenchEnv } from '../workbench.env';
import { WORKBENCH_ENV } from '../tokens';

/**
 * Webhook and e-mail delivery (libs/alerts `AlertDelivery`) wired to PostgreSQL, the SMTP server,
 * the dead-letter topic and a retry poller. A delivery that fails its last attempt is written to
 * the dead-letter topic with the alert's bytes and the receiver's last answer (no personal data).
 */
@Injectable()
export class AlertDeliveryService implements OnApplicationShutdown {
  readonly repository: AlertsRepository;
  readonly delivery: AlertDelivery;
  private readonly mail?: MailSender;
  private readonly retries: PeriodicTask;

  constructor(
    @Inject(DATABASE) db: Kysely<AlertsDatabase>,
    @Inject(WORKBENCH_ENV) env: WorkbenchEnv,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.repository = new AlertsRepository(db);
    const senders: Record<string, AlertSender> = { WEBHOOK: new WebhookSender(env.ALERTS_SEND_TIMEOUT_MS) };
    if (env.ALERTS_SMTP_URL) {
      this.mail = new MailSender({
        url: env.ALERTS_SMTP_URL,
        from: env.ALERTS_MAIL_FROM,
        workbenchUrl: env.WORKBENCH_PUBLIC_URL,
        timeoutMs: env.ALERTS_SEND_TIMEOUT_MS,
      });
      senders.EMAIL = this.mail;
    }
    this.delivery = new AlertDelivery({
      repository: this.repository,
      senders,
      backoff: {
        maxAttempts: env.ALERTS_MAX_ATTEMPTS,
        baseDelayMs: env.ALERTS_RETRY_BASE_MS,
        maxDelayMs: env.ALERTS_RETRY_MAX_MS,
      },
      leaseMs: env.ALERTS_LEASE_MS,
      onDead: (d, reason) => this.deadLetter(d, reason),
      onOutcome: (d, o) => {
        if (o.result !== 'DELIVERED')
          this.logger.warn(
            { alertId: d.alert.alertId, subscriptionId: d.subscription.subscriptionId, ...o },
            'alert delivery failed',
          );
      },
    });
    this.retries = new PeriodicTask({
      name: 'alert retry poll',
      everyMs: env.ALERTS_POLL_MS,
      tick: () => this.delivery.retryDue(),
      logger,
    });
  }

  get emailEnabled(): boolean {
    return this.mail !== undefined;
  }

  start(): void {
    this.retries.start();
  }

  private async deadLetter(d: PendingDelivery, reason: string): Promise<void> {
    const output = deadLetterOutput(
      {
        topic: Topic.Alerts,
        partition: d.sourcePartition,
        offset: d.sourceOffset,
        key: Alert.key(d.alert),
        value: Buffer.from(JSON.stringify(d.alert)),
        headers: { [Header.ReceiptId]: d.alert.correlationId },
        timestamp: Date.parse(d.alert.createdAt),
      },
      {
        stage: 'workbench',
        code: `ALERT_${d.subscription.channel}_UNDELIVERED`,
        message: `subscription ${d.subscription.subscriptionId}: ${reason}`,
      },
    );
    await this.producer.sendMany([output]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.retries.stop();
    await this.delivery.drain();
    this.mail?.close();
  }
}
