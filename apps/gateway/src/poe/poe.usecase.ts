import { createHash } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import {
  canonicalCode,
  canonicalDocumentNumber,
  Decision,
  Finding,
  FULL_DATE_PATTERN,
  Gender,
  type Lookout,
  Traveller,
} from '@paxscreen/contracts';
import { MrzError, readMrzDocument } from '@paxscreen/edifact';
import { ApiError, Principal } from '@paxscreen/http';
import { LOGGER, type Logger, Metrics } from '@paxscreen/observability';
import { RecordsReader } from '@paxscreen/records';
import { DecisionStore, HotPathEntry, LookoutStore } from '@paxscreen/redis';
import { answerForDocument, type DocumentAnswer } from '@paxscreen/screening';

import { AuditLog } from '../audit/audit-log';
import { GatewayEnv } from '../gateway.env';
import { IapiClient } from '../iapi/iapi.client';
import { GATEWAY_ENV } from '../tokens';

export interface DocumentQuery {
  issuer: string;
  number: string;
  dateOfBirth?: string;
  /** From a scanned MRZ: what on-demand screening can use. */
  holder?: {
    surname: string;
    givenNames: string;
    dateOfBirth?: string;
    nationality?: string;
    gender: Gender;
    expiry?: string;
    type: string;
  };
}

export interface LookupResult {
  /** Open casework lookouts on this document (an analyst asks the port to refer): shown first. */
  lookouts?: Lookout[];
  /** True when the carrier sent advance data and screening decided on it. */
  advanceData: boolean;
  note?: string;
  /** Whether the birth date asked for agrees with the advance data (when one was given). */
  dateOfBirthMatches?: boolean;
  decision?: Decision;
  subject?: HotPathEntry['subject'];
  flight?: HotPathEntry['flight'];
  manifestId?: string;
  /** The carrier cancelled or offloaded this traveller after check-in (iAPI change), and when. */
  travellerStatus?: HotPathEntry['travellerStatus'];
  /**
   * The document's other current decisions (other flights or manifests), most severe first: the
   * answer above is the most severe of all.
   */
  otherDecisions?: { manifestId: string; flight: HotPathEntry['flight']; outcome: Decision['outcome'] }[];
  /** What the advance data says is wrong, e.g. DOCUMENT_CONFLICT (one document, two identities). */
  findings?: Finding[];
  /** Set when no decision could be had in time: the officer must refer. */
  unavailable?: string;
}

const DOC_NUMBER = /^[A-Z0-9<]{1,20}$/;
const ISSUER = /^(D|[A-Z]{3})$/;

/**
 * Port-of-entry look-ups: the current decision for a document from the Redis hot path; without
 * advance data (or when Redis is unavailable) the traveller is screened on demand. Every look-up is
 * audited.
 */
@Injectable()
export class PoeUseCase {
  constructor(
    @Inject(DecisionStore) private readonly decisions: DecisionStore,
    @Inject(RecordsReader) private readonly records: RecordsReader,
    @Inject(LookoutStore) private readonly lookouts: LookoutStore,
    @Inject(IapiClient) private readonly screening: IapiClient,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  /** A scanned MRZ (read and checked by libs/edifact) as a look-up; 422 when it cannot be used. */
  parseMrzLines(text: string): DocumentQuery {
    let doc;
    try {
      doc = readMrzDocument(text);
    } catch (err) {
      if (!(err instanceof MrzError)) throw err;
      throw new ApiError(
        422,
        err.code,
        err.message,
        err.code === 'MRZ_CHECK_DIGIT' ? { fields: err.fields } : undefined,
      );
    }
    return {
      issuer: doc.issuer,
      number: doc.number,
      dateOfBirth: doc.dateOfBirth,
      holder: {
        surname: doc.surname,
        givenNames: doc.givenNames,
        dateOfBirth: doc.dateOfBirth,
        nationality: doc.nationality,
        gender: doc.gender,
        expiry: doc.expiry,
        type: doc.type,
      },
    };
  }

  async lookup(
    query: DocumentQuery,
    who: Principal,
    requestId: string,
    via: 'document' | 'mrz',
  ): Promise<LookupResult> {
    // The hot path is keyed by the canonical form: look-alike characters typed or scanned meet it.
    const issuer = canonicalCode(query.issuer);
    const number = canonicalDocumentNumber(query.number);
    if (!ISSUER.test(issuer))
      throw new ApiError(400, 'INVALID_ISSUER', 'issuer must be an ISO 3166-1 alpha-3 or ICAO code');
    if (!DOC_NUMBER.test(number))
      throw new ApiError(400, 'INVALID_DOCUMENT_NUMBER', 'document numbers are 1-20 letters and digits');
    if (query.dateOfBirth !== undefined && !FULL_DATE_PATTERN.test(query.dateOfBirth)) {
      throw new ApiError(400, 'INVALID_DATE_OF_BIRTH', 'dateOfBirth must be YYYY-MM-DD');
    }
    // Decisions and lookouts asked together: one Redis round trip (auto-pipelined), not two.
    const [current, open] = await Promise.all([
      this.decisions.byDocument(issuer, number).catch((err: unknown) => {
        this.logger.warn({ err }, 'hot path unavailable; screening on demand');
        return undefined;
      }),
      // Lookouts are an addition to the answer: without them the look-up still answers.
      this.lookouts.byDocument(issuer, number).then(
        (found): { found: Lookout[]; err?: unknown } => ({ found }),
        (err: unknown) => ({ found: [], err }),
      ),
    ]);
    const redisDown = current === undefined;
    if (open.err && !redisDown) this.logger.warn({ err: open.err }, 'lookouts unavailable');
    let answer = answerForDocument(current ?? []);
    let source: 'hit' | 'records' | 'miss' = answer ? 'hit' : 'miss';
    if (!answer) {
      // Redis is a cache: after a flush or a restart, until the records service has refilled it,
      // the system of record answers (slower, still correct) before anyone is screened afresh.
      answer = answerForDocument(await this.fromRecords(issuer, number));
      if (answer) source = 'records';
    }
    const lookouts = open.found;
    const found: LookupResult = answer
      ? {
          ...this.fromHotPath(answer, query.dateOfBirth),
          ...(source === 'records'
            ? { note: 'answered from the system of record (PostgreSQL): the hot path is being refilled' }
            : {}),
        }
      : await this.onDemand({ ...query, issuer, number }, redisDown);
    const result: LookupResult = lookouts.length > 0 ? { lookouts, ...found } : found;
    this.metrics.hotPathLookups.inc({ result: source });
    this.audit.record(
      {
        action: via === 'mrz' ? 'POE_LOOKUP_MRZ' : 'POE_LOOKUP_DOCUMENT',
        actor: who.subject,
        role: who.roles.join(','),
        target: `${issuer}:${number}`,
        outcome: result.decision?.outcome ?? 'NO_DECISION',
        details: {
          advanceData: result.advanceData,
          lookouts: lookouts.length,
          ...(who.post ? { post: who.post } : {}),
        },
      },
      requestId,
    );
    return result;
  }

  /** The document's current decisions within the hot path's lifetime, from PostgreSQL ([] if down). */
  private async fromRecords(issuer: string, number: string): Promise<HotPathEntry[]> {
    try {
      const since = new Date(Date.now() - this.env.HOTPATH_TTL_HOURS * 3_600_000);
      return (await this.records.currentEventsForDocument(issuer, number, since)) as HotPathEntry[];
    } catch (err) {
      this.logger.warn({ err }, 'records unavailable; screening on demand');
      return [];
    }
  }

  private fromHotPath(answer: DocumentAnswer<HotPathEntry>, dateOfBirth: string | undefined): LookupResult {
    const hit = answer.primary;
    return {
      advanceData: true,
      ...(dateOfBirth ? { dateOfBirthMatches: hit.subject.dateOfBirth === dateOfBirth } : {}),
      decision: answer.decision,
      subject: hit.subject,
      flight: hit.flight,
      manifestId: hit.manifestId,
      ...(hit.travellerStatus ? { travellerStatus: hit.travellerStatus } : {}),
      ...(answer.others.length > 0
        ? {
            otherDecisions: answer.others.map((o) => ({
              manifestId: o.manifestId,
              flight: o.flight,
              outcome: o.decision.outcome,
            })),
          }
        : {}),
      ...(answer.findings.length > 0 ? { findings: answer.findings } : {}),
    };
  }

  private async onDemand(query: DocumentQuery, redisDown: boolean): Promise<LookupResult> {
    const h = query.holder;
    const traveller: Traveller = {
      travellerId: `poe-${createHash('sha256').update(`${query.issuer}:${query.number}`).digest('hex').slice(0, 16)}`,
      role: 'PASSENGER',
      surname: h?.surname ?? '',
      givenNames: h?.givenNames ?? '',
      dateOfBirth: h?.dateOfBirth ?? query.dateOfBirth,
      gender: h?.gender ?? 'U',
      nationality: h?.nationality,
      documents: [
        {
          type: h?.type ?? 'P',
          number: query.number,
          issuer: query.issuer,
          ...(h?.expiry ? { expiry: h.expiry } : {}),
        },
      ],
      flight: {
        carrier: 'YY',
        number: 'POE',
        departure: { port: 'UNK' },
        arrival: { port: 'UNK', at: new Date().toISOString().slice(0, 16) },
      },
      itinerary: [],
      findings: [],
    };
    const { decisions } = await this.screening.screen({
      carrier: 'YY',
      manifestId: `POE:${new Date().toISOString().slice(0, 10)}`,
      travellers: [traveller],
      timeoutMs: this.env.POE_SCREEN_TIMEOUT_MS,
      purpose: 'PORT_OF_ENTRY',
    });
    const note = redisDown
      ? 'the hot path is unavailable; screened on demand now'
      : 'no advance passenger data was received for this document; screened on demand now';
    if (!decisions?.[0])
      return {
        advanceData: false,
        note,
        unavailable: 'screening did not answer in time: refer the traveller',
      };
    return { advanceData: false, note, decision: decisions[0] };
  }
}
