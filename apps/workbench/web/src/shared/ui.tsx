import type { ReactNode } from 'react';

import { ApiFailure } from './api';

export function ErrorNote({ error }: { error?: Error }) {
  if (!error) return null;
  const code = error instanceof ApiFailure ? error.code : 'ERROR';
  return (
    <p className="error" role="alert">
      <strong>{code}</strong> {error.message}
    </p>
  );
}

export function Loading({ when }: { when: boolean }) {
  return when ? (
    <p className="muted" aria-live="polite">
      Loading…
    </p>
  ) : null;
}

export function Panel({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="panel" aria-labelledby={id ? `${id}-title` : undefined} id={id}>
      <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

const OUTCOME_CLASS: Record<string, string> = {
  NO_BOARD: 'badge badge-red',
  REFER: 'badge badge-amber',
  CLEAR: 'badge badge-green',
  EXPEDITE: 'badge badge-green',
};

export function Badge({ value }: { value: string }) {
  return <span className={OUTCOME_CLASS[value] ?? 'badge'}>{value}</span>;
}

export function Priority({ value }: { value: number }) {
  const level = value >= 70 ? 'high' : value >= 40 ? 'medium' : 'low';
  return (
    <span className={`priority priority-${level}`} title={`priority ${value} of 100`}>
      {value}
    </span>
  );
}

/** Masks a name for lists that show many travellers: initial and length only. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]}${'•'.repeat(Math.max(2, part.length - 1))}`)
    .join(' ');
}

export const when = (iso?: string | null) =>
  iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + 'Z' : '—';
