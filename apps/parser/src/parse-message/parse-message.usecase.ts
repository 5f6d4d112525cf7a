import { Inject, Injectable } from '@nestjs/common';

import { Finding, Header, Receipt, Topic } from '@paxscreen/contracts';
import { EdifactError, mergeParts, ParsedMessage, readMessage } from '@paxscreen/edifact';
import { ConsumedRecord, deadLetterOutput, OutputBatch, OutgoingRecord } from '@paxscreen/kafka';
import { LOGGER, type Logger, Metrics, traceIdOf } from '@paxscreen/observability';
import { ManifestStore, PnrRecord, PnrVault, ReceiptStore } from '@paxscreen/records';

import { eventsOf } from './travellers-of';

/** Findings kept on a receipt (the full report stays on the manifests topic). */
const RECEIPT_FINDINGS = 200;

interface Rejection {
  code: string;
  message: string;
}

/**
 * Reads raw carrier messages: the travellers in chunk records (`TravellerParsed.Chunk`, one per up
 * to `CHUNK_TRAVELLERS`) and a manifest summary for each complete message, multi-part sets assembled across records, a receipt that tells the carrier
 * the outcome, and a dead letter with the original bytes for what cannot be accepted.
 */
@Injectable()
export class ParseMessageUseCase {
  constructor(
    @Inject(ReceiptStore) private readonly receipts: ReceiptStore,
    @Inject(ManifestStore) private readonly manifests: ManifestStore,
    @Inject(PnrVault) private readonly pnrs: PnrVault,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const outputs: OutputBatch[] = [];
    for (const record of records) outputs.push(...(await this.one(record)));
    return outputs;
  }

  private async one(record: ConsumedRecord): Promise<OutputBatch[]> {
    const receiptId = record.headers[Header.ReceiptId] ?? `${record.partition}-${record.offset}`;
    const carrier = record.headers[Header.Carrier] ?? '';
    const receivedAt = Number(record.headers[Header.ReceivedAt]) || undefined;
    const bytes = record.value ?? Buffer.alloc(0);
    // The gateway sends a receipt's bytes again when it never saw Kafka's ack (it crashed, Kafka
    // failed): the same receipt then has two records on one partition, and only the first is read.
    // (Claimed before the batch commits: a re-read of the same record after a crash still matches.)
    if (
      record.headers[Header.ReceiptId] &&
      !(await this.receipts.claimSource(receiptId, `${record.partition}/${record.offset}`))
    ) {
      this.logger.info(
        {
          receiptId,
          partition: record.partition,
          offset: record.offset,
          traceId: traceIdOf(record.headers[Header.TraceParent]),
        },
        'second copy of a receipt skipped',
      );
      return [];
    }
    let messages: ParsedMessage[];
    let interchangeFindings: Finding[];
    try {
      const read = readMessage(bytes);
      messages = read.messages;
      interchangeFindings = read.findings;
    } catch (err) {
      if (err instanceof EdifactError)
        return this.reject(record, receiptId, { code: err.code, message: err.message });
      throw err;
    }
    if (messages.length === 0) {
      return this.reject(record, receiptId, {
        code: 'UNSUPPORTED_MESSAGE',
        message: 'no PAXLST or PNRGOV message in the interchange',
      });
    }
    // Carrier isolation: every reported flight must be the key's carrier, or nothing is screened.
    if (messages.some((m) => m.manifest.carrier !== carrier)) {
      return this.reject(record, receiptId, {
        code: 'CARRIER_MISMATCH',
        message: 'the message reports a flight of another carrier than the submitting key',
      });
    }

    // A cancellation / offload after check-in is an iAPI change: read here as a list, it would
    // screen the travellers as if they had checked in. Refused with a code that says where to send it.
    if (messages.some((m) => m.manifest.travellerStatus)) {
      return this.reject(record, receiptId, {
        code: 'CHANGE_VIA_IAPI',
        message: 'cancellations and offloads after check-in (BGM XR / CLNB) are sent to POST /v1/iapi',
      });
    }

    const complete: ParsedMessage[] = [];
    let waiting = false;
    for (const message of messages) {
      const m = message.multipart;
      if (!m || (m.sequence === 1 && m.final)) {
        complete.push(message);
        continue;
      }
      // A set is one message type's parts (as mergeParts requires): a PNRGOV part under a PAXLST
      // set's reference would otherwise make every later part of that set fail (found by fuzzing).
      const setReference = `${message.messageType}:${m.reference}`;
      const parts = await this.manifests.addPart(carrier, setReference, m.sequence, {
        receiptId,
        receivedAt,
        message,
      });
      const merged = mergeParts(parts.map((p) => p.message as ParsedMessage));
      if (merged.report.findings.some((f) => f.code === 'INCOMPLETE_MULTIPART')) {
        waiting = true;
        continue;
      }
      await this.manifests.dropSet(carrier, setReference);
      complete.push(merged);
      for (const p of parts)
        if (p.receiptId !== receiptId)
          await this.receipts.update(p.receiptId, {
            status: 'PARSED',
            manifestId: merged.manifest.manifestId,
          });
    }

    const outputs = await this.publish(complete, {
      receiptId,
      carrier,
      receivedAt,
      traceparent: record.headers[Header.TraceParent],
    });
    const patch = this.receiptPatch(complete, interchangeFindings, waiting);
    await this.receipts.update(receiptId, patch);
    this.logger.info(
      {
        receiptId,
        traceId: traceIdOf(record.headers[Header.TraceParent]),
        status: patch.status,
        travellerCount: patch.counts?.travellers,
      },
      'message parsed',
    );
    return outputs;
  }

  /** Travellers and summaries of complete messages, each with its manifest version. */
  async publish(
    messages: ParsedMessage[],
    meta: { receiptId: string; carrier: string; receivedAt?: number; traceparent?: string },
  ): Promise<OutputBatch[]> {
    const travellers: OutgoingRecord[] = [];
    const summaries: OutgoingRecord[] = [];
    const pnrRecords: PnrRecord[] = [];
    for (const [i, message] of messages.entries()) {
      const manifestVersion = await this.manifests.versionFor(message.manifest.manifestId, meta.receiptId);
      const events = eventsOf(message, { ...meta, manifestVersion }, i);
      const headers = { [Header.ReceiptId]: meta.receiptId, [Header.Carrier]: meta.carrier };
      // Each chunk goes as the bytes packChunks put together (every traveller serialised once).
      for (const { chunk, bytes } of events.chunks)
        travellers.push({
          key: events.flightKey,
          value: bytes,
          headers: { ...headers, [Header.TraceParent]: chunk.traceparent },
        });
      summaries.push({ key: message.manifest.manifestId, value: events.summary, headers });
      if (message.messageType === 'PNRGOV') {
        const receivedAt = meta.receivedAt ?? Date.now();
        for (const t of message.travellers) {
          pnrRecords.push({
            travellerId: t.travellerId,
            manifestId: message.manifest.manifestId,
            receivedAt,
            masked: false,
            traveller: t,
          });
        }
      }
      this.metrics.travellersParsed.inc({ type: message.messageType }, message.travellers.length);
    }
    // PNR data is also kept, for its retention period, where the masking job can depersonalise it.
    await this.pnrs.putMany(pnrRecords);
    return [
      { topic: Topic.Travellers, records: travellers },
      { topic: Topic.Manifests, records: summaries },
    ];
  }

  receiptPatch(
    complete: ParsedMessage[],
    interchangeFindings: Finding[],
    waiting: boolean,
  ): Partial<Receipt> {
    const findings = [...interchangeFindings, ...complete.flatMap((m) => m.report.findings)];
    const travellers = complete.flatMap((m) => m.travellers);
    const first = complete[0];
    return {
      status: complete.length === 0 && waiting ? 'AWAITING_PARTS' : 'PARSED',
      ...(first ? { messageType: first.messageType, manifestId: first.manifest.manifestId } : {}),
      counts: {
        travellers: travellers.length,
        passengers: travellers.filter((t) => t.role !== 'CREW').length,
        crew: travellers.filter((t) => t.role === 'CREW').length,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      },
      findings: findings.slice(0, RECEIPT_FINDINGS),
    };
  }

  /**
   * The consumer dead-letters a raw message in the parser's stead (it failed on every attempt, or
   * what it would publish is refused): its receipt says so, rather than staying RECEIVED or PARSED.
   */
  async deadLettered(record: ConsumedRecord, why: Rejection): Promise<void> {
    const receiptId = record.headers[Header.ReceiptId];
    if (!receiptId) return;
    this.metrics.messagesRejected.inc({ code: why.code });
    // The carrier reads the receipt: the code, and no internal error text.
    const message =
      why.code === 'OUTPUT_TOO_LARGE'
        ? 'the message is readable, but what it yields is larger than paxscreen accepts; split it into parts'
        : 'the message could not be processed; it is kept for the operators';
    await this.receipts.update(receiptId, { status: 'REJECTED', rejection: { code: why.code, message } });
  }

  private async reject(record: ConsumedRecord, receiptId: string, why: Rejection): Promise<OutputBatch[]> {
    this.metrics.deadLetters.inc({ stage: 'parser', code: why.code });
    this.metrics.messagesRejected.inc({ code: why.code });
    this.logger.warn(
      { receiptId, code: why.code, traceId: traceIdOf(record.headers[Header.TraceParent]) },
      'message rejected',
    );
    await this.receipts.update(receiptId, { status: 'REJECTED', rejection: why });
    return [deadLetterOutput(record, { stage: 'parser', ...why })];
  }
}
