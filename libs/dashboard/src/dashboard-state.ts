import { LagBoard, LagView, PartitionLagReading } from './lag-board';
import { LiveWindow, SeriesPoint, WindowFigures } from './live-window';
import {
  DeadLetterFacts,
  FlaggedDecision,
  ListVersionFacts,
  readDeadLetter,
  readDecision,
  readListVersion,
} from './read-records';

export interface DashboardOptions {
  /** Seconds of history charted and kept. */
  windowSeconds: number;
  /** Flagged decisions and dead letters listed, newest first. */
  recentLimit: number;
  now?: () => number;
}

export interface Figures extends WindowFigures {
  /** Since the dashboard started. */
  decisionsTotal: number;
  deadLettersTotal: number;
  /** Records that could not be read as what their topic promises. */
  unreadable: number;
}

export interface DeadLetterView {
  recent: DeadLetterFacts[];
  /** Since the dashboard started, most frequent first. */
  byCode: { stage: string; code: string; count: number }[];
}

/** The sections of the view that change independently (streamed only when they changed). */
export const SECTIONS = ['flagged', 'deadLetters', 'lists', 'lag'] as const;
export type Section = (typeof SECTIONS)[number];

export interface DashboardView {
  at: number;
  figures: Figures;
  series: SeriesPoint[];
  flagged: FlaggedDecision[];
  deadLetters: DeadLetterView;
  lists: ListVersionFacts[];
  lag: LagView;
}

/**
 * Everything the operators' page shows, fed record by record from the decisions, dead-letter and
 * list-versions topics and by periodic lag readings. Holds no personal data: records are masked
 * as they are read.
 */
export class DashboardState {
  private readonly window: LiveWindow;
  private readonly lagBoard: LagBoard;
  private readonly now: () => number;
  private flagged: FlaggedDecision[] = [];
  private recentDeadLetters: DeadLetterFacts[] = [];
  private readonly deadLetterCounts = new Map<string, { stage: string; code: string; count: number }>();
  private readonly lists = new Map<string, ListVersionFacts>();
  private decisionsTotal = 0;
  private deadLettersTotal = 0;
  private unreadable = 0;
  private readonly revisions: Record<Section, number> = { flagged: 0, deadLetters: 0, lists: 0, lag: 0 };

  constructor(private readonly options: DashboardOptions) {
    this.window = new LiveWindow(options.windowSeconds);
    this.lagBoard = new LagBoard(options.windowSeconds);
    this.now = options.now ?? Date.now;
  }

  onDecision(value: Buffer | null, headers: Record<string, string> = {}): void {
    const facts = readDecision(value, headers);
    if (!facts) {
      this.unreadable++;
      return;
    }
    this.decisionsTotal++;
    const latency = facts.receivedAt !== undefined ? facts.decidedAt - facts.receivedAt : undefined;
    this.window.addDecision(facts.decidedAt, facts.outcome, latency, this.now());
    if (facts.flagged) {
      this.flagged = [facts.flagged, ...this.flagged].slice(0, this.options.recentLimit);
      this.revisions.flagged++;
    }
  }

  onDeadLetter(value: Buffer | null): void {
    const now = this.now();
    const facts = readDeadLetter(value, now);
    if (!facts) {
      this.unreadable++;
      return;
    }
    this.deadLettersTotal++;
    this.window.addDeadLetter(facts.at, now);
    this.recentDeadLetters = [facts, ...this.recentDeadLetters].slice(0, this.options.recentLimit);
    const key = `${facts.stage}/${facts.code}`;
    const counted = this.deadLetterCounts.get(key) ?? { stage: facts.stage, code: facts.code, count: 0 };
    counted.count++;
    this.deadLetterCounts.set(key, counted);
    this.revisions.deadLetters++;
  }

  /** A record of the compacted list-versions topic (key = list id; null value = list removed). */
  onListVersion(key: string | null, value: Buffer | null): void {
    if (value === null) {
      if (key !== null && this.lists.delete(key)) this.revisions.lists++;
      return;
    }
    const facts = readListVersion(value);
    if (!facts) {
      this.unreadable++;
      return;
    }
    this.lists.set(facts.listId, facts);
    this.revisions.lists++;
  }

  onLag(readings: PartitionLagReading[]): void {
    this.lagBoard.record(readings, this.now());
    this.revisions.lag++;
  }

  onLagError(message: string): void {
    this.lagBoard.recordError(message);
    this.revisions.lag++;
  }

  revision(section: Section): number {
    return this.revisions[section];
  }

  figures(): Figures {
    return {
      ...this.window.figures(this.now()),
      decisionsTotal: this.decisionsTotal,
      deadLettersTotal: this.deadLettersTotal,
      unreadable: this.unreadable,
    };
  }

  series(fromSecond?: number): SeriesPoint[] {
    return this.window.series(this.now(), fromSecond);
  }

  section(section: Section): DashboardView[Section] {
    switch (section) {
      case 'flagged':
        return this.flagged;
      case 'deadLetters':
        return {
          recent: this.recentDeadLetters,
          byCode: [...this.deadLetterCounts.values()].sort((a, b) => b.count - a.count),
        };
      case 'lists':
        return [...this.lists.values()].sort((a, b) => a.listId.localeCompare(b.listId));
      case 'lag':
        return this.lagBoard.view();
    }
  }

  view(): DashboardView {
    return {
      at: this.now(),
      figures: this.figures(),
      series: this.series(),
      flagged: this.flagged,
      deadLetters: this.section('deadLetters') as DeadLetterView,
      lists: this.section('lists') as ListVersionFacts[],
      lag: this.lagBoard.view(),
    };
  }
}
