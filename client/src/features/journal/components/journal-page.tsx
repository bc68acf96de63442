import { createJournalEntry, JOURNAL_PROMPTS, type JournalEntry } from '@twofold/shared';
import { useState } from 'react';
import type * as Y from 'yjs';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { PrivateBadge } from '@/components/private-badge.tsx';
import { useSpaceDocsContext } from '@/lib/yjs/space-docs-context.ts';
import { useJournal } from '../hooks/use-journal.ts';
import { formatWeekday } from '@/lib/dates.ts';

/** Starts an entry now, in the private document; returns its id. */
function startEntry(doc: Y.Doc, prompt: string | null): string {
  return createJournalEntry(doc, { id: crypto.randomUUID(), prompt, now: Date.now() });
}

/**
 * The private reflection journal, in this member's private document: it only ever reaches
 * their own sessions, so the partner's device never receives a word, and nothing counts it.
 */
export function JournalPage({ partnerName }: { partnerName: string | null }) {
  const docs = useSpaceDocsContext();
  const doc = docs.private.doc;
  const entries = useJournal(doc);
  const [openId, setOpenId] = useState<string | null>(null);
  const start = (prompt: string | null) => setOpenId(startEntry(doc, prompt));
  return (
    <div className="page rituals healing">
      <header className="page__header">
        <h1 className="page__title">Reflection journal</h1>
        <PrivateBadge>Only visible to you</PrivateBadge>
        <p className="lead">
          Healing happens beside the work you do together, too. Write for yourself;{' '}
          {partnerName ?? 'your partner'} can never see this, and nothing here is counted.
        </p>
      </header>
      <section className="ritual-panel" aria-labelledby="journal-start">
        <h2 id="journal-start" className="ritual-section__title">
          Begin with a question, if you like
        </h2>
        <ul className="journal-prompts">
          {JOURNAL_PROMPTS.map((prompt) => (
            <li key={prompt}>
              <button type="button" className="button journal-prompts__button" onClick={() => start(prompt)}>
                {prompt}
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="button button--quiet" onClick={() => start(null)}>
              Just write
            </button>
          </li>
        </ul>
      </section>
      {entries.length === 0 ? (
        <section className="empty empty--quiet">
          <h2 className="empty__title">Nothing written yet</h2>
          <p className="empty__text">A few honest lines are enough. There is no right way to do this.</p>
        </section>
      ) : (
        <ul className="ritual-list" aria-label="Your entries">
          {entries.map((entry) => (
            <li key={entry.id}>
              {entry.readable ? (
                <Entry
                  entry={entry}
                  open={openId === entry.id}
                  onToggle={(open) => setOpenId(open ? entry.id : null)}
                />
              ) : (
                <p className="healing-row ritual-muted">This entry could not be read on this device.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Entry({
  entry,
  open,
  onToggle,
}: {
  entry: JournalEntry;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const title = entry.prompt ?? 'Free writing';
  return (
    <article
      className="ritual-panel journal-entry"
      aria-label={`${title}, ${formatWeekday(entry.createdAt)}`}
    >
      <p className="healing-row__meta">{formatWeekday(entry.createdAt)}</p>
      <h2 className="journal-entry__title">{title}</h2>
      {open ? (
        <>
          <LazyCollabEditor fragment={entry.body} label={title} />
          <div>
            <button type="button" className="button button--quiet" onClick={() => onToggle(false)}>
              Done
            </button>
          </div>
        </>
      ) : (
        <>
          {entry.plain.trim() && <p className="journal-entry__preview">{entry.plain}</p>}
          <div>
            <button type="button" className="button button--quiet" onClick={() => onToggle(true)}>
              {entry.plain.trim() ? 'Open' : 'Write'}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
