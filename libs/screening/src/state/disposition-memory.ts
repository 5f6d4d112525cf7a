import { Disposition, identityKey, type IdentityFields, type Reason } from '@paxscreen/contracts';

/** What screening keeps of one remembered FALSE_POSITIVE disposition. */
export interface RememberedDisposition {
  dispositionId: string;
  entryVersion: string;
  analyst: string;
  decidedAt: string;
}

/**
 * Analysts' FALSE_POSITIVE verdicts (topic `Topic.Dispositions`, compacted), by identity and list
 * entry. A match of that identity on that entry at that entry version is recorded with action
 * CLEAR and says which disposition suppressed it; a new entry version or another identity (birth
 * date, document) is not suppressed, so the hit comes back.
 */
export class DispositionMemory {
  private readonly byKey = new Map<string, RememberedDisposition>();
  /** `listId:entryId` → how many identities have a disposition on it: the cheap pre-check. */
  private readonly entries = new Map<string, number>();

  get size(): number {
    return this.byKey.size;
  }

  /** Applies one topic record: a disposition, or its withdrawal (`value` null) under `key`. */
  apply(key: string, value: Disposition.Value | null): void {
    const { listId, entryId } = Disposition.parseDispositionKey(key);
    const had = this.byKey.has(key);
    if (value) {
      this.byKey.set(key, {
        dispositionId: value.dispositionId,
        entryVersion: value.entryVersion,
        analyst: value.analyst,
        decidedAt: value.decidedAt,
      });
      if (!had) this.entries.set(`${listId}:${entryId}`, (this.entries.get(`${listId}:${entryId}`) ?? 0) + 1);
    } else if (had) {
      this.byKey.delete(key);
      const left = (this.entries.get(`${listId}:${entryId}`) ?? 1) - 1;
      if (left > 0) this.entries.set(`${listId}:${entryId}`, left);
      else this.entries.delete(`${listId}:${entryId}`);
    }
  }

  /** The disposition that suppresses `reason` for the identity `identity`, if any. */
  find(identity: string, reason: Pick<Reason, 'source'>): RememberedDisposition | undefined {
    const { listId, entryId, listVersion } = reason.source;
    const found = this.byKey.get(Disposition.dispositionKey(identity, listId, entryId));
    return found && found.entryVersion === listVersion ? found : undefined;
  }

  /**
   * The reasons with every remembered false positive turned into a recorded CLEAR that names its
   * disposition. Only reasons that ask for more than CLEAR are looked at, and the identity key is
   * only computed when one of them is on an entry with a disposition.
   */
  suppress(traveller: IdentityFields, reasons: Reason[]): Reason[] {
    if (this.entries.size === 0) return reasons;
    const candidates = reasons.some(
      (r) => r.action !== 'CLEAR' && this.entries.has(`${r.source.listId}:${r.source.entryId}`),
    );
    if (!candidates) return reasons;
    const identity = identityKey(traveller);
    return reasons.map((r) => {
      if (r.action === 'CLEAR') return r;
      const d = this.find(identity, r);
      if (!d) return r;
      return {
        ...r,
        action: 'CLEAR',
        explanation: `${suppressionNote(d)}; ${r.explanation}`,
      };
    });
  }
}

/** "suppressed by disposition <id> (<analyst>, <date>)": the reason text of a suppressed match. */
export function suppressionNote(d: RememberedDisposition): string {
  return `suppressed by disposition ${d.dispositionId} (${d.analyst}, ${d.decidedAt.slice(0, 10)})`;
}
