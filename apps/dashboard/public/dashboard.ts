/*
 * The operators' page: reads the server-sent-event stream of apps/dashboard (a `snapshot`, then an
 * `update` every DASHBOARD_PUSH_MS, `reauthenticate` when the stream's lifetime is reached) and
 * shows it. Browser TypeScript typed against the view libs/dashboard streams (`StreamMessage`),
 * checked by `npm run lint` (apps/dashboard/public/tsconfig.json) and turned into the served
 * `assets/dashboard.js` when the dashboard starts (page-assets.ts: types stripped, nothing bundled).
 * Runs under a strict Content-Security-Policy: no inline script, no eval, and data only ever goes
 * into the page as text (textContent, never innerHTML).
 *
 * The stream is read with fetch() and an Authorization header, not EventSource (which cannot send
 * headers; a token in the URL would end up in logs and history). The token stays in memory only.
 */
import type {
  DashboardView,
  DeadLetterView,
  FlaggedDecision,
  LagView,
  ListVersionFacts,
  StreamMessage,
} from '@paxscreen/dashboard';

/** The part of uPlot (loaded before this script as `window.uPlot`) the page uses. */
type ChartData = (number | null | undefined)[][];
interface Plot {
  setData(data: ChartData): void;
  setSize(size: { width: number; height: number }): void;
  destroy(): void;
}
type PlotConstructor = new (options: object, data: ChartData, target: HTMLElement) => Plot;
interface LineSeries {
  label: string;
  stroke: string;
  width: number;
  value: (plot: Plot, v: number | null) => string;
  points?: { show: boolean; size: number; fill: string };
}
type Update = Extract<StreamMessage, { event: 'update' }>['data'];
type Outcome = keyof DashboardView['figures']['outcomes'];
/** A table cell: plain text, or a monospaced cell or an outcome tag. */
type Cell = string | number | undefined | { text: string; className?: string; tag?: string; title?: string };

(() => {
  const STREAM_URL = 'v1/dashboard/stream';
  const OUTCOMES: readonly Outcome[] = ['CLEAR', 'EXPEDITE', 'REFER', 'NO_BOARD'];
  const CHART_HEIGHT = 200;
  /** No frame for this long (updates come every second): the connection is dead, start again. */
  const SILENCE_MS = 20_000;
  const RETRY_MIN_MS = 1_000;
  const RETRY_MAX_MS = 15_000;

  const $ = (id: string): HTMLElement => {
    const el = document.getElementById(id);
    if (!el) throw new Error(`the page has no #${id}`);
    return el;
  };
  const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const COLOURS: Record<Outcome | 'text' | 'line', string> = {
    CLEAR: css('--clear'),
    EXPEDITE: css('--expedite'),
    REFER: css('--refer'),
    NO_BOARD: css('--no-board'),
    text: css('--muted'),
    line: css('--line'),
  };
  const LAG_COLOURS = [
    COLOURS.EXPEDITE,
    COLOURS.REFER,
    COLOURS.CLEAR,
    COLOURS.NO_BOARD,
    '#bc8cff',
    '#39c5cf',
  ];

  // ---- formatting -------------------------------------------------------------------------------

  const numbers = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  const scores = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? numbers.format(v) : '–');
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = (ms: number) => {
    const d = new Date(ms);
    return Number.isNaN(d.getTime())
      ? ''
      : `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  };
  const dateTime = (iso: string) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(d.getTime())}`;
  };

  const setText = (id: string, text: string) => {
    const el = $(id);
    if (el.textContent !== text) el.textContent = text;
  };

  function setStatus(text: string, kind: string, detail?: string) {
    const pill = $('status');
    pill.textContent = text;
    pill.className = `pill ${kind}`;
    if (detail !== undefined) setText('updated', detail);
  }

  // ---- tables -----------------------------------------------------------------------------------

  function cell(value: Cell) {
    const td = document.createElement('td');
    const spec: Exclude<Cell, string | number | undefined> =
      typeof value === 'object' ? value : { text: value === undefined ? '' : String(value) };
    if (spec.className) td.className = spec.className;
    if (spec.title) td.title = spec.title;
    if (spec.tag) {
      const tag = document.createElement('span');
      tag.className = `tag ${spec.tag}`;
      tag.textContent = spec.text;
      td.append(tag);
    } else {
      td.textContent = spec.text;
    }
    return td;
  }

  function fillTable(id: string, rows: Cell[][], emptyText: string, columns: number) {
    const body = $(id);
    if (rows.length === 0) {
      const td = document.createElement('td');
      td.colSpan = columns;
      td.textContent = emptyText;
      const tr = document.createElement('tr');
      tr.className = 'empty';
      tr.append(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(
      ...rows.map((cells) => {
        const tr = document.createElement('tr');
        tr.append(...cells.map(cell));
        return tr;
      }),
    );
  }

  const mono = (text: string) => ({ text, className: 'mono' });

  function renderFlagged(flagged: FlaggedDecision[]) {
    const rows = flagged.map((f): Cell[] => [
      clock(f.decidedAt),
      { text: f.outcome, tag: f.outcome, title: f.supersedes ? 'replaces an earlier decision' : '' },
      f.flight,
      f.initials,
      mono(f.document),
      f.reasons.map((r) => `${r.listId || r.kind} ${scores.format(r.score)}`).join(', '),
      mono(f.receiptId),
      mono(f.traceId || ''),
    ]);
    fillTable('flagged-body', rows, 'none yet', 8);
  }

  function renderLists(lists: ListVersionFacts[]) {
    const rows = lists.map((l): Cell[] => [
      l.listId,
      l.kind,
      mono(l.version),
      num(l.entries),
      dateTime(l.importedAt),
      `+${num(l.diff.added)} ~${num(l.diff.changed)} −${num(l.diff.removed)}`,
    ]);
    fillTable('lists-body', rows, 'no list imported', 6);
  }

  function renderDeadLetters(dead: DeadLetterView) {
    fillTable(
      'dead-codes-body',
      dead.byCode.map((d) => [d.stage, mono(d.code), num(d.count)]),
      'none',
      3,
    );
    fillTable(
      'dead-recent-body',
      dead.recent.map((d) => [clock(d.at), d.stage, mono(d.code), d.sourceTopic]),
      'none',
      4,
    );
  }

  function renderLag(lag: LagView) {
    const rows = lag.groups.map((g): Cell[] => [
      g.group,
      g.topic,
      num(g.total),
      g.partitions.map((p) => `${p.partition}: ${num(p.lag)}`).join(' · '),
    ]);
    fillTable('lag-body', rows, lag.error ? 'not read: see the note above' : 'not read yet', 4);
    const totals = lag.groups.map((g) => g.total).filter((t): t is number => typeof t === 'number');
    setText('lag-total', totals.length ? num(totals.reduce((a, b) => a + b, 0)) : '–');
    const read = lag.readAt ? ` · read ${clock(lag.readAt)}` : '';
    setText('lag-note', lag.error || `committed offsets, all groups${read}`);
  }

  function renderFigures(view: Pick<DashboardView, 'at' | 'figures'>) {
    const f = view.figures;
    setText('throughput', num(f.throughput));
    setText('decisions-total', num(f.decisionsTotal));
    for (const p of ['p50', 'p90', 'p99', 'max'] as const)
      setText(`latency-${p}`, num(f.latency && f.latency[p]));
    for (const o of OUTCOMES) setText(`outcome-${o}`, num(f.outcomes[o]));
    setText('window-label', `last ${num(f.windowSeconds / 60)} min`);
    setText('dead-window', num(f.deadLetters));
    setText('dead-total', num(f.deadLettersTotal));
    setText('unreadable', num(f.unreadable));
    setText('updated', `updated ${clock(view.at)}`);
  }

  // ---- charts (uPlot) ---------------------------------------------------------------------------

  const charts: Record<string, { key: string; plot: Plot }> = {};
  /** The seconds of the window, shared by the three charts (lag is sampled less often). */
  let xRange: [number, number] = [0, 1];

  const axis = () => ({
    stroke: COLOURS.text,
    grid: { stroke: COLOURS.line, width: 1 },
    ticks: { stroke: COLOURS.line, width: 1 },
  });

  const line = (label: string, stroke: string, points = false): LineSeries => ({
    label,
    stroke,
    width: 1.5,
    value: (_u: Plot, v: number | null) => num(v),
    // Sparse series (a latency only for seconds with decisions, a lag reading per poll) show dots.
    ...(points ? { points: { show: true, size: 4, fill: stroke } } : {}),
  });

  /** Draws into #id, creating the chart (again, when its series changed) as needed. */
  function draw(id: string, key: string, series: LineSeries[], data: ChartData) {
    const el = $(id);
    const existing = charts[id];
    if (existing && existing.key === key) {
      existing.plot.setData(data);
      return;
    }
    if (existing) existing.plot.destroy();
    const options = {
      width: Math.max(el.clientWidth, 200),
      height: CHART_HEIGHT,
      scales: { x: { time: true, range: () => xRange } },
      axes: [axis(), axis()],
      series: [{}, ...series],
    };
    charts[id] = {
      key,
      plot: new (window as unknown as { uPlot: PlotConstructor }).uPlot(options, data, el),
    };
  }

  function renderCharts(view: DashboardView) {
    if (typeof (window as { uPlot?: unknown }).uPlot !== 'function') return;
    const points = view.series;
    const t = points.map((p) => p.t);
    if (t.length) xRange = [t[0], t[t.length - 1]];
    draw(
      'chart-outcomes',
      'outcomes',
      OUTCOMES.map((o) => line(o, COLOURS[o])),
      [t, ...OUTCOMES.map((o) => points.map((p) => p.outcomes[o]))],
    );
    const ms = (v: number | undefined) => (typeof v === 'number' ? v : null);
    draw(
      'chart-latency',
      'latency',
      [line('p50', COLOURS.EXPEDITE, true), line('p99', COLOURS.REFER, true)],
      [t, points.map((p) => ms(p.p50)), points.map((p) => ms(p.p99))],
    );
    const groups = view.lag.groups.map((g) => `${g.group} ${g.topic}`);
    const samples = view.lag.series;
    draw(
      'chart-lag',
      `lag:${groups.join('|')}`,
      groups.map((g, i) => line(g.split(' ')[0], LAG_COLOURS[i % LAG_COLOURS.length], true)),
      [
        samples.map((s) => s.t),
        ...groups.map((g) => samples.map((s) => (typeof s.totals[g] === 'number' ? s.totals[g] : null))),
      ],
    );
  }

  let resizeTimer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const id of Object.keys(charts))
        charts[id].plot.setSize({ width: Math.max($(id).clientWidth, 200), height: CHART_HEIGHT });
    }, 150);
  });

  // ---- the view ---------------------------------------------------------------------------------

  let view: DashboardView | undefined;

  function onSnapshot(data: DashboardView) {
    view = data;
    renderFigures(view);
    renderFlagged(view.flagged);
    renderLists(view.lists);
    renderDeadLetters(view.deadLetters);
    renderLag(view.lag);
    renderCharts(view);
  }

  /** Figures and the newest seconds always; a section only when it changed. */
  function onUpdate(data: Update) {
    if (!view) return;
    view.at = data.at;
    view.figures = data.figures;
    if (data.series.length) {
      // Recent seconds are re-sent (late decisions): the update replaces them by time.
      const from = data.series[0].t;
      const merged = view.series.filter((p) => p.t < from).concat(data.series);
      const last = merged[merged.length - 1].t;
      view.series = merged.filter((p) => p.t > last - data.figures.windowSeconds);
    }
    renderFigures(view);
    if (data.flagged) renderFlagged((view.flagged = data.flagged));
    if (data.lists) renderLists((view.lists = data.lists));
    if (data.deadLetters) renderDeadLetters((view.deadLetters = data.deadLetters));
    if (data.lag) renderLag((view.lag = data.lag));
    renderCharts(view);
  }

  // ---- the stream -------------------------------------------------------------------------------

  let token: string | undefined;
  /** The stream being read. */
  let connection: { abort: AbortController } | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = RETRY_MIN_MS;

  /** One text/event-stream frame: `event:` and `data:` lines. */
  function parseFrame(frame: string) {
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return { event, data: data.join('\n') };
  }

  function onFrame(frame: string) {
    const { event, data } = parseFrame(frame);
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return; // not ours to show; the next update brings everything again
    }
    if (event === 'snapshot') {
      retryMs = RETRY_MIN_MS;
      setStatus('live', 'on');
      onSnapshot(payload as DashboardView);
    } else if (event === 'update') onUpdate(payload as Update);
    // 'reauthenticate': the stream ends next, and connect() opens a new one with the token.
  }

  async function errorMessage(res: Response) {
    try {
      const body = (await res.json()) as { message?: unknown };
      return typeof body.message === 'string' ? body.message : res.statusText;
    } catch {
      return res.statusText;
    }
  }

  function disconnect() {
    clearTimeout(retryTimer);
    if (connection) connection.abort.abort();
    connection = undefined;
  }

  function retry(detail: string, kind = 'bad') {
    setStatus('reconnecting…', kind, detail);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }

  async function connect() {
    disconnect();
    if (!token) return;
    const current = { abort: new AbortController() };
    connection = current;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => current.abort.abort(), SILENCE_MS);
    };
    setStatus('connecting…', 'off');
    try {
      listen();
      const res = await fetch(STREAM_URL, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        cache: 'no-store',
        signal: current.abort.signal,
      });
      if (res.status === 401 || res.status === 403) {
        token = undefined; // a refused token is not retried: the operator pastes another
        setStatus('token refused', 'bad', await errorMessage(res));
        return;
      }
      if (!res.ok || !res.body) throw new Error(`${res.status} ${await errorMessage(res)}`);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        listen();
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.trim()) onFrame(frame);
        }
      }
      // The server ended the stream (lifetime reached, restart): open a new one, token verified again.
      if (connection === current) retry('stream ended, reconnecting', 'off');
    } catch (err) {
      if (connection === current) retry(err instanceof Error && err.name !== 'AbortError' ? err.message : '');
    } finally {
      clearTimeout(silence);
    }
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    const input = $('token') as HTMLInputElement;
    const value = input.value.trim();
    if (!value) return;
    token = value;
    input.value = '';
    retryMs = RETRY_MIN_MS;
    void connect();
  });

  // A token handed over in the URL fragment (#token=…): never sent to a server; removed at once.
  const fragment = /^#token=(.+)$/.exec(location.hash);
  if (fragment) {
    history.replaceState(null, '', location.pathname + location.search);
    try {
      token = decodeURIComponent(fragment[1]);
      void connect();
    } catch {
      setStatus('token refused', 'bad', 'the token in the address could not be read');
    }
  }
})();
