import { useState } from 'react';

import { api } from '../shared/api';
import { DecisionsTable, type DecisionView, RevealToggle } from '../shared/decisions-table';
import { useLoad } from '../shared/use-load';
import { ErrorNote, Loading } from '../shared/ui';

/** One traveller's decisions over time, across every screening (PNR pushes, API, re-vets). */
export function TravellerPage({ travellerId }: { travellerId: string }) {
  const [revealed, setRevealed] = useState(false);
  const page = useLoad(travellerId, (signal) =>
    api<{ items: DecisionView[] }>(`/v1/records/travellers/${encodeURIComponent(travellerId)}/history`, {
      signal,
    }),
  );
  return (
    <main>
      <h1>Traveller history</h1>
      <RevealToggle revealed={revealed} onChange={setRevealed} />
      <ErrorNote error={page.error} />
      <Loading when={page.loading && !page.data} />
      {page.data && <DecisionsTable rows={page.data.items} revealed={revealed} label="History" />}
    </main>
  );
}
