import { type FormEvent, useState } from 'react';

import type { EncounterResult, Lookout } from '@paxscreen/contracts';

import { api, query, type Session } from '../shared/api';
import { href } from '../shared/route';
import { useLoad } from '../shared/use-load';
import { ErrorNote, Loading, Panel, when } from '../shared/ui';
import { PortLookup } from './port-lookup';

const RESULTS: EncounterResult[] = ['POSITIVE', 'NEGATIVE', 'MISSED', 'DID_NOT_BOARD'];

/** The port's open lookouts, the encounter an officer records for each, and the document look-up. */
export function LookoutsPage({ session }: { session: Session }) {
  const [port, setPort] = useState(session.post ?? '');
  const [shown, setShown] = useState(port);
  const list = useLoad(shown, (signal) =>
    api<{ items: Lookout[] }>(`/v1/casework/lookouts${query({ port: shown })}`, { signal }),
  );
  return (
    <main>
      <h1>Lookouts</h1>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(port);
        }}
      >
        <label>
          Port
          <input
            name="port"
            value={port}
            onChange={(e) => setPort(e.target.value.toUpperCase())}
            placeholder="SYD"
          />
        </label>
        <button type="submit" className="secondary">
          Show
        </button>
      </form>
      <ErrorNote error={list.error} />
      <Loading when={list.loading && !list.data} />
      <div className="cards">
        {list.data?.items.map((l) => (
          <LookoutCard
            key={l.lookoutId}
            lookout={l}
            onDone={list.reload}
            canOpenHits={session.roles.some((r) => r === 'analyst' || r === 'supervisor')}
          />
        ))}
        {list.data && list.data.items.length === 0 && <p className="muted">No lookouts for this port.</p>}
      </div>
      <PortLookup />
    </main>
  );
}

function LookoutCard({
  lookout,
  onDone,
  canOpenHits,
}: {
  lookout: Lookout;
  onDone: () => void;
  canOpenHits: boolean;
}) {
  const [result, setResult] = useState<EncounterResult>('POSITIVE');
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      await api(`/v1/casework/lookouts/${encodeURIComponent(lookout.lookoutId)}/encounter`, {
        method: 'POST',
        body: { result, note },
      });
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  const f = lookout.flight;
  return (
    <Panel title={`${lookout.traveller.maskedName} · ${f.carrier}${f.number} ${f.departureDate}`}>
      <p data-lookout-id={lookout.lookoutId}>
        <span className="status" data-status={lookout.status}>
          {lookout.status}
        </span>{' '}
        · port {lookout.port} · {lookout.reason} ·{' '}
        {canOpenHits && (
          <>
            <a href={href('hits', lookout.hitId)}>hit</a> ·{' '}
          </>
        )}
        raised {when(lookout.createdAt)} by {lookout.createdBy}
        {lookout.result && ` · encounter ${lookout.result} by ${lookout.encounteredBy}`}
      </p>
      {lookout.status === 'OPEN' && (
        <form onSubmit={(e) => void submit(e)} className="row">
          <label>
            Encounter
            <select
              name="result"
              value={result}
              onChange={(e) => setResult(e.target.value as EncounterResult)}
            >
              {RESULTS.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <label>
            Note
            <input name="note" value={note} onChange={(e) => setNote(e.target.value)} required />
          </label>
          <button type="submit">Record encounter</button>
        </form>
      )}
      <ErrorNote error={error} />
    </Panel>
  );
}
