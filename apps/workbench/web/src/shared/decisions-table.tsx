import { href } from './route';
import { Badge, maskName, when } from './ui';

/** What records answers for manifests, histories, document look-ups and name searches. */
export interface DecisionView {
  decisionId: string;
  travellerId: string;
  flight: { carrier: string; number: string; date: string; departure: string; arrival: string };
  outcome: string;
  supersedes: string | null;
  listVersions: Record<string, string>;
  subject: {
    surname: string;
    givenNames: string;
    dateOfBirth: string | null;
    nationality: string | null;
    documents: string[];
  };
  decidedAt: string;
  score?: number;
}

/**
 * Rows of travellers' decisions. Names, birth dates and documents stay masked until the user
 * reveals them (records audits the read that fetched them).
 */
export function DecisionsTable({
  rows,
  revealed,
  label,
}: {
  rows: DecisionView[];
  revealed: boolean;
  label: string;
}) {
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Outcome</th>
          <th scope="col">Traveller</th>
          <th scope="col">Born</th>
          <th scope="col">Nationality</th>
          <th scope="col">Documents</th>
          <th scope="col">Flight</th>
          <th scope="col">Decided</th>
          {rows.some((r) => r.score !== undefined) && <th scope="col">Score</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const name = `${r.subject.surname}, ${r.subject.givenNames}`;
          return (
            <tr key={r.decisionId}>
              <td>
                <Badge value={r.outcome} />
                {r.supersedes && <span className="muted"> re-vet</span>}
              </td>
              <td>
                <a href={href('travellers', r.travellerId)}>{revealed ? name : maskName(name)}</a>
              </td>
              <td>
                {revealed ? (r.subject.dateOfBirth ?? '—') : (r.subject.dateOfBirth?.slice(0, 4) ?? '—')}
              </td>
              <td>{r.subject.nationality ?? '—'}</td>
              <td>
                {revealed
                  ? r.subject.documents.join(', ')
                  : r.subject.documents.map(() => '•••••').join(', ')}
              </td>
              <td>
                <a href={href('flights', r.flight.carrier, r.flight.number, r.flight.date)}>
                  {r.flight.carrier}
                  {r.flight.number} {r.flight.date}
                </a>
              </td>
              <td>{when(r.decidedAt)}</td>
              {r.score !== undefined && <td>{r.score.toFixed(2)}</td>}
            </tr>
          );
        })}
        {rows.length === 0 && (
          <tr>
            <td colSpan={8} className="muted">
              Nothing found.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function RevealToggle({ revealed, onChange }: { revealed: boolean; onChange: (v: boolean) => void }) {
  return (
    <button type="button" className="secondary" aria-pressed={revealed} onClick={() => onChange(!revealed)}>
      {revealed ? 'Mask personal data' : 'Reveal personal data'}
    </button>
  );
}
