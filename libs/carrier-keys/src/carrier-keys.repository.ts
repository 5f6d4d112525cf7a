import { Kysely, sql, Transaction } from 'kysely';

import { generateApiKey, IssuedKey } from './key-material';
import type { StoredKey } from './key-ring';
import { expiryAfterRotation, keyState, KeyState } from './rotation';
import type { CarrierKeyRow, CarrierKeysDatabase, CarrierRow } from './schema';

/**
 * Channel every key change is NOTIFYed on (in the changing transaction, so listeners hear of it
 * only once it is committed). Payload: the schema, for whoever shares a database.
 */
export const CARRIER_KEYS_CHANNEL = 'paxscreen_carrier_keys';

export type CarrierKeyErrorCode = 'CARRIER_EXISTS' | 'CARRIER_NOT_FOUND' | 'KEY_NOT_FOUND';

/** What an admin asked for cannot be done (the gateway answers 404 / 409 with the code). */
export class CarrierKeyError extends Error {
  constructor(
    readonly code: CarrierKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CarrierKeyError';
  }
}

/** A key as lists show it: never the secret, nor its hash. */
export interface KeyView {
  keyId: string;
  prefix: string;
  state: KeyState;
  createdAt: string;
  createdBy: string;
  expiresAt?: string;
  revokedAt?: string;
  revokedBy?: string;
}

export interface CarrierView {
  code: string;
  name: string;
  createdAt: string;
  createdBy: string;
  keys: KeyView[];
}

export interface RotationResult {
  issued: IssuedKey & { createdAt: string };
  /** The keys that were valid before, each with the end of its overlap window. */
  ending: { keyId: string; prefix: string; expiresAt: string }[];
}

const iso = (d: Date) => d.toISOString();

function keyView(row: CarrierKeyRow, now: number): KeyView {
  return {
    keyId: row.key_id,
    prefix: row.prefix,
    state: keyState({ expiresAt: row.expires_at?.getTime(), revokedAt: row.revoked_at?.getTime() }, now),
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    ...(row.expires_at ? { expiresAt: iso(row.expires_at) } : {}),
    ...(row.revoked_at ? { revokedAt: iso(row.revoked_at) } : {}),
    ...(row.revoked_by ? { revokedBy: row.revoked_by } : {}),
  };
}

/**
 * Carriers and their keys in PostgreSQL. Every change runs in one transaction that ends with a
 * NOTIFY on `CARRIER_KEYS_CHANNEL`; key material is made here and handed back once.
 */
export class CarrierKeyRepository {
  constructor(private readonly db: Kysely<CarrierKeysDatabase>) {}

  private async notify(tx: Transaction<CarrierKeysDatabase>): Promise<void> {
    await sql`select pg_notify(${CARRIER_KEYS_CHANNEL}, current_schema())`.execute(tx);
  }

  private async carrier(tx: Kysely<CarrierKeysDatabase>, code: string): Promise<CarrierRow> {
    const row = await tx.selectFrom('carriers').selectAll().where('code', '=', code).executeTakeFirst();
    if (!row) throw new CarrierKeyError('CARRIER_NOT_FOUND', `no carrier ${code}`);
    return row;
  }

  async addCarrier(code: string, name: string, actor: string, now = new Date()): Promise<CarrierView> {
    return this.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('carriers')
        .values({ code, name, created_at: iso(now), created_by: actor })
        .onConflict((oc) => oc.column('code').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) throw new CarrierKeyError('CARRIER_EXISTS', `carrier ${code} already exists`);
      await this.notify(tx);
      return { code, name, createdAt: iso(now), createdBy: actor, keys: [] };
    });
  }

  private async insertKey(
    tx: Transaction<CarrierKeysDatabase>,
    carrier: string,
    actor: string,
    now: Date,
  ): Promise<IssuedKey & { createdAt: string }> {
    const issued = generateApiKey();
    await tx
      .insertInto('carrier_keys')
      .values({
        key_id: issued.keyId,
        carrier,
        prefix: issued.prefix,
        sha256: issued.sha256,
        created_at: iso(now),
        created_by: actor,
      })
      .execute();
    return { ...issued, createdAt: iso(now) };
  }

  /** A new key beside the carrier's others (shown once: the caller hands `key` out, then forgets it). */
  async issueKey(
    carrier: string,
    actor: string,
    now = new Date(),
  ): Promise<IssuedKey & { createdAt: string }> {
    return this.db.transaction().execute(async (tx) => {
      await this.carrier(tx, carrier);
      const issued = await this.insertKey(tx, carrier, actor, now);
      await this.notify(tx);
      return issued;
    });
  }

  /**
   * A new key, and every key valid before ends `overlapHours` from now (or earlier, if it already
   * ended earlier): the carrier switches over within the window, with no moment without a key.
   */
  async rotate(
    carrier: string,
    actor: string,
    overlapHours: number,
    now = new Date(),
  ): Promise<RotationResult> {
    return this.db.transaction().execute(async (tx) => {
      await this.carrier(tx, carrier);
      const rows = await tx
        .selectFrom('carrier_keys')
        .selectAll()
        .where('carrier', '=', carrier)
        .where('revoked_at', 'is', null)
        .forUpdate()
        .execute();
      const ending: RotationResult['ending'] = [];
      for (const row of rows) {
        const end = expiryAfterRotation(
          { expiresAt: row.expires_at?.getTime(), revokedAt: row.revoked_at?.getTime() },
          now.getTime(),
          overlapHours,
        );
        if (end === undefined) continue;
        const expiresAt = new Date(end).toISOString();
        await tx
          .updateTable('carrier_keys')
          .set({ expires_at: expiresAt })
          .where('key_id', '=', row.key_id)
          .execute();
        ending.push({ keyId: row.key_id, prefix: row.prefix, expiresAt });
      }
      const issued = await this.insertKey(tx, carrier, actor, now);
      await this.notify(tx);
      return { issued, ending };
    });
  }

  /** Invalid at once. Revoking a revoked key changes nothing and says when it was revoked. */
  async revoke(carrier: string, keyId: string, actor: string, now = new Date()): Promise<KeyView> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .updateTable('carrier_keys')
        .set({ revoked_at: iso(now), revoked_by: actor })
        .where('carrier', '=', carrier)
        .where('key_id', '=', keyId)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (row) {
        await this.notify(tx);
        return keyView(row, now.getTime());
      }
      const existing = await tx
        .selectFrom('carrier_keys')
        .selectAll()
        .where('carrier', '=', carrier)
        .where('key_id', '=', keyId)
        .executeTakeFirst();
      if (!existing) throw new CarrierKeyError('KEY_NOT_FOUND', `carrier ${carrier} has no key ${keyId}`);
      return keyView(existing, now.getTime());
    });
  }

  /** Every carrier with its keys (newest first), never a secret or a hash. */
  async list(now = new Date()): Promise<CarrierView[]> {
    const carriers = await this.db.selectFrom('carriers').selectAll().orderBy('code').execute();
    const keys = await this.db.selectFrom('carrier_keys').selectAll().orderBy('created_at', 'desc').execute();
    return carriers.map((c) => ({
      code: c.code,
      name: c.name,
      createdAt: iso(c.created_at),
      createdBy: c.created_by,
      keys: keys.filter((k) => k.carrier === c.code).map((k) => keyView(k, now.getTime())),
    }));
  }

  /** The keys a gateway should accept now: not revoked, not past their expiry. */
  async validKeys(now = new Date()): Promise<StoredKey[]> {
    const rows = await this.db
      .selectFrom('carrier_keys')
      .select(['carrier', 'key_id', 'sha256', 'expires_at'])
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .execute();
    return rows.map((r) => ({
      carrier: r.carrier,
      keyId: r.key_id,
      sha256: r.sha256,
      ...(r.expires_at ? { expiresAt: r.expires_at.getTime() } : {}),
    }));
  }
}
