import { type FormEvent, useState } from 'react';

import type { HitDetail } from '@paxscreen/contracts';

import { api } from '../shared/api';
import { Panel, when } from '../shared/ui';

export function Notes({ hit, act }: { hit: HitDetail; act: (w: () => Promise<unknown>) => Promise<void> }) {
  const [text, setText] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    await act(() =>
      api(`/v1/casework/hits/${encodeURIComponent(hit.hitId)}/notes`, { method: 'POST', body: { text } }),
    );
    setText('');
  };
  return (
    <Panel title="Notes" id="notes">
      <ul className="notes">
        {hit.notes.map((n) => (
          <li key={n.noteId}>
            <span className="muted">
              {n.author} · {when(n.at)}
            </span>{' '}
            {n.text}
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void submit(e)} className="row">
        <label htmlFor="note-text" className="sr-only">
          New note
        </label>
        <input
          id="note-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Add a note"
        />
        <button type="submit" className="secondary">
          Add note
        </button>
      </form>
    </Panel>
  );
}
