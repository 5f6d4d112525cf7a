import { createTransport, type Transporter } from 'nodemailer';

import { alertMail } from '../core/alert-mail';
import { SIGNATURE_HEADER, webhookSignature } from '../core/webhook-signature';
import type { PendingDelivery } from './alerts.repository';

/** Sends one delivery; throws (with a message free of personal data) when it did not arrive. */
export interface AlertSender {
  send(delivery: PendingDelivery): Promise<void>;
}

export class DeliveryFailed extends Error {}

/**
 * POSTs the alert as JSON, signed (`x-paxscreen-signature: t=…,v1=…`, see webhook-signature.ts),
 * with the delivery id as an idempotency key (a retry after a lost response is the same delivery).
 * Any answer but 2xx, a timeout or a refused connection is a failed attempt.
 */
export class WebhookSender implements AlertSender {
  constructor(private readonly timeoutMs: number) {}

  async send(delivery: PendingDelivery): Promise<void> {
    const { subscription, alert } = delivery;
    if (!subscription.target || !subscription.secret)
      throw new DeliveryFailed('webhook has no URL or secret');
    const body = JSON.stringify(alert);
    let status: number;
    try {
      const res = await fetch(subscription.target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': delivery.deliveryId,
          [SIGNATURE_HEADER]: webhookSignature(subscription.secret, Math.floor(Date.now() / 1000), body),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (err) {
      throw new DeliveryFailed(`webhook unreachable: ${(err as Error).name}`);
    }
    if (status < 200 || status > 299) throw new DeliveryFailed(`webhook answered HTTP ${status}`);
  }
}

export interface MailSettings {
  /** smtp://host:port or smtps://user:pass@host:port */
  url: string;
  from: string;
  workbenchUrl: string;
  timeoutMs: number;
}

/** Sends the alert's e-mail (alert-mail.ts) through one pooled SMTP transport. */
export class MailSender implements AlertSender {
  private readonly transport: Transporter;

  constructor(private readonly settings: MailSettings) {
    // The URL names the server; `?pool=true` style options are set here instead.
    this.transport = createTransport({
      url: settings.url,
      pool: true,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      // Never log message contents (they are free of personal data, but addresses are staff data).
      logger: false,
    });
  }

  async send(delivery: PendingDelivery): Promise<void> {
    if (!delivery.subscription.target) throw new DeliveryFailed('e-mail subscription has no address');
    const mail = alertMail(delivery.alert, this.settings.workbenchUrl);
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        to: delivery.subscription.target,
        subject: mail.subject,
        text: mail.text,
        headers: { 'x-paxscreen-alert-id': delivery.alert.alertId },
      });
    } catch (err) {
      const code =
        (err as { responseCode?: number; code?: string }).responseCode ?? (err as { code?: string }).code;
      throw new DeliveryFailed(`SMTP refused or unreachable (${code ?? 'error'})`);
    }
  }

  close(): void {
    this.transport.close();
  }
}
