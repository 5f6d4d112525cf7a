import { type FormEvent, useState } from 'react';

import { api, query } from '../shared/api';
import { DecisionsTable, type DecisionView, RevealToggle } from '../shared/decisions-table';
import { ErrorNote } from '../shared/ui';

/** Name search over the system of record (fuzzy, transliteration-aware; every search is audited). */
export function SearchPage() {
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<DecisionView[]>();
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      setRows((await api<{ items: DecisionView[] }>(`/v1/records/search/names${query({ q })}`)).items);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <main>
      <h1>Name search</h1>
      <form onSubmit={(e) => void submit(e)} className="row" role="search">
        <label htmlFor="q" className="sr-only">
          Name
        </label>
        <input
          id="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="e.g. Muhammad Aly"
          autoFocus
        />
        <button type="submit">Search</button>
        <RevealToggle revealed={revealed} onChange={setRevealed} />
      </form>
      <ErrorNote error={error} />
      {rows && <DecisionsTable rows={rows} revealed={revealed} label="Search results" />}
    </main>
  );
}
