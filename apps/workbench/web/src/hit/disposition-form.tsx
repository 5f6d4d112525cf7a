import { type FormEvent, useState } from 'react';

import type { DispositionOutcome, HitDetail, ReasonVerdict } from '@paxscreen/contracts';

import { api } from '../shared/api';
import { Panel } from '../shared/ui';

const VERDICTS: ReasonVerdict[] = ['TRUE_MATCH', 'FALSE_POSITIVE', 'INCONCLUSIVE'];
const OUTCOMES: DispositionOutcome[] = ['CLEARED', 'LOOKOUT', 'DENY_BOARDING'];

/**
 * The decision: a verdict per matched entry, an outcome for the traveller and a note (always
 * required); DENY_BOARDING needs a legal basis, and only a supervisor may choose it (the server
 * says 403 SUPERVISOR_REQUIRED otherwise).
 */
export function DispositionForm({
  hit,
  act,
}: {
  hit: HitDetail;
  act: (w: () => Promise<unknown>) => Promise<void>;
}) {
  const [verdicts, setVerdicts] = useState<Record<string, ReasonVerdict>>({});
  const [outcome, setOutcome] = useState<DispositionOutcome>('CLEARED');
  const [note, setNote] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const complete = hit.reasons.every((r) => verdicts[r.reasonKey]) && note.trim().length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await act(() =>
      api(`/v1/casework/hits/${encodeURIComponent(hit.hitId)}/disposition`, {
        method: 'POST',
        body: {
          version: hit.version,
          reasons: hit.reasons.map((r) => ({ reasonKey: r.reasonKey, verdict: verdicts[r.reasonKey] })),
          outcome,
          note,
          ...(outcome === 'DENY_BOARDING' ? { legalBasis } : {}),
        },
      }),
    );
  };

  return (
    <Panel title="Disposition" id="disposition">
      <form onSubmit={(e) => void submit(e)} className="disposition-form">
        {hit.reasons.map((r) => (
          <fieldset key={r.reasonKey}>
            <legend>
              {r.listId} · {r.entryId}
            </legend>
            {VERDICTS.map((v) => (
              <label key={v} className="choice">
                <input
                  type="radio"
                  name={`verdict-${r.reasonKey}`}
                  value={v}
                  checked={verdicts[r.reasonKey] === v}
                  onChange={() => setVerdicts({ ...verdicts, [r.reasonKey]: v })}
                />
                {v}
              </label>
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>Outcome for the traveller</legend>
          {OUTCOMES.map((o) => (
            <label key={o} className="choice">
              <input
                type="radio"
                name="outcome"
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />
              {o}
            </label>
          ))}
        </fieldset>
        {outcome === 'DENY_BOARDING' && (
          <label>
            Legal basis
            <input
              name="legalBasis"
              value={legalBasis}
              onChange={(e) => setLegalBasis(e.target.value)}
              required
            />
          </label>
        )}
        <label>
          Note (required)
          <textarea name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} required />
        </label>
        <button type="submit" disabled={!complete}>
          Record disposition
        </button>
      </form>
    </Panel>
  );
}
