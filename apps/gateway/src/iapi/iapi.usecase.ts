import { randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { Iapi } from '@paxscreen/contracts';
import {
  CHANGE_ACK_CODES,
  type CusresAnswer,
  EdifactError,
  ParsedMessage,
  readMessage,
  writeCusres,
} from '@paxscreen/edifact';
import { ApiError, TakeTurns } from '@paxscreen/http';

import { GatewayEnv } from '../gateway.env';
import { CARRIER_TURNS, GATEWAY_ENV } from '../tokens';
import { boardingStatus } from './boarding-status';
import { IapiClient } from './iapi.client';
import { ChangeAnswer, TravellerChangeUseCase } from './traveller-change.usecase';

export interface IapiAnswer {
  travellerId: string;
  surname: string;
  givenNames: string;
  status: Iapi.BoardingStatus;
}

export interface IapiResult {
  requestId: string;
  /** True when screening did not answer in time: every traveller is CONTACT_AGENCY. */
  timedOut: boolean;
  answers: IapiAnswer[];
  /** A change request (cancellation, offload): what was applied to whom, instead of answers. */
  change?: { travellerStatus: string; acknowledged: ChangeAnswer[] };
  /** The same answers as an EDIFACT CUSRES, when asked for. */
  cusres?: string;
}

/**
 * Interactive API: a carrier asks, at check-in, whether travellers may board. The request is read
 * like any manifest (PAXLST or JSON), checked against the key's carrier, screened now, and answered
 * per traveller; a late answer is CONTACT_AGENCY (the decision is still recorded by screening).
 */
@Injectable()
export class IapiUseCase {
  constructor(
    @Inject(IapiClient) private readonly client: IapiClient,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CARRIER_TURNS) private readonly turns: TakeTurns,
    @Inject(TravellerChangeUseCase) private readonly changes: TravellerChangeUseCase,
  ) {}

  async execute(cmd: {
    carrier: string;
    bytes: Buffer;
    cusres: boolean;
    traceparent: string;
    /** Called once the request is on its way to screening: only the reply is awaited from then on. */
    sent?: () => void;
  }): Promise<IapiResult> {
    this.assertRoom();
    const message = await this.turns.run(() => this.read(cmd.bytes));
    if (message.manifest.carrier !== cmd.carrier) {
      throw new ApiError(
        403,
        'CARRIER_MISMATCH',
        'the request reports a flight of another carrier than the API key',
      );
    }
    if (message.travellers.length === 0)
      throw new ApiError(422, 'NO_TRAVELLERS', 'the request holds no traveller');
    if (message.manifest.travellerStatus) return this.change(cmd, message, message.manifest.travellerStatus);
    const { requestId, decisions } = await this.client.screen({
      carrier: cmd.carrier,
      manifestId: message.manifest.manifestId,
      travellers: message.travellers,
      timeoutMs: this.env.IAPI_TIMEOUT_MS,
      traceparent: cmd.traceparent,
      sent: cmd.sent,
    });
    const answers = message.travellers.map((t, i) => ({
      travellerId: t.travellerId,
      surname: t.surname,
      givenNames: t.givenNames,
      status: boardingStatus(decisions?.[i]),
    }));
    const result: IapiResult = { requestId, timedOut: decisions === undefined, answers };
    if (cmd.cusres)
      result.cusres = this.cusres(cmd.carrier, requestId, message, (i) => ({ status: answers[i].status }));
    return result;
  }

  /**
   * Refuses a new request (503 CARRIER_BUSY) while IAPI_MAX_PENDING_TRAVELLERS travellers wait for
   * screening's replies on this gateway. Also run from the request's headers, before its body is
   * read (gateway.app.ts), so a refused flood costs no reading.
   */
  assertRoom(): void {
    if (this.client.pendingTravellers >= this.env.IAPI_MAX_PENDING_TRAVELLERS)
      throw new ApiError(
        503,
        'CARRIER_BUSY',
        'iAPI requests waiting for screening on this gateway are at their limit; retry shortly',
      );
  }

  /** Cancelled / offloaded after check-in: marked, and acknowledged (JSON, or a CUSRES). */
  private async change(
    cmd: { carrier: string; cusres: boolean; traceparent: string },
    message: ParsedMessage,
    state: NonNullable<ParsedMessage['manifest']['travellerStatus']>,
  ): Promise<IapiResult> {
    const requestId = randomUUID();
    const acknowledged = await this.changes.apply(cmd.carrier, message, state, requestId, cmd.traceparent);
    const result: IapiResult = {
      requestId,
      timedOut: false,
      answers: [],
      change: { travellerStatus: state, acknowledged },
    };
    if (cmd.cusres)
      result.cusres = this.cusres(cmd.carrier, requestId, message, (i) => ({
        // The boarding status is not what is answered here: the ERC code and text are.
        status: 'CONTACT_AGENCY',
        code: acknowledged[i].applied ? CHANGE_ACK_CODES.APPLIED : CHANGE_ACK_CODES.NOT_FOUND,
        text: acknowledged[i].applied ? `${state} RECEIVED` : 'NO CHECKED-IN TRAVELLER FOUND',
      }));
    return result;
  }

  /** The CUSRES answering `message`: one ERP group per traveller, its answer from `answerOf`. */
  private cusres(
    carrier: string,
    requestId: string,
    message: ParsedMessage,
    answerOf: (index: number) => Pick<CusresAnswer, 'status' | 'code' | 'text'>,
  ): string {
    return writeCusres({
      sender: 'PAXSCREEN',
      recipient: carrier,
      controlRef: requestId.replace(/-/g, '').slice(0, 14),
      messageRef: '1',
      requestRef: message.manifest.transactionRef,
      flight: message.manifest.flight,
      answers: message.travellers.map((t, i) => ({
        ...answerOf(i),
        surname: t.surname,
        givenNames: t.givenNames,
        dateOfBirth: t.dateOfBirth,
        document: t.documents[0]
          ? { type: t.documents[0].type, number: t.documents[0].number, issuer: t.documents[0].issuer }
          : undefined,
      })),
    });
  }

  private read(bytes: Buffer): ParsedMessage {
    if (bytes.length === 0) throw new ApiError(400, 'EMPTY_BODY', 'the request body is empty');
    try {
      // The cap stops the reader at the first traveller beyond it: nothing more is built.
      const read = readMessage(bytes, { maxTravellers: this.env.IAPI_MAX_TRAVELLERS });
      if (read.messages.length !== 1)
        throw new ApiError(422, 'ONE_MESSAGE_EXPECTED', 'an iAPI request holds exactly one message');
      return read.messages[0];
    } catch (err) {
      if (err instanceof EdifactError && err.code === 'TOO_MANY_TRAVELLERS')
        throw new ApiError(
          413,
          'TOO_MANY_TRAVELLERS',
          `an iAPI request holds at most ${this.env.IAPI_MAX_TRAVELLERS} travellers`,
        );
      if (err instanceof EdifactError) throw new ApiError(422, err.code, err.message);
      throw err;
    }
  }
}
