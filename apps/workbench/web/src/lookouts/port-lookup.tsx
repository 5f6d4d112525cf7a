import { type FormEvent, useState } from 'react';

import { api } from '../shared/api';
import { Badge, ErrorNote, Panel } from '../shared/ui';

interface LookupAnswer {
  advanceData: boolean;
  note?: string;
  decision?: { outcome: string; reasons?: { kind: string; listId?: string; explanation?: string }[] };
  /** Open casework lookouts on this document: shown first. */
  lookouts?: { lookoutId: string; hitId: string; reason: string; port: string }[];
  flight?: { carrier: string; number: string; date?: string };
  unavailable?: string;
}

/** The port-of-entry look-up by document (the gateway; officers and supervisors; audited). */
export function PortLookup() {
  const [issuer, setIssuer] = useState('');
  const [number, setNumber] = useState('');
  const [answer, setAnswer] = useState<LookupAnswer>();
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(
        await api<LookupAnswer>(
          `/v1/poe/documents/${encodeURIComponent(issuer)}/${encodeURIComponent(number)}`,
        ),
      );
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <Panel title="Port look-up by document" id="port-lookup">
      <form onSubmit={(e) => void submit(e)} className="row">
        <label>
          Issuer
          <input
            name="issuer"
            value={issuer}
            onChange={(e) => setIssuer(e.target.value.toUpperCase())}
            placeholder="AUS"
            required
          />
        </label>
        <label>
          Document number
          <input
            name="number"
            value={number}
            onChange={(e) => setNumber(e.target.value.toUpperCase())}
            required
            autoComplete="off"
          />
        </label>
        <button type="submit">Look up</button>
      </form>
      <ErrorNote error={error} />
      {answer && (
        <div className="lookup-answer" aria-live="polite">
          {answer.lookouts?.map((l) => (
            <p key={l.lookoutId} className="lookout-banner" role="alert" data-lookout-id={l.lookoutId}>
              LOOKOUT at {l.port}: {l.reason}
            </p>
          ))}
          {answer.decision ? (
            <p>
              <Badge value={answer.decision.outcome} />{' '}
              {answer.decision.reasons?.map((r) => r.explanation ?? r.kind).join(' · ')}
            </p>
          ) : (
            <p className="muted">
              {answer.unavailable ?? answer.note ?? 'No advance data for this document.'}
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}
