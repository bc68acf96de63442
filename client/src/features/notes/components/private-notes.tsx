import { privateNotesFragment } from '@twofold/shared';
import { useMemo } from 'react';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { useSpaceDocsContext } from '@/lib/yjs/space-docs-context.ts';

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
        <p className="private-badge">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
            <rect
              x="4"
              y="9"
              width="12"
              height="8"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
            <path d="M7 9V6.5a3 3 0 0 1 6 0V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          Only visible to you
        </p>
        <p className="lead">
          A place for your own thoughts and feelings.{' '}
          {partnerName
            ? `${partnerName} can never see these notes.`
            : 'Your partner can never see these notes.'}
        </p>
      </header>
      <LazyCollabEditor fragment={fragment} label="Private notes" />
    </article>
  );
}
