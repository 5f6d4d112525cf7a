import { Inject, Injectable } from '@nestjs/common';

import { Audit, envelope, Topic } from '@paxscreen/contracts';
import { ApiError, type Principal } from '@paxscreen/http';
import { KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';

export interface SearchAuditEntry {
  action: Audit.AuditAction;
  target: string;
  outcome: string;
  reason?: string;
  details?: Record<string, string | number | boolean>;
}

/**
 * Every read of the system of record is audited before its answer leaves: the audit record is
 * acknowledged by Kafka (acks = all), from where records itself files it in `audit_events`.
 * When it cannot be written the read is refused (503 AUDIT_UNAVAILABLE): nothing unaudited is
 * shown.
 */
@Injectable()
export class SearchAudit {
  constructor(
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(principal: Principal, requestId: string, entry: SearchAuditEntry): Promise<void> {
    const value: Audit.Value = {
      ...envelope(requestId),
      action: entry.action,
      actor: principal.subject,
      role: principal.roles.join(','),
      target: entry.target,
      outcome: entry.outcome,
      details: { ...entry.details, ...(entry.reason ? { reason: entry.reason } : {}) },
    };
    try {
      await this.producer.send(Topic.Audit, [{ key: principal.subject, value }]);
    } catch (err) {
      this.logger.error({ err }, 'audit record could not be written; refusing the read');
      throw new ApiError(
        503,
        'AUDIT_UNAVAILABLE',
        'the audit record could not be written; nothing was shown',
      );
    }
  }
}
