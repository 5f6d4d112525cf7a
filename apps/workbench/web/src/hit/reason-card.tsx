import type { FieldComparison, HitReason, HitReasonField } from '@paxscreen/contracts';

import { Badge } from '../shared/ui';

const VERDICT: Record<FieldComparison, string> = {
  AGREES: '✓ agrees',
  DIFFERS: '✗ differs',
  NOT_LISTED: 'not on list entry',
};

/** The row class: agrees (green), disagrees (red), not-listed (neutral). */
const ROW_CLASS: Record<FieldComparison, string> = {
  AGREES: 'agrees',
  DIFFERS: 'disagrees',
  NOT_LISTED: 'not-listed',
};

/** The listed value: masked until the record is opened (casework withholds it), none when not listed. */
function listedValue(f: HitReasonField, opened: boolean): string {
  if (f.entry) return f.entry;
  if (f.comparison === 'NOT_LISTED') return '—';
  return opened ? '—' : 'masked';
}

/** One matched list entry beside the traveller, field by field: what agrees, what differs, what the entry lacks. */
export function ReasonCard({ reason, opened }: { reason: HitReason; opened: boolean }) {
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
            <th scope="col">Compared</th>
          </tr>
        </thead>
        <tbody>
          {reason.fields.map((f) => (
            <tr key={f.field} className={ROW_CLASS[f.comparison]} data-comparison={f.comparison}>
              <th scope="row">{f.field}</th>
              <td>{f.traveller ?? (opened ? '—' : 'masked')}</td>
              <td>{listedValue(f, opened)}</td>
              <td>{VERDICT[f.comparison]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="explanation">{reason.explanation}</p>
    </article>
  );
}
