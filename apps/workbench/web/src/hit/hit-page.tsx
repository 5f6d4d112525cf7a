import { useState } from 'react';

import type { HitDetail } from '@paxscreen/contracts';

import { api } from '../shared/api';
import { href } from '../shared/route';
import { useLoad } from '../shared/use-load';
import { Badge, ErrorNote, Loading, Panel, Priority, when } from '../shared/ui';
import { ClaimBar } from './claim-bar';
import { DispositionForm } from './disposition-form';
import { Notes } from './notes';
import { ReasonCard } from './reason-card';

/**
 * One hit: the traveller (masked until opened; opening is audited by casework) beside each list
 * entry that matched, field by field, with the explanation and list version; decisions, co-
 * travellers, notes, the claim and the disposition.
 */
export function HitPage({ hitId, subject }: { hitId: string; subject: string }) {
  const [open, setOpen] = useState(false);
  const [actionError, setActionError] = useState<Error>();
  const hit = useLoad(`${hitId}:${open}`, (signal) =>
    api<HitDetail>(`/v1/casework/hits/${encodeURIComponent(hitId)}${open ? '?open=true' : ''}`, { signal }),
  );
  const act = async (work: () => Promise<unknown>) => {
    setActionError(undefined);
    try {
      await work();
    } catch (err) {
      setActionError(err as Error);
    }
    hit.reload();
  };

  if (!hit.data)
    return (
      <main>
        <ErrorNote error={hit.error} />
        <Loading when={hit.loading} />
      </main>
    );
  const h = hit.data;
  const mine = h.status === 'IN_REVIEW' && h.claimedBy === subject;
  const f = h.flight;
  return (
    <main className="hit">
      <header className="hit-header">
        <h1>
          <Priority value={h.priority} /> <Badge value={h.outcome} />{' '}
          {h.opened ? `${h.opened.surname}, ${h.opened.givenNames}` : h.traveller.maskedName}
        </h1>
        <p>
          <span className="status" data-status={h.status}>
            {h.status}
          </span>
          {h.claimedBy && <span> · claimed by {h.claimedBy}</span>} · flight{' '}
          <a href={href('flights', f.carrier, f.number, f.departureDate)}>
            {f.carrier}
            {f.number} {f.departureDate}
          </a>{' '}
          {f.origin} → {f.destination} {f.arrivalAt ? `arriving ${f.arrivalAt}` : ''} · port {h.port} · score{' '}
          {h.score.toFixed(2)} · opened {when(h.openedAt)}
        </p>
        <ClaimBar hit={h} mine={mine} act={act} />
        <ErrorNote error={actionError} />
      </header>

      <div className="columns">
        <Panel title="Traveller" id="traveller">
          {h.opened ? (
            <dl className="facts" data-opened="true">
              <dt>Surname</dt>
              <dd>{h.opened.surname}</dd>
              <dt>Given names</dt>
              <dd>{h.opened.givenNames}</dd>
              <dt>Date of birth</dt>
              <dd>{h.opened.dateOfBirth ?? '—'}</dd>
              <dt>Nationality</dt>
              <dd>{h.traveller.nationality ?? '—'}</dd>
              <dt>Documents</dt>
              <dd>
                {h.opened.documents.map((d) => `${d.type} ${d.number} ${d.issuer ?? ''}`).join('; ') || '—'}
              </dd>
            </dl>
          ) : (
            <>
              <dl className="facts" data-opened="false">
                <dt>Name</dt>
                <dd>{h.traveller.maskedName}</dd>
                <dt>Nationality</dt>
                <dd>{h.traveller.nationality ?? '—'}</dd>
                <dt>Born</dt>
                <dd>{h.traveller.birthYear ?? '—'}</dd>
              </dl>
              <button type="button" className="secondary" onClick={() => setOpen(true)}>
                Open record (audited)
              </button>
            </>
          )}
        </Panel>
        <Panel title="Matches" id="reasons">
          {h.reasons.map((r) => (
            <ReasonCard key={r.reasonKey} reason={r} opened={!!h.opened} />
          ))}
        </Panel>
      </div>

      {h.lookout && (
        <Panel title="Lookout" id="lookout">
          <p>
            {h.lookout.status} at {h.lookout.port} since {when(h.lookout.createdAt)} by {h.lookout.createdBy}:{' '}
            {h.lookout.reason}
            {h.lookout.result &&
              ` · encounter ${h.lookout.result} (${h.lookout.encounteredBy}, ${when(h.lookout.encounteredAt)})`}
          </p>
        </Panel>
      )}

      <div className="columns">
        <Panel title="Decision history" id="decisions">
          <ol className="history">
            {h.decisions.map((d) => (
              <li key={d.decisionId}>
                <Badge value={d.outcome} /> {when(d.decidedAt)}
                {d.supersedes && <span className="muted"> (re-vet)</span>}
              </li>
            ))}
          </ol>
          {h.disposition && (
            <p className="disposition">
              Disposition <strong>{h.disposition.outcome}</strong> by {h.disposition.analyst} on{' '}
              {when(h.disposition.decidedAt)}: {h.disposition.note}
              {h.disposition.legalBasis && ` (legal basis: ${h.disposition.legalBasis})`}
            </p>
          )}
        </Panel>
        <Panel title="Co-travellers" id="co-travellers">
          {h.coTravellers.length === 0 ? (
            <p className="muted">Nobody shares a booking, contact or payment with this traveller.</p>
          ) : (
            <ul>
              {h.coTravellers.map((c, i) => (
                <li key={i}>
                  {c.maskedName} <span className="muted">({c.relation.toLowerCase()})</span>{' '}
                  <Badge value={c.outcome} />
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>

      <Notes hit={h} act={act} />
      {mine && <DispositionForm hit={h} act={act} />}
    </main>
  );
}
