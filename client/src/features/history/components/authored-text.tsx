import { authorship, colorForMember, legendAuthors, type AuthoredRun, type Member } from '@twofold/shared';
import { useMemo, type CSSProperties } from 'react';
import type { Session } from '../model/sessions.ts';

interface Props {
  /** The opened point. */
  session: Session;
  /** Every loaded session, newest first: the ones up to the point say who wrote what. */
  sessions: readonly Session[];
  members: readonly Member[];
  selfId: string;
  /** Set when `sessions` go back to the first edit: unattributed text is then labels, not older words. */
  fromStart: boolean;
}

/** A run's colour as a custom property the stylesheet tints and underlines with. */
const tint = (color: string) => ({ '--author': color }) as CSSProperties;

/**
 * One point's words, read-only, each in the colour of the partner who wrote it, with a legend.
 * Colour is never the only sign: every change of author is named in text for screen readers
 * and in a tooltip. Words from before the loaded history have no author yet and stay plain.
 */
export function AuthoredText({ session, sessions, members, selfId, fromStart }: Props) {
  // Each run keyed by where it starts in the text, which no other run shares.
  const keyed = useMemo(() => {
    const runs = authorship(sessions.filter((s) => s.id <= session.id).reverse());
    const starts = runs.map((run) => run.text.length);
    for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
    return runs.map((run, i) => ({ key: i === 0 ? 0 : starts[i - 1]!, run }));
  }, [session.id, sessions]);
  const memberIds = members.map((member) => member.id);
  const nameOf = (authorId: string) =>
    authorId === selfId
      ? 'You'
      : (members.find((member) => member.id === authorId)?.name ?? 'A former member');
  const authors = legendAuthors(
    keyed.map(({ run }) => run),
    fromStart,
  );

  return (
    <>
      <ul className="authored-legend" aria-label="Who wrote what">
        {authors.map((authorId) => (
          <li key={authorId ?? 'earlier'} className="authored-legend__item">
            <span
              className={`authored-legend__swatch${authorId ? '' : ' authored-legend__swatch--earlier'}`}
              style={authorId ? tint(colorForMember(authorId, memberIds)) : undefined}
              aria-hidden="true"
            />
            {authorId ? nameOf(authorId) : 'Earlier than the changes loaded here'}
          </li>
        ))}
      </ul>
      <p className="diff__text history-point__text" data-testid="history-point-text">
        {keyed.map(({ key, run }) => (
          <Run key={key} run={run} name={run.authorId ? nameOf(run.authorId) : null} memberIds={memberIds} />
        ))}
      </p>
    </>
  );
}

function Run({ run, name, memberIds }: { run: AuthoredRun; name: string | null; memberIds: string[] }) {
  if (!run.authorId || !name) return <span>{run.text}</span>;
  return (
    <span
      className="authored"
      style={tint(colorForMember(run.authorId, memberIds))}
      title={name === 'You' ? 'Written by you' : `Written by ${name}`}
      data-author={run.authorId}
    >
      <span className="visually-hidden">{name === 'You' ? 'You wrote: ' : `${name} wrote: `}</span>
      {run.text}
    </span>
  );
}
