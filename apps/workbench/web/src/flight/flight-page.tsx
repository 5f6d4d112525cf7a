import { useState } from 'react';

import { api, query } from '../shared/api';
import { DecisionsTable, type DecisionView, RevealToggle } from '../shared/decisions-table';
import { useLoad } from '../shared/use-load';
import { ErrorNote, Loading } from '../shared/ui';

/** A flight's manifest: every traveller's current decision (records). */
export function FlightPage({ carrier, number, date }: { carrier: string; number: string; date: string }) {
  const [revealed, setRevealed] = useState(false);
  const [cursor, setCursor] = useState<string>();
  const page = useLoad(`${carrier}/${number}/${date}/${cursor}`, (signal) =>
    api<{ items: DecisionView[]; nextCursor?: string }>(
      `/v1/records/flights/${encodeURIComponent(carrier)}/${encodeURIComponent(number)}/${encodeURIComponent(date)}${query({ cursor })}`,
      { signal },
    ),
  );
  return (
    <main>
      <h1>
        Flight {carrier}
        {number} · {date}
      </h1>
      <RevealToggle revealed={revealed} onChange={setRevealed} />
      <ErrorNote error={page.error} />
      <Loading when={page.loading && !page.data} />
      {page.data && <DecisionsTable rows={page.data.items} revealed={revealed} label="Manifest" />}
      {page.data?.nextCursor && (
        <button type="button" className="secondary" onClick={() => setCursor(page.data!.nextCursor)}>
          Next page
        </button>
      )}
    </main>
  );
}
