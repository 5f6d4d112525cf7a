import { DashboardState, DashboardView, Section, SECTIONS } from './dashboard-state';

/**
 * Seconds of the series repeated in every update: decisions are placed by their own time and may
 * reach the dashboard a moment after their second was first sent, so recent points are re-sent
 * and the page replaces them by time.
 */
export const SERIES_OVERLAP_SECONDS = 5;

export type StreamMessage =
  | { event: 'snapshot'; data: DashboardView }
  | { event: 'update'; data: Partial<DashboardView> & Pick<DashboardView, 'at' | 'figures' | 'series'> };

/**
 * What one connected page is sent: the whole view first, then updates holding the figures, the
 * newest seconds of the series and only the sections that changed since the last message.
 */
export class ViewStream {
  private sent?: Record<Section, number>;

  constructor(private readonly state: DashboardState) {}

  /** The next message is a whole snapshot again (after the client missed updates). */
  reset(): void {
    this.sent = undefined;
  }

  next(): StreamMessage {
    const revisions = Object.fromEntries(SECTIONS.map((s) => [s, this.state.revision(s)])) as Record<
      Section,
      number
    >;
    const previous = this.sent;
    this.sent = revisions;
    if (!previous) return { event: 'snapshot', data: this.state.view() };
    const view = this.state.view();
    const now = view.series[view.series.length - 1]?.t ?? Math.floor(view.at / 1000);
    const data: Extract<StreamMessage, { event: 'update' }>['data'] = {
      at: view.at,
      figures: view.figures,
      series: view.series.filter((p) => p.t > now - SERIES_OVERLAP_SECONDS),
    };
    for (const s of SECTIONS) if (revisions[s] !== previous[s]) Object.assign(data, { [s]: view[s] });
    return { event: 'update', data };
  }
}

/** One server-sent event (text/event-stream). JSON never holds a raw newline, so one data line. */
export function sseFrame(event: string, data: unknown): string {
  if (!/^[a-z][a-z-]*$/.test(event)) throw new Error(`bad event name ${event}`);
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
