import { privateNotesFragment } from '@twofold/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { useSpaceDocsContext } from '@/lib/yjs/space-docs-context.ts';
import { PrivateBadge } from '@/components/private-badge.tsx';

/**
 * The member's private notes, bound to their private document: it is only ever sent to this
 * person's own sessions, so the partner's device never receives a word of it.
 */
export function PrivateNotes({ partnerName }: { partnerName: string | null }) {
  const docs = useSpaceDocsContext();
  const fragment = useMemo(() => privateNotesFragment(docs.private.doc), [docs]);
  return (
    <article className="page page--letter">
      <header className="page__header">
        <h1 className="page__title">Private notes</h1>
        <PrivateBadge>Only visible to you</PrivateBadge>
        <p className="lead">
          A place for your own thoughts and feelings.{' '}
          {partnerName
            ? `${partnerName} can never see these notes.`
            : 'Your partner can never see these notes.'}
        </p>
        <p className="page__aside">
          <Link to="history">History of your notes</Link>
        </p>
      </header>
      <LazyCollabEditor fragment={fragment} label="Private notes" />
    </article>
  );
}
