import {
  deleteLetterDraft,
  sendLetterSchema,
  setLetterDraftTitle,
  touchLetterDraft,
  type LetterDraft,
  type Member,
} from '@twofold/shared';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type * as Y from 'yjs';
import { LazyCollabEditor } from '@/components/editor/lazy-collab-editor.tsx';
import { LoadingState } from '@/components/page-state.tsx';
import { useLetterDrafts } from '../hooks/use-letter-drafts.ts';
import { promptByTitle } from '../model/prompts.ts';
import { BackToLetters } from './back-to-letters.tsx';
import { SendPanel } from './send-panel.tsx';
import { PrivateBadge } from '@/components/private-badge.tsx';
import { LimitedTextField } from '@/components/limited-text-field.tsx';

/** The longest title the server accepts on sending (the draft keeps no more either). */
const TITLE_MAX = sendLetterSchema.shape.title.maxLength ?? 200;

interface Props {
  draftId: string;
  privateDoc: Y.Doc;
  partner: Member | null;
  /** The private document has not finished its first sync: a missing draft may still arrive. */
  firstSync: boolean;
}

/** /letters/drafts/:draftId: writing a letter in private, saved as it is typed. */
export function DraftEditor({ draftId, privateDoc, partner, firstSync }: Props) {
  const drafts = useLetterDrafts(privateDoc);
  const entry = drafts.find((draft) => draft.id === draftId);

  if (!entry) {
    if (firstSync) return <LoadingState label="Opening your draft…" />;
    return (
      <div className="page letters">
        <BackToLetters />
        <section className="empty">
          <h1 className="empty__title">This draft is not here</h1>
          <p className="empty__text">It may have been sent or deleted on another of your devices.</p>
        </section>
      </div>
    );
  }
  if (!entry.readable) {
    return (
      <div className="page letters">
        <BackToLetters />
        <section className="empty" role="alert">
          <h1 className="empty__title">This draft could not be read</h1>
          <p className="empty__text">
            Something stored it in a shape Twofold does not understand. It has been kept.
          </p>
        </section>
      </div>
    );
  }
  return <ReadableDraft draft={entry} privateDoc={privateDoc} partner={partner} />;
}

function ReadableDraft({
  draft,
  privateDoc,
  partner,
}: {
  draft: LetterDraft;
  privateDoc: Y.Doc;
  partner: Member | null;
}) {
  const navigate = useNavigate();
  const { spaceId = '' } = useParams();
  useTouchOnEdit(privateDoc, draft);
  const prompt = promptByTitle(draft.prompt);

  const remove = () => {
    if (!window.confirm('Delete this draft? Its words cannot be brought back.')) return;
    deleteLetterDraft(privateDoc, { id: draft.id });
    void navigate(`/spaces/${spaceId}/letters`, { replace: true });
  };

  return (
    <article className="page letters letter-draft">
      <BackToLetters />
      <h1 className="page__title letter-draft__heading">
        {draft.replyTo ? 'Your reply' : draft.pairId ? 'Your letter, written together' : 'Your letter'}
      </h1>
      <PrivateBadge>Draft — only you can see it until you send it</PrivateBadge>
      <p className="page__aside">
        <Link to={`/spaces/${spaceId}/letters/drafts/${draft.id}/history`}>History of this draft</Link>
      </p>
      <LimitedTextField
        label="Title"
        className="letter-draft__title"
        value={draft.title}
        limit={TITLE_MAX}
        placeholder="What is this letter about?"
        onChange={(title) => setLetterDraftTitle(privateDoc, { id: draft.id, title, now: Date.now() })}
      />
      {(prompt || draft.prompt) && (
        <aside className="letter-guide" aria-label="Prompt">
          <p className="eyebrow">{draft.pairId ? 'Written together on' : 'Prompt'}</p>
          <p className="letter-guide__title">{prompt?.title ?? draft.prompt}</p>
          {prompt && (
            <>
              <p className="letter-guide__intro">{prompt.intro}</p>
              <ul className="letter-guide__questions">
                {prompt.questions.map((question) => (
                  <li key={question}>{question}</li>
                ))}
              </ul>
            </>
          )}
        </aside>
      )}
      <LazyCollabEditor fragment={draft.body} label="Your letter" />
      <SendPanel draft={draft} privateDoc={privateDoc} partner={partner} />
      <div>
        <button type="button" className="button button--quiet" onClick={remove}>
          Delete this draft
        </button>
      </div>
    </article>
  );
}

/** Keeps "last changed" honest while the words are typed, at most every few seconds. */
function useTouchOnEdit(privateDoc: Y.Doc, draft: LetterDraft) {
  const { body, id } = draft;
  useEffect(() => {
    let last = 0;
    const onChange = (_events: unknown, transaction: Y.Transaction) => {
      const now = Date.now();
      if (!transaction.local || now - last < 5000) return;
      last = now;
      touchLetterDraft(privateDoc, { id, now });
    };
    body.observeDeep(onChange);
    return () => body.unobserveDeep(onChange);
  }, [privateDoc, body, id]);
}
