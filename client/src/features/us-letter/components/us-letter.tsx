import { usLetterFragment, type Presence } from '@twofold/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { useSpaceDocsContext } from '@/lib/yjs/space-docs-context.ts';

interface Props {
  user: Presence['user'];
  partnerName: string | null;
}

/** The co-written "What trust means to us" letter, edited live with the partner's caret shown. */
export function UsLetter({ user, partnerName }: Props) {
  const docs = useSpaceDocsContext();
  const fragment = useMemo(() => usLetterFragment(docs.shared.doc), [docs]);
  const caret = useMemo(() => ({ provider: docs.shared.provider, user }), [docs, user]);
  return (
    <article className="page page--letter">
      <header className="page__header">
        <h1 className="page__title">What trust means to us</h1>
        <p className="lead">
          {partnerName
            ? `Write this one together with ${partnerName}. You each see the other’s words as they are typed.`
            : 'Write this one together. Once your partner joins, you will see each other’s words as they are typed.'}
        </p>
        <p className="page__aside">
          <Link to="history">History: who wrote what, and when</Link>
        </p>
      </header>
      <LazyCollabEditor fragment={fragment} label="What trust means to us" caret={caret} />
    </article>
  );
}
