import { Inject, Injectable } from '@nestjs/common';

import type { Traveller } from '@paxscreen/contracts';
import { ApiError, Principal } from '@paxscreen/http';
import { SealError, sealKey, unseal } from '@paxscreen/privacy';
import { PnrVault } from '@paxscreen/records';

import { AuditLog } from '../audit/audit-log';
import { GatewayEnv } from '../gateway.env';
import { GATEWAY_ENV } from '../tokens';

const TRAVELLER_ID = /^[A-Za-z0-9._:-]{1,80}$/;
const MIN_REASON = 10;
const MAX_REASON = 500;

export interface PnrView {
  travellerId: string;
  manifestId: string;
  receivedAt: string;
  /** True once the masking age is reached: names, contacts, payment and API data are masked. */
  masked: boolean;
  traveller: Traveller;
}

/**
 * PNR records for officers: clear while young, depersonalised after the masking age. Only a
 * supervisor can re-personalise a masked record, must say why, and every unmasking is audited.
 */
@Injectable()
export class PnrUseCase {
  private readonly key: Buffer;

  constructor(
    @Inject(PnrVault) private readonly vault: PnrVault,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(GATEWAY_ENV) env: GatewayEnv,
  ) {
    this.key = sealKey(env.PNR_UNMASK_KEY);
  }

  private async record(travellerId: string) {
    if (!TRAVELLER_ID.test(travellerId))
      throw new ApiError(400, 'INVALID_TRAVELLER_ID', 'not a traveller id');
    const record = await this.vault.get(travellerId);
    // Purged (retention over) and never-received look the same: nothing is kept.
    if (!record) throw new ApiError(404, 'PNR_NOT_FOUND', 'no PNR record is kept for this traveller');
    return record;
  }

  async view(travellerId: string, who: Principal, requestId: string): Promise<PnrView> {
    const r = await this.record(travellerId);
    this.audit.record(
      {
        action: 'DECISION_VIEW',
        actor: who.subject,
        role: who.roles.join(','),
        target: `pnr:${travellerId}`,
        outcome: r.masked ? 'MASKED' : 'CLEAR',
      },
      requestId,
    );
    return {
      travellerId,
      manifestId: r.manifestId,
      receivedAt: new Date(r.receivedAt).toISOString(),
      masked: r.masked,
      traveller: r.traveller,
    };
  }

  async unmask(
    travellerId: string,
    reason: string | undefined,
    who: Principal,
    requestId: string,
  ): Promise<PnrView> {
    if (reason === undefined || reason.trim().length < MIN_REASON || reason.length > MAX_REASON) {
      throw new ApiError(
        400,
        'REASON_REQUIRED',
        `unmasking needs a reason of ${MIN_REASON}-${MAX_REASON} characters (it is audited)`,
      );
    }
    const r = await this.record(travellerId);
    let traveller = r.traveller;
    if (r.masked) {
      if (!r.sealed)
        throw new ApiError(409, 'NOT_UNMASKABLE', 'this record was masked without a sealed copy');
      try {
        traveller = unseal<Traveller>(r.sealed, this.key, travellerId);
      } catch (err) {
        if (err instanceof SealError) throw new ApiError(409, err.code, err.message);
        throw err;
      }
    }
    // Audited before anything is revealed: no record in Kafka, no re-personalised data.
    await this.audit.recordNow(
      {
        action: 'PNR_UNMASK',
        actor: who.subject,
        role: who.roles.join(','),
        target: `pnr:${travellerId}`,
        outcome: r.masked ? 'UNMASKED' : 'WAS_CLEAR',
        details: { reason: reason.trim() },
      },
      requestId,
    );
    return {
      travellerId,
      manifestId: r.manifestId,
      receivedAt: new Date(r.receivedAt).toISOString(),
      masked: false,
      traveller,
    };
  }
}
