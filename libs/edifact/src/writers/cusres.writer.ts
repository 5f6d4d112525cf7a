import type { FlightLeg, Iapi } from '@paxscreen/contracts';

import { dtm, EdifactWriteOptions, SegmentWriter, SYNTAX_PLACEHOLDER, unbDateTime } from './segment-writer';

type BoardingStatus = Iapi.BoardingStatus;

/**
 * ERC application error codes of the iAPI answer per traveller, as profiled for board / no-board
 * responses in the WCO/IATA/ICAO API guidelines (and the DHS CUSRES guide): 0Z cleared to board,
 * 1Z not cleared (do not board), 2Z insufficient or to be resolved (contact the agency). States
 * that profile other codes pass `statusCodes`.
 */
export const BOARDING_STATUS_CODES: Readonly<Record<BoardingStatus, string>> = {
  OK_TO_BOARD: '0Z',
  DO_NOT_BOARD: '1Z',
  CONTACT_AGENCY: '2Z',
};
const STATUS_TEXT: Readonly<Record<BoardingStatus, string>> = {
  OK_TO_BOARD: 'OK TO BOARD',
  DO_NOT_BOARD: 'DO NOT BOARD',
  CONTACT_AGENCY: 'CONTACT AGENCY',
};
/**
 * ERC codes acknowledging an iAPI change (a cancellation or an offload after check-in): the change
 * was applied to a traveller paxscreen had, or no checked-in traveller matched. These are
 * paxscreen's own codes (the API guidelines profile board / no-board answers, not change
 * acknowledgements); states that profile others pass `code` per answer.
 */
export const CHANGE_ACK_CODES = { APPLIED: 'ACK', NOT_FOUND: 'NFD' } as const;

/** BGM 1001 962: response to an API / iAPI request. */
const RESPONSE_DOCUMENT = '962';

export interface CusresAnswer {
  status: BoardingStatus;
  /** The carrier's references for the traveller, echoed back (RFF+ABO, RFF+AVF). */
  ref?: string;
  locator?: string;
  surname?: string;
  givenNames?: string;
  dateOfBirth?: string;
  document?: { type: string; number: string; issuer?: string };
  /** Free text for the check-in agent (never the reason for a refusal). */
  text?: string;
  /** ERC code instead of the status's (e.g. a change acknowledgement, CHANGE_ACK_CODES). */
  code?: string;
}

export interface CusresInput {
  sender: string;
  recipient: string;
  controlRef: string;
  preparedAt?: string;
  messageRef: string;
  /** The PAXLST transaction reference (RFF+TN) or JSON messageId this answers. */
  requestRef?: string;
  flight: FlightLeg;
  answers: CusresAnswer[];
}

export interface CusresWriteOptions extends EdifactWriteOptions {
  version?: string;
  statusCodes?: Partial<Record<BoardingStatus, string>>;
}

/** Writes the CUSRES interchange answering an iAPI request, one ERP group per traveller. */
export function writeCusres(input: CusresInput, options: CusresWriteOptions = {}): string {
  const version = options.version ?? 'D:05B';
  const codes = { ...BOARDING_STATUS_CODES, ...options.statusCodes };
  const w = new SegmentWriter(options);
  const [date, time] = unbDateTime(input.preparedAt);
  w.segment('UNB', [SYNTAX_PLACEHOLDER, '4'], input.sender, input.recipient, [date, time], input.controlRef);
  w.segment('UNG', 'CUSRES', input.sender, input.recipient, [date, time], input.controlRef, 'UN', version);
  const start = w.written;
  const [v, r] = version.split(':');
  w.segment('UNH', input.messageRef, ['CUSRES', v, r, 'UN', 'IATA']);
  w.segment('BGM', RESPONSE_DOCUMENT);
  if (input.requestRef) w.segment('RFF', ['TN', input.requestRef]);
  const f = input.flight;
  w.segment('TDT', '20', `${f.carrier}${f.number}`, '', '', f.carrier);
  w.segment('LOC', '125', f.departure.port);
  if (f.departure.at) w.segment('DTM', ['189', ...dtm(f.departure.at)]);
  w.segment('LOC', '87', f.arrival.port);
  if (f.arrival.at) w.segment('DTM', ['232', ...dtm(f.arrival.at)]);
  for (const a of input.answers) {
    w.segment('ERP', '2');
    if (a.locator) w.segment('RFF', ['AVF', a.locator]);
    if (a.ref) w.segment('RFF', ['ABO', a.ref]);
    if (a.surname !== undefined) w.segment('NAD', 'FL', '', '', [a.surname, a.givenNames]);
    if (a.dateOfBirth) w.segment('DTM', ['329', ...dtm(a.dateOfBirth)]);
    if (a.document) {
      w.segment('DOC', a.document.type, a.document.number);
      if (a.document.issuer) w.segment('LOC', '91', a.document.issuer);
    }
    w.segment('ERC', a.code ?? codes[a.status]);
    w.segment('FTX', 'AAP', '', '', a.text ?? STATUS_TEXT[a.status]);
  }
  w.segment('UNT', String(w.since(start) + 1), input.messageRef);
  w.segment('UNE', '1', input.controlRef);
  w.segment('UNZ', '1', input.controlRef);
  return w.render();
}
