import { Inject, Injectable } from '@nestjs/common';

import {
  CarrierKeyError,
  CarrierKeyRepository,
  type CarrierView,
  type KeyView,
  type RotationResult,
} from '@paxscreen/carrier-keys';
import { Audit } from '@paxscreen/contracts';
import { ApiError, bodyOf, type Principal } from '@paxscreen/http';

import { AuditLog } from '../audit/audit-log';
import { CarrierKeyCache } from '../auth/carrier-key-cache';
import { GatewayEnv } from '../gateway.env';
import { GATEWAY_ENV } from '../tokens';
import { AddCarrierBody, CARRIER_CODE, KEY_ID, RotateKeysBody } from './carrier-admin.dto';

export interface IssuedKeyView {
  carrier: string;
  keyId: string;
  prefix: string;
  /** Shown this once; paxscreen keeps only its SHA-256. */
  key: string;
  createdAt: string;
}

const STATUS: Record<CarrierKeyError['code'], number> = {
  CARRIER_EXISTS: 409,
  CARRIER_NOT_FOUND: 404,
  KEY_NOT_FOUND: 404,
};

/**
 * Carrier key management for admins: add a carrier, issue, rotate (with an overlap window) and
 * revoke keys, list them. Every change is audited (who, when, which carrier and key id; never a
 * key) and reloads this gateway's key cache at once; the others hear of it by NOTIFY.
 */
@Injectable()
export class CarrierAdminUseCase {
  constructor(
    @Inject(CarrierKeyCache) private readonly cache: CarrierKeyCache,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  private store(): CarrierKeyRepository {
    const keys = this.cache.keys;
    if (keys) return keys;
    throw this.cache.state === 'disabled'
      ? new ApiError(
          404,
          'KEY_STORE_DISABLED',
          'carrier keys are not kept in the database (GATEWAY_CARRIER_KEYS_DB)',
        )
      : new ApiError(503, 'KEY_STORE_UNAVAILABLE', 'the carrier key database is not available; retry');
  }

  private async run<T>(
    who: Principal,
    requestId: string,
    action: Audit.AuditAction,
    target: string,
    work: (store: CarrierKeyRepository) => Promise<T>,
    details: (result: T) => Record<string, string | number | boolean> = () => ({}),
  ): Promise<T> {
    const entry = { action, actor: who.subject, role: who.roles.join(','), target };
    let result: T;
    try {
      result = await work(this.store());
    } catch (err) {
      const code = err instanceof CarrierKeyError ? err.code : err instanceof ApiError ? err.code : 'FAILED';
      this.audit.record({ ...entry, outcome: code }, requestId);
      if (err instanceof CarrierKeyError) throw new ApiError(STATUS[err.code], err.code, err.message);
      if (err instanceof ApiError) throw err;
      throw new ApiError(503, 'KEY_STORE_UNAVAILABLE', 'the carrier key database did not answer; retry');
    }
    this.audit.record({ ...entry, outcome: 'OK', details: details(result) }, requestId);
    if (action !== 'CARRIER_LIST') await this.cache.reload();
    return result;
  }

  private code(code: string): string {
    if (!CARRIER_CODE.test(code))
      throw new ApiError(400, 'INVALID_CARRIER', 'a carrier code is 2 or 3 upper-case letters or digits');
    return code;
  }

  /** The JSON body (bodyOf: 400 INVALID_BODY naming the fields); an optional one may be empty. */
  private body<T extends object>(cls: new () => T, raw: Buffer | undefined, required: boolean): T {
    const empty = !Buffer.isBuffer(raw) || raw.toString('utf8').trim() === '';
    return empty && !required ? new cls() : bodyOf(cls, raw);
  }

  addCarrier(raw: Buffer | undefined, who: Principal, requestId: string): Promise<CarrierView> {
    const body = this.body(AddCarrierBody, raw, true);
    return this.run(who, requestId, 'CARRIER_ADD', body.code, (s) =>
      s.addCarrier(body.code, body.name, who.subject),
    );
  }

  list(
    who: Principal,
    requestId: string,
  ): Promise<{ database: string; loadedAt?: string; carriers: CarrierView[] }> {
    return this.run(who, requestId, 'CARRIER_LIST', '*', async (s) => ({
      database: this.cache.state,
      ...(this.cache.loadedAt ? { loadedAt: this.cache.loadedAt.toISOString() } : {}),
      carriers: await s.list(),
    }));
  }

  async issue(carrier: string, who: Principal, requestId: string): Promise<IssuedKeyView> {
    const code = this.code(carrier);
    const issued = await this.run(
      who,
      requestId,
      'CARRIER_KEY_ISSUE',
      code,
      (s) => s.issueKey(code, who.subject),
      (k) => ({ keyId: k.keyId }),
    );
    return {
      carrier: code,
      keyId: issued.keyId,
      prefix: issued.prefix,
      key: issued.key,
      createdAt: issued.createdAt,
    };
  }

  async rotate(
    carrier: string,
    raw: Buffer | undefined,
    who: Principal,
    requestId: string,
  ): Promise<{ issued: IssuedKeyView; ending: RotationResult['ending'] }> {
    const code = this.code(carrier);
    const overlap = this.body(RotateKeysBody, raw, false).overlapHours ?? this.env.CARRIER_KEY_OVERLAP_HOURS;
    const result = await this.run(
      who,
      requestId,
      'CARRIER_KEY_ROTATE',
      code,
      (s) => s.rotate(code, who.subject, overlap),
      (r) => ({
        keyId: r.issued.keyId,
        overlapHours: overlap,
        ending: r.ending.map((e) => e.keyId).join(','),
      }),
    );
    const i = result.issued;
    return {
      issued: { carrier: code, keyId: i.keyId, prefix: i.prefix, key: i.key, createdAt: i.createdAt },
      ending: result.ending,
    };
  }

  revoke(carrier: string, keyId: string, who: Principal, requestId: string): Promise<KeyView> {
    const code = this.code(carrier);
    if (!KEY_ID.test(keyId)) throw new ApiError(400, 'INVALID_KEY_ID', 'a key id is 8 hex characters');
    return this.run(who, requestId, 'CARRIER_KEY_REVOKE', `${code}:${keyId}`, (s) =>
      s.revoke(code, keyId, who.subject),
    );
  }
}
