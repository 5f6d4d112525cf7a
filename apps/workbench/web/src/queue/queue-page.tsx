import { type FormEvent, useEffect, useState } from 'react';

import type { HitPage, HitStatus } from '@paxscreen/contracts';

import { api, query } from '../shared/api';
import { go, href } from '../shared/route';
import { useLoad } from '../shared/use-load';
import { Badge, ErrorNote, Loading, Priority, when } from '../shared/ui';

const STATUSES: HitStatus[] = ['NEW', 'IN_REVIEW', 'DECIDED', 'CLOSED'];

interface Filters {
  status: string;
  port: string;
  flight: string;
  list: string;
  rule: string;
}

const QUEUE_REFRESH_MS = 5000;

const EMPTY: Filters = { status: '', port: '', flight: '', list: '', rule: '' };

/** The hit queue, most urgent first (the server orders by priority), with the five filters. */
export function QueuePage() {
  const [draft, setDraft] = useState<Filters>({ ...EMPTY, status: 'NEW' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [cursor, setCursor] = useState<string>();
  const key = JSON.stringify({ filters, cursor });
  const page = useLoad(key, (signal) =>
    api<HitPage>(`/v1/casework/hits${query({ ...filters, cursor, limit: '50' })}`, { signal }),
  );

  // The queue keeps itself current: new hits arrive while an analyst reads it.
  const { reload } = page;
  useEffect(() => {
    const timer = setInterval(reload, QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setCursor(undefined);
    setFilters(draft);
    // The same filters again is a refresh.
    reload();
  };
  const field = (name: keyof Filters, label: string, placeholder: string) => (
    <label>
      {label}
      <input
        name={name}
        value={draft[name]}
        placeholder={placeholder}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value.toUpperCase() })}
      />
    </label>
  );

  return (
    <main>
      <h1>Hit queue</h1>
      <form className="filters" onSubmit={apply} aria-label="Filters">
        <label>
          Status
          <select
            name="status"
            value={draft.status}
            onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          >
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {field('port', 'Port', 'SYD')}
        {field('flight', 'Flight', 'QF1')}
        {field('list', 'List', 'UN')}
        {field('rule', 'Rule', 'R-12')}
        <button type="submit">Apply</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(EMPTY);
            setCursor(undefined);
            setFilters(EMPTY);
          }}
        >
          Clear
        </button>
      </form>
      <ErrorNote error={page.error} />
      <Loading when={page.loading && !page.data} />
      {page.data && (
        <table className="queue" aria-label="Hits">
          <thead>
            <tr>
              <th scope="col">Priority</th>
              <th scope="col">Outcome</th>
              <th scope="col">Traveller</th>
              <th scope="col">Flight</th>
              <th scope="col">Port</th>
              <th scope="col">Lists / rules</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((hit) => (
              <tr
                key={hit.hitId}
                className="clickable"
                data-hit-id={hit.hitId}
                onClick={() => go('hits', hit.hitId)}
              >
                <td>
                  <Priority value={hit.priority} />
                </td>
                <td>
                  <Badge value={hit.outcome} />
                </td>
                <td>
                  <a href={href('hits', hit.hitId)}>{hit.traveller.maskedName}</a>
                  <span className="muted">
                    {' '}
                    {hit.traveller.nationality ?? ''} {hit.traveller.birthYear ?? ''}
                  </span>
                </td>
                <td>
                  {hit.flight.carrier}
                  {hit.flight.number} <span className="muted">{hit.flight.departureDate}</span>
                </td>
                <td>{hit.port}</td>
                <td>{[...hit.listIds, ...hit.ruleIds].join(', ')}</td>
                <td>
                  {hit.status}
                  {hit.claimedBy ? <span className="muted"> · {hit.claimedBy}</span> : null}
                </td>
                <td>{when(hit.updatedAt)}</td>
              </tr>
            ))}
            {page.data.items.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  No hits match these filters.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {page.data?.nextCursor && (
        <button type="button" className="secondary" onClick={() => setCursor(page.data!.nextCursor)}>
          Next page
        </button>
      )}
    </main>
  );
}
