import { Topic } from '@paxscreen/contracts';
import { ApiError } from '@paxscreen/http';
import type { KafkaProducer } from '@paxscreen/kafka';
import type { Logger } from '@paxscreen/observability';

import { AuditLog, type AuditEntry } from './audit-log';

const logger = { error: () => undefined } as unknown as Logger;
const ENTRY: AuditEntry = {
  action: 'PNR_UNMASK',
  actor: 'supervisor-7',
  role: 'supervisor',
  target: 'pnr:t-1',
  outcome: 'UNMASKED',
  details: { reason: 'court order 2026/117' },
};

describe('AuditLog.recordNow (audited before anything is revealed)', () => {
  it('resolves once the record is sent to the audit topic', async () => {
    const sent: { topic: Topic; value: unknown }[] = [];
    const producer = {
      send: (topic: Topic, records: { value: unknown }[]) => {
        sent.push(...records.map((r) => ({ topic, value: r.value })));
        return Promise.resolve();
      },
    } as unknown as KafkaProducer;
    await new AuditLog(producer, logger).recordNow(ENTRY, 'req-1');
    expect(sent).toEqual([
      { topic: Topic.Audit, value: expect.objectContaining({ ...ENTRY, correlationId: 'req-1' }) as unknown },
    ]);
  });

  it('refuses with 503 AUDIT_UNAVAILABLE when Kafka does not take the record', async () => {
    const producer = {
      send: () => Promise.reject(new Error('Connection error')),
    } as unknown as KafkaProducer;
    const attempt = new AuditLog(producer, logger).recordNow(ENTRY, 'req-2');
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  });
});
