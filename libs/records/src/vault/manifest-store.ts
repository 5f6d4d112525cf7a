import { ExpiringStore } from './expiring-store';

/** One part of a multi-part message as the parser keeps it until the set is complete. */
export interface StoredPart {
  receiptId: string;
  receivedAt?: number;
  /** The part as read (libs/edifact ParsedMessage), JSON. */
  message: unknown;
}

/** A set of parts waiting for the rest: `carrier|type:reference` as one key. */
const setId = (carrier: string, reference: string) => `${carrier}|${reference}`;

/**
 * The parser's working state, in PostgreSQL (tables `manifest_versions`,
 * `manifest_version_counters`, `multipart_parts`) so that a Redis flush or restart loses none of
 * it (issue 15): manifest versions (each accepted receipt of a manifest gets the next number; a
 * redelivered receipt keeps its number) and the parts of multi-part messages waiting for the rest.
 * Rows live for `ttlSeconds` from their last write (as the Redis keys it replaces did); an expired
 * version counter starts again at 1; `purgeExpired` deletes what has expired.
 */
export class ManifestStore extends ExpiringStore {
  /** The version already given to this receipt of the manifest, else the next one. */
  async versionFor(manifestId: string, receiptId: string): Promise<number> {
    return this.db.transaction().execute(async (tx) => {
      const now = this.now();
      // The counter row is made (at 0) or locked first: concurrent calls for one manifest queue here.
      const counter = await tx
        .insertInto('manifest_version_counters')
        .values({ manifest_id: manifestId, last: 0, expires_at: this.expiry() })
        .onConflict((oc) =>
          oc.column('manifest_id').doUpdateSet((eb) => ({ last: eb.ref('manifest_version_counters.last') })),
        )
        .returning(['last', 'expires_at'])
        .executeTakeFirstOrThrow();
      let last = counter.last;
      if (new Date(counter.expires_at) <= now) {
        // Expired, as a Redis key would have: the manifest's numbering starts again.
        await tx.deleteFrom('manifest_versions').where('manifest_id', '=', manifestId).execute();
        last = 0;
      } else {
        const given = await tx
          .selectFrom('manifest_versions')
          .select('version')
          .where('manifest_id', '=', manifestId)
          .where('receipt_id', '=', receiptId)
          .executeTakeFirst();
        if (given) return given.version;
      }
      const version = last + 1;
      const expires = this.expiry();
      await tx
        .updateTable('manifest_version_counters')
        .set({ last: version, expires_at: expires })
        .where('manifest_id', '=', manifestId)
        .execute();
      // The manifest's versions live as long as its newest one (the Redis hash's EXPIRE did so).
      await tx
        .updateTable('manifest_versions')
        .set({ expires_at: expires })
        .where('manifest_id', '=', manifestId)
        .execute();
      await tx
        .insertInto('manifest_versions')
        .values({ manifest_id: manifestId, receipt_id: receiptId, version, expires_at: expires })
        .execute();
      return version;
    });
  }

  /** Keeps a part; returns every part of the set received so far (this one included), by sequence. */
  async addPart(
    carrier: string,
    reference: string,
    sequence: number,
    part: StoredPart,
    now = this.clock(),
  ): Promise<StoredPart[]> {
    const id = setId(carrier, reference);
    const expires = this.expiry();
    return this.db.transaction().execute(async (tx) => {
      const first = await tx
        .selectFrom('multipart_parts')
        .select((eb) => eb.fn.min('first_at').as('first_at'))
        .where('set_id', '=', id)
        .executeTakeFirst();
      const firstAt = first?.first_at ? new Date(first.first_at).toISOString() : new Date(now).toISOString();
      await tx
        .insertInto('multipart_parts')
        .values({ set_id: id, sequence, part: JSON.stringify(part), first_at: firstAt, expires_at: expires })
        // A part sent again replaces the one kept (its text sent once: the row's own, `excluded`).
        .onConflict((oc) =>
          oc.columns(['set_id', 'sequence']).doUpdateSet((eb) => ({ part: eb.ref('excluded.part') })),
        )
        .execute();
      // Every part of the set lives as long as its newest one (the Redis hash's EXPIRE did so).
      const rows = await tx
        .updateTable('multipart_parts')
        .set({ expires_at: expires })
        .where('set_id', '=', id)
        .returning(['sequence', 'part'])
        .execute();
      return rows.sort((a, b) => a.sequence - b.sequence).map((r) => JSON.parse(r.part) as StoredPart);
    });
  }

  async dropSet(carrier: string, reference: string): Promise<void> {
    await this.db.deleteFrom('multipart_parts').where('set_id', '=', setId(carrier, reference)).execute();
  }

  /** Sets whose first part arrived before `olderThan` (epoch ms): carrier, reference and parts. */
  async staleSets(olderThan: number): Promise<{ carrier: string; reference: string; parts: StoredPart[] }[]> {
    const rows = await this.db
      .selectFrom('multipart_parts')
      .select(['set_id', 'sequence', 'part'])
      .where('first_at', '<', new Date(olderThan))
      .where('expires_at', '>', new Date(this.clock()))
      .orderBy('set_id')
      .orderBy('sequence')
      .execute();
    const sets = new Map<string, StoredPart[]>();
    for (const r of rows)
      sets.set(r.set_id, [...(sets.get(r.set_id) ?? []), JSON.parse(r.part) as StoredPart]);
    return [...sets].map(([id, parts]) => ({
      carrier: id.slice(0, id.indexOf('|')),
      reference: id.slice(id.indexOf('|') + 1),
      parts,
    }));
  }

  /** Deletes expired versions, counters and parts; returns how many rows went. */
  async purgeExpired(): Promise<number> {
    const now = new Date(this.clock());
    let n = 0;
    for (const table of ['manifest_versions', 'manifest_version_counters', 'multipart_parts'] as const)
      n += Number(
        (await this.db.deleteFrom(table).where('expires_at', '<=', now).executeTakeFirst()).numDeletedRows,
      );
    return n;
  }
}
