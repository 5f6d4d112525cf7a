import type { Decision, FlightLeg, Reason, Traveller, TravellerRole } from '@paxscreen/contracts';
import { subjectOf } from '@paxscreen/screening';

import type { ManifestToScreen } from './read-manifests';

/**
 * One line of `paxscreen screen --json`: the decision with whom and which flight it is about, in
 * the shape of the decisions the screening service publishes (`DecisionMade`: manifestId, flight,
 * subject, decision) plus where the traveller was read (file, index).
 */
export interface ScreenLine {
  file: string;
  manifestId: string;
  /** Position of the traveller in the (assembled) message, from 0. */
  index: number;
  role: TravellerRole;
  flight: FlightLeg;
  subject: Pick<Traveller, 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'documents'>;
  decision: Decision;
}

export function screenLine(
  manifest: ManifestToScreen,
  index: number,
  traveller: Traveller,
  decision: Decision,
): ScreenLine {
  return {
    file: manifest.files.join(','),
    manifestId: manifest.message.manifest.manifestId,
    index,
    role: traveller.role,
    flight: traveller.flight,
    subject: subjectOf(traveller),
    decision,
  };
}

/** Column widths of the table; longer cells are cut with an ellipsis so rows stay aligned while streaming. */
const COLUMNS = { index: 5, role: 4, name: 32, born: 10, nationality: 3, document: 20, outcome: 8 } as const;
const ROLE_CODES: Record<TravellerRole, string> = { PASSENGER: 'PAX', CREW: 'CREW', IN_TRANSIT: 'TRAN' };
/** Scores shown with this many decimals: enough to compare with thresholds, short enough to read. */
const SCORE_DECIMALS = 3;

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** The heading printed above each manifest's rows. */
export function manifestHeading(manifest: ManifestToScreen): string {
  const m = manifest.message;
  const travellers = `${m.travellers.length} traveller${m.travellers.length === 1 ? '' : 's'}`;
  const lines = [
    `${m.messageType} ${m.manifest.manifestId}  ${manifest.files.join(', ')}  (${travellers}${manifest.incomplete ? ', incomplete multi-part set' : ''})`,
    [
      cell('#', COLUMNS.index),
      cell('ROLE', COLUMNS.role),
      cell('NAME', COLUMNS.name),
      cell('BORN', COLUMNS.born),
      cell('NAT', COLUMNS.nationality),
      cell('DOCUMENT', COLUMNS.document),
      'OUTCOME',
    ].join('  '),
  ];
  return `${lines.join('\n')}\n`;
}

/** One traveller's row, then one indented line per reason (the deciding one first). */
export function tableRow(index: number, traveller: Traveller, decision: Decision): string {
  const doc = traveller.documents[0];
  const name = [traveller.surname, traveller.givenNames].filter(Boolean).join(', ');
  const row = [
    cell(String(index + 1), COLUMNS.index),
    cell(ROLE_CODES[traveller.role], COLUMNS.role),
    cell(name || '-', COLUMNS.name),
    cell(traveller.dateOfBirth ?? '-', COLUMNS.born),
    cell(traveller.nationality ?? '-', COLUMNS.nationality),
    cell(doc ? [doc.type, doc.issuer, doc.number].filter(Boolean).join(' ') : '-', COLUMNS.document),
    decision.outcome,
  ].join('  ');
  return [row.trimEnd(), ...decision.reasons.map(reasonLine)].join('\n') + '\n';
}

export function reasonLine(r: Reason): string {
  const label = r.label ? ` ${r.label}:` : '';
  return `${' '.repeat(COLUMNS.index + 2)}- ${r.action} ${r.kind} ${r.source.listId}/${r.source.entryId} (${r.score.toFixed(SCORE_DECIMALS)})${label} ${r.explanation}`;
}
