/**
 * The carriers page: expected flights of a day with their API and PNR obligations, the MISSING and
 * LATE incidents, and every carrier's scorecard with a chart. Data comes from this service's API
 * with the staff token in an Authorization header (never in the URL); the token stays in memory.
 * Everything is built with DOM calls (no innerHTML): the data cannot inject markup.
 */
import type { ExpectedFlightView as Flight, Scorecard } from '@paxscreen/carriers';
import type { CarrierEvent } from '@paxscreen/contracts';

type Obligation = Flight['obligations'][number];
type Incident = CarrierEvent.Value;

const $ = (id: string) => document.getElementById(id)!;
const SVG = 'http://www.w3.org/2000/svg';
let token: string | undefined;

function el(tag: string, text?: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function row(cells: (string | HTMLElement)[]): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (typeof c === 'string') td.textContent = c;
    else td.append(c);
    tr.append(td);
  }
  return tr;
}

function fill(id: string, rows: HTMLTableRowElement[], empty: string, columns: number): void {
  const body = $(id);
  body.replaceChildren(...rows);
  if (rows.length === 0) {
    const tr = row([empty]);
    tr.className = 'empty';
    (tr.firstChild as HTMLTableCellElement).colSpan = columns;
    body.append(tr);
  }
}

const utc = (iso?: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');
const pct = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)} %`);

/** The worst status of a group of obligations: MISSING, then LATE, PENDING, ON_TIME. */
function worst(obligations: Obligation[], prefix: string): HTMLElement {
  const order = ['MISSING', 'LATE', 'PENDING', 'ON_TIME'];
  const mine = obligations.filter((o) => o.obligation.startsWith(prefix));
  const status = order.find((s) => mine.some((o) => o.status === s)) ?? 'PENDING';
  const bad = mine
    .filter((o) => o.status === status && (status === 'MISSING' || status === 'LATE'))
    .map((o) => o.obligation);
  return el('span', bad.length ? `${status} (${bad.join(', ')})` : status, status);
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    throw new Error(`${res.status} ${body.code ?? ''}`.trim());
  }
  return (await res.json()) as T;
}

function chart(cards: Scorecard[]): void {
  const svg = $('chart');
  const shapes: SVGElement[] = [];
  const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    shapes.push(e);
  };
  const top = 20;
  const height = 200;
  add('line', { x1: 40, y1: top + height, x2: 710, y2: top + height, class: 'axis' });
  for (const p of [0, 50, 100]) add('text', { x: 4, y: top + height - (p / 100) * height + 4 }, `${p}%`);
  const width = Math.min(80, 660 / Math.max(1, cards.length));
  cards.forEach((c, i) => {
    const x = 50 + i * width;
    const onTime = c.timeliness.onTimeRate ?? 0;
    const bad = c.badDocumentRate ?? 0;
    add('rect', {
      x,
      y: top + height - onTime * height,
      width: width * 0.4,
      height: onTime * height,
      class: 'ontime',
    });
    add('rect', {
      x: x + width * 0.42,
      y: top + height - bad * height,
      width: width * 0.4,
      height: bad * height,
      class: 'bad',
    });
    add('text', { x, y: top + height + 16 }, c.carrier);
  });
  svg.replaceChildren(...shapes);
}

async function load(): Promise<void> {
  const day = ($('day') as HTMLInputElement).value;
  const status = $('status');
  try {
    const [flights, incidents, cards] = await Promise.all([
      get<{ flights: Flight[] }>(`v1/flights/expected?date=${day}`),
      get<{ incidents: Incident[] }>(`v1/carriers/incidents?from=${day}&to=${day}`),
      get<{ scorecards: Scorecard[] }>(`v1/carriers/scorecards?from=${day}&to=${day}`),
    ]);
    $('period').textContent = day;
    $('flights-count').textContent = String(flights.flights.length);
    $('missing-count').textContent = String(
      incidents.incidents.filter((i) => i.kind === 'MISSING' && i.state === 'OPEN').length,
    );
    $('late-count').textContent = String(incidents.incidents.filter((i) => i.kind === 'LATE').length);
    const due = cards.scorecards.reduce(
      (a, c) => ({
        on: a.on + c.timeliness.onTime,
        all: a.all + c.timeliness.onTime + c.timeliness.late + c.timeliness.missing,
      }),
      { on: 0, all: 0 },
    );
    $('ontime-rate').textContent = pct(due.all ? due.on / due.all : null);
    fill(
      'incidents-body',
      incidents.incidents.map((i) =>
        row([
          `${i.carrier}${i.flightNumber}`,
          i.departureDate,
          `${i.origin ?? '?'} → ${i.destination ?? '?'}`,
          i.obligation,
          el('span', i.kind, i.kind),
          el('span', i.state, i.state),
          utc(i.dueAt),
          utc(i.receivedAt),
        ]),
      ),
      'no missing or late submissions',
      8,
    );
    fill(
      'scorecards-body',
      cards.scorecards.map((c) =>
        row([
          c.carrier,
          String(c.flights),
          String(c.messages.total),
          String(c.messages.duplicates),
          String(c.travellers),
          `${c.badDocumentTravellers} (${pct(c.badDocumentRate)})`,
          String(c.rejections.total),
          String(c.findings.byCategory.documentExpiry ?? 0),
          String(c.findings.byCategory.checkDigits ?? 0),
          String(c.findings.byCategory.countries ?? 0),
          pct(c.timeliness.onTimeRate),
          String(c.timeliness.late),
          String(c.timeliness.missing),
        ]),
      ),
      'no carrier in this period',
      13,
    );
    fill(
      'flights-body',
      flights.flights.map((f) =>
        row([
          `${f.carrier}${f.flightNumber}${f.unknownCarrier ? ' (unknown carrier)' : ''}`,
          `${f.origin} → ${f.destination}`,
          utc(f.departureAt),
          f.source,
          worst(f.obligations, 'API_'),
          worst(f.obligations, 'PNR_'),
        ]),
      ),
      'no expected flight on this day',
      6,
    );
    chart(cards.scorecards);
    status.textContent = `loaded ${new Date().toISOString().slice(11, 19)} UTC`;
    status.className = 'pill ok';
  } catch (err) {
    status.textContent = `refused: ${(err as Error).message}`;
    status.className = 'pill bad';
  }
}

async function downloadCsv(event: Event): Promise<void> {
  event.preventDefault();
  const day = ($('day') as HTMLInputElement).value;
  const res = await fetch(`v1/carriers/scorecards.csv?from=${day}&to=${day}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = `carrier-scorecards-${day}.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

function main(): void {
  const day = $('day') as HTMLInputElement;
  const params = new URLSearchParams(location.hash.slice(1));
  day.value = params.get('day') ?? new Date().toISOString().slice(0, 10);
  // A token handed over in the URL fragment (#token=…&day=…): never sent to a server; removed at once.
  const handed = params.get('token');
  if (handed) {
    token = handed;
    history.replaceState(null, '', location.pathname);
    void load();
  }
  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('token') as HTMLInputElement;
    if (input.value.trim()) token = input.value.trim();
    input.value = '';
    if (token) void load();
  });
  $('csv').addEventListener('click', (e) => void downloadCsv(e));
}

main();
