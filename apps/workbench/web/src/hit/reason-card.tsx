import type { HitReason } from '@paxscreen/contracts';

import { Badge } from '../shared/ui';

/** One matched list entry beside the traveller, field by field: what agrees and what does not. */
export function ReasonCard({ reason }: { reason: HitReason }) {
  return (
    <article className="reason" data-reason-key={reason.reasonKey}>
      <h3>
        <Badge value={reason.action} /> {reason.kind} · list {reason.listId} · entry {reason.entryId}
        {reason.entryVersion && <span className="muted"> · version {reason.entryVersion}</span>} · score{' '}
        {reason.score.toFixed(2)}
        {reason.verdict && <span className="verdict"> · {reason.verdict}</span>}
      </h3>
      <table className="compare">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Traveller</th>
            <th scope="col">List entry</th>
            <th scope="col">Agrees</th>
          </tr>
        </thead>
        <tbody>
          {reason.fields.map((f) => (
            <tr key={f.field} className={f.agrees ? 'agrees' : 'disagrees'}>
              <th scope="row">{f.field}</th>
              <td>{f.traveller ?? '—'}</td>
              <td>{f.entry ?? '—'}</td>
              <td>{f.agrees ? '✓ agrees' : '✗ differs'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="explanation">{reason.explanation}</p>
    </article>
  );
}
