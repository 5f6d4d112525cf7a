/**
 * The ready-to-paste commands the demo prints for the stack it leaves running: one curl per
 * interface, with this run's carrier key and staff tokens. Pure (no I/O), so a unit spec checks
 * every command against the controllers' routes, roles and guards without starting the stack.
 */
import { readMessage } from '@paxscreen/edifact';

export type DemoRole = 'officer' | 'analyst' | 'supervisor' | 'auditor' | 'admin' | 'operator';

export interface DemoCurlInput {
  urls: { gateway: string; watchlist: string; records: string; dashboard: string };
  /** A carrier's key and a sample manifest of its (any message: `POST /v1/messages`). */
  messages: { key: string; file: string };
  /** A carrier's key and a sample holding one PAXLST message of its (`POST /v1/iapi`). */
  iapi?: { key: string; file: string };
  token: (role: DemoRole) => string;
  /** A decided traveller's document, and its passport MRZ when one can be written. */
  document?: { issuer?: string; number: string; mrz?: readonly string[] };
  /** A PNR-derived traveller (the PNR vault). */
  pnrTravellerId?: string;
  /** A flight's manifest in the records service (path and query). */
  manifestPath: string;
  /** The sample manifests' directory, relative to the repository. */
  samples?: string;
}

/** The commands, one a line, in the order the demo prints them. */
export function demoCurls(i: DemoCurlInput): string[] {
  const { gateway, watchlist, records, dashboard } = i.urls;
  const samples = i.samples ?? 'data/samples/manifests';
  const bearer = (role: DemoRole) => `-H "authorization: Bearer ${i.token(role)}"`;
  const edifact = (key: string, file: string) =>
    `-H 'x-api-key: ${key}' -H 'content-type: application/edifact' --data-binary @${samples}/${file}`;
  const lines = [`curl -s ${edifact(i.messages.key, i.messages.file)} ${gateway}/v1/messages`];
  // Interactive API: the travellers checking in, answered per traveller now (CUSRES with
  // `-H 'accept: application/edifact'`).
  if (i.iapi) lines.push(`curl -s ${edifact(i.iapi.key, i.iapi.file)} ${gateway}/v1/iapi`);
  if (i.document) {
    const { issuer = 'XXX', number, mrz } = i.document;
    lines.push(`curl -s ${bearer('officer')} ${gateway}/v1/poe/documents/${issuer}/${number}`);
    // The same traveller's passport as scanned (MRZ characters need no shell quoting).
    if (mrz)
      lines.push(
        `curl -s ${bearer('officer')} -H 'content-type: application/json' -d '${JSON.stringify({ mrz: mrz.join('\n') })}' ${gateway}/v1/poe/mrz`,
      );
  }
  if (i.pnrTravellerId) lines.push(`curl -s ${bearer('officer')} ${gateway}/v1/pnr/${i.pnrTravellerId}`);
  lines.push(`curl -s ${bearer('admin')} ${watchlist}/v1/lists`);
  // Carrier key management (issue 17): carriers and key states (never a key); a new key for a carrier.
  lines.push(`curl -s ${bearer('admin')} ${gateway}/v1/admin/carriers`);
  lines.push(
    `curl -s ${bearer('admin')} -H 'content-type: application/json' -d '{"code":"ZZ","name":"ZZ Airways"}' ${gateway}/v1/admin/carriers && curl -s ${bearer('admin')} -X POST ${gateway}/v1/admin/carriers/ZZ/keys`,
  );
  lines.push(`curl -s ${bearer('officer')} '${records}${i.manifestPath}'`);
  lines.push(`curl -s ${bearer('officer')} '${records}/v1/records/search/names?q=Muhammad%20Aly'`);
  lines.push(`curl -s ${bearer('auditor')} '${records}/v1/records/audit?actor=demo-officer'`);
  // The operators' dashboard: the whole view once (the page at / streams it).
  lines.push(`curl -s ${bearer('operator')} ${dashboard}/v1/dashboard/snapshot`);
  lines.push(`curl -s ${records}/metrics | grep paxscreen_consumer_lag`);
  return lines;
}

/** At most this many travellers in the iAPI sample (the gateway's `IAPI_MAX_TRAVELLERS` default). */
const IAPI_SAMPLE_MAX_TRAVELLERS = 500;

/**
 * The first sample an iAPI request can be: exactly one PAXLST message, of a carrier the demo has
 * a key for, with at most `IAPI_MAX_TRAVELLERS` travellers. Undefined when none is.
 */
export function iapiSample(
  manifests: readonly { file: string; bytes: Buffer }[],
  hasKey: (carrier: string) => boolean,
): { file: string; carrier: string } | undefined {
  for (const m of manifests) {
    let messages;
    try {
      messages = readMessage(m.bytes).messages;
    } catch {
      continue;
    }
    const [only] = messages;
    if (
      messages.length === 1 &&
      only.messageType === 'PAXLST' &&
      only.travellers.length <= IAPI_SAMPLE_MAX_TRAVELLERS &&
      hasKey(only.manifest.carrier)
    )
      return { file: m.file, carrier: only.manifest.carrier };
  }
  return undefined;
}
