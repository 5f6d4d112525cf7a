import type {
  Finding,
  FlightLeg,
  MessageType,
  QualityReport,
  Traveller,
  TravellerStatusState,
  TypeBEnvelope,
} from '@paxscreen/contracts';

export type ManifestKind = 'PASSENGERS' | 'CREW' | 'PNR';
export type Direction = 'INBOUND' | 'OUTBOUND';

/** UNB of an EDIFACT interchange. */
export interface InterchangeInfo {
  sender: string;
  recipient: string;
  controlRef: string;
  /** Syntax identifier and version as sent, e.g. `UNOA:4`, `IATA:1`. */
  syntax: string;
  /** UNB date/time of preparation, ISO local date-time. */
  preparedAt?: string;
  /** What the bytes were decoded as (`ascii`, `utf-8`, `iso-8859-1`, …). */
  charset: string;
}

/** The party that sent the list (PAXLST NAD+MS with its COM, JSON `reportingParty`). */
export interface ReportingParty {
  name?: string;
  phone?: string;
  fax?: string;
  email?: string;
}

export interface ManifestInfo {
  /**
   * Identifies the manifest independently of re-sends and versions:
   * `<carrier><flight number>:<departure date>:<IN|OUT|->:<kind>`, e.g. `UA0989:2017-01-27:-:PASSENGERS`.
   * Flight numbers are canonical (four digits), so the same flight sent as EDIFACT or JSON, or as
   * `LA532` and `LA0532`, gives one id. PNRGOV pushes for a flight share one id (kind PNR) whatever
   * PNRs they carry. Never change this rule without a migration: stored versions are keyed by it.
   */
  manifestId: string;
  carrier: string;
  flightNumber: string;
  /** Local departure date (YYYY-MM-DD) of the reported flight, when known. */
  departureDate?: string;
  direction?: Direction;
  kind: ManifestKind;
  /** The reported flight (the leg crossing the border when the message says which). */
  flight: FlightLeg;
  /** Every leg the message lists, in order (PAXLST TDT groups, PNRGOV header TVL, JSON legs). */
  legs: FlightLeg[];
  reportingParty?: ReportingParty;
  /** PAXLST BGM 1001 document name code (745 passengers, 250 crew, …). */
  documentCode?: string;
  /**
   * An iAPI change: the listed travellers were cancelled or offloaded after check-in (PAXLST BGM,
   * see paxlst/status-change.ts; JSON `travellerStatus`). Absent for an ordinary list.
   */
  travellerStatus?: TravellerStatusState;
  /** PAXLST RFF+TN transaction reference / JSON messageId: what a CUSRES answer refers to. */
  transactionRef?: string;
}

/**
 * Highest part number of a multi-part message: UNH S010 0070 is n..2 (ISO 9735), and the JSON
 * format follows it. A larger number is refused when read: parts are assembled by numbering every
 * part up to the last, so an unbounded number would let one small message stall the parser.
 */
export const MAX_PARTS = 99;

export interface Multipart {
  /** UNH common access reference (0068), or the message reference when absent. */
  reference: string;
  /** 1-based part number (UNH S010 0070). */
  sequence: number;
  /** UNH S010 0073 = F: the last part. */
  final: boolean;
}

export interface ParsedMessage {
  messageType: MessageType;
  /** `D:05B`, `13:1`, `json:1`. */
  version: string;
  messageRef?: string;
  manifest: ManifestInfo;
  travellers: Traveller[];
  report: QualityReport;
  multipart?: Multipart;
}

export interface ReadResult {
  interchange?: InterchangeInfo;
  /** The Type B envelope the message came in (stripped before reading), when it had one. */
  typeB?: TypeBEnvelope;
  messages: ParsedMessage[];
  /** Interchange-level findings (charset, UNA, envelope); message findings are in each report. */
  findings: Finding[];
}

export interface ReadOptions {
  /** Reference time for century rules and "expired" / "born in the future" checks. */
  now?: Date;
  /** Direction when the transport knows it (EDIFACT does not say); JSON manifests carry their own. */
  direction?: Direction;
  /** Assemble complete multi-part sets found in one interchange (default true). */
  mergeParts?: boolean;
  /**
   * Stop reading, with TOO_MANY_TRAVELLERS, at the first traveller beyond this many (iAPI caps a
   * request at a few hundred: a 100,000-traveller body is refused at traveller 501, not built).
   */
  maxTravellers?: number;
}

/** What every reader needs to know besides the message itself. */
export interface ReadContext {
  now: Date;
  refYear: number;
  direction?: Direction;
  maxTravellers?: number;
}

export function readContext(options: ReadOptions = {}): ReadContext {
  const now = options.now ?? new Date();
  return {
    now,
    refYear: now.getUTCFullYear(),
    direction: options.direction,
    maxTravellers: options.maxTravellers,
  };
}
