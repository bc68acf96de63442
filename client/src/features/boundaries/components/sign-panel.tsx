import { AttestationKind, type BoundaryContent } from '@twofold/shared';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAttestBoundary } from '../api/attestations.ts';
import { formatMoment } from '@/lib/dates.ts';
import type { BoundaryView } from '../model/boundary-view.ts';
import { ContentDiff } from './content-diff.tsx';
import { ContentRead } from './content-read.tsx';
import { ReviewChoices } from './review-choices.tsx';

interface Props {
  spaceId: string;
  view: BoundaryView;
  partnerName: string | null;
  onNextReview: (reviewOn: string) => void;
  /** Deletes this draft (offered only while nobody has signed it). */
  onDelete: () => void;
}

/** What the text looked like when this person began reading it, and its hash. */
interface Reading {
  content: BoundaryContent;
  hash: string;
}

/**
 * Where the agreement stands and what this person can do about it. Signing goes through a
 * reading step: the exact words are shown, and if they change while being read (the partner
 * is typing, or this tab was stale) the change is shown before anyone can sign.
 */
export function SignPanel({ spaceId, view, partnerName, onNextReview, onDelete }: Props) {
  const attest = useAttestBoundary(spaceId);
  const [reading, setReading] = useState<Reading | null>(null);
  const partner = partnerName ?? 'your partner';
  const { status, hash } = view;

  const send = (kind: typeof AttestationKind.agree | typeof AttestationKind.retire, contentHash: string) =>
    attest.mutate({ boundaryId: view.id, kind, contentHash }, { onSuccess: () => setReading(null) });

  if (!status || !hash) {
    return (
      <section className="sign-panel" aria-busy="true" aria-label="Agreement">
        <p className="sign-panel__text">Checking who has signed…</p>
      </section>
    );
  }

  if (reading) {
    const stale = reading.hash !== hash;
    return (
      <section className="sign-panel sign-panel--reading" aria-label="Review and sign">
        <h2 className="sign-panel__title">Read it before you sign</h2>
        <p className="sign-panel__text">
          Signing says you agree to these exact words. If either of you changes them later, you will both be
          asked to sign again.
        </p>
        {stale ? (
          <div className="sign-panel__stale" role="alert">
            <p>
              <strong>The text changed while you were reading.</strong> Here is what is different now:
            </p>
            <ContentDiff
              before={reading.content}
              after={view.content}
              beforeLabel="what you were reading"
              afterLabel="the text now"
            />
            <div className="sign-panel__actions">
              <button
                type="button"
                className="button button--primary"
                onClick={() => setReading({ content: view.content, hash })}
              >
                Read the new text
              </button>
              <button type="button" className="button button--quiet" onClick={() => setReading(null)}>
                Not now
              </button>
            </div>
          </div>
        ) : (
          <>
            {view.lastAgreed && (
              <details className="sign-panel__changes" open>
                <summary>What changed since you both last agreed</summary>
                <ContentDiff
                  before={view.lastAgreed.content}
                  after={reading.content}
                  beforeLabel="the last agreed version"
                  afterLabel="this text"
                />
              </details>
            )}
            <ContentRead content={reading.content} />
            <FormAlert>{attest.error ? apiErrorInfo(attest.error).message : null}</FormAlert>
            <div className="sign-panel__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={attest.isPending}
                onClick={() => send(AttestationKind.agree, reading.hash)}
              >
                {attest.isPending ? 'Signing…' : 'I agree to this'}
              </button>
              <button type="button" className="button button--quiet" onClick={() => setReading(null)}>
                Not yet
              </button>
            </div>
          </>
        )}
      </section>
    );
  }

  const startReading = () => {
    attest.reset();
    setReading({ content: view.content, hash });
  };
  const proposeRetiring = (
    <button
      type="button"
      className="button button--quiet"
      disabled={attest.isPending}
      onClick={() => send(AttestationKind.retire, hash)}
    >
      Propose retiring it
    </button>
  );

  return (
    <section className="sign-panel" aria-label="Agreement" data-status={status.kind}>
      {status.kind === 'draft' && (
        <p className="sign-panel__text">
          Nobody has signed this yet. Shape it together; when it says what you both mean, sign it.
          {view.deletable && ' If it is not for you after all, either of you can delete it.'}
        </p>
      )}
      {status.kind === 'waiting-for-you' && (
        <p className="sign-panel__text">
          {partnerName ?? 'Your partner'} has signed this text. Read it and sign when you are ready — or
          change it, and you can both sign the new words.
        </p>
      )}
      {status.kind === 'waiting-for-partner' && (
        <p className="sign-panel__text">
          You signed this text. It becomes your agreement when {partner} signs it too.
        </p>
      )}
      {status.kind === 'changed' && (
        <p className="sign-panel__text">
          This changed after you both agreed, so it needs both signatures again. The earlier version is kept
          below.
        </p>
      )}
      {status.kind === 'agreed' && (
        <p className="sign-panel__text">You both agreed to this on {formatMoment(status.at)}.</p>
      )}
      {status.kind === 'retire-proposed' &&
        (status.by === 'you' ? (
          <p className="sign-panel__text">
            You proposed retiring this boundary. It retires when {partner} agrees too.
          </p>
        ) : (
          <p className="sign-panel__text">
            {partnerName ?? 'Your partner'} proposed retiring this boundary. It retires only if you agree.
          </p>
        ))}
      {status.kind === 'retired' && (
        <p className="sign-panel__text">
          You both retired this boundary on {formatMoment(status.at)}. It stays here as a record of what you
          once agreed.
        </p>
      )}

      {view.dueForReview && status.kind === 'agreed' && (
        <ReviewChoices onKeep={onNextReview} onRetire={() => send(AttestationKind.retire, hash)} />
      )}

      <FormAlert>{attest.error ? apiErrorInfo(attest.error).message : null}</FormAlert>
      <div className="sign-panel__actions">
        {(status.kind === 'draft' || status.kind === 'waiting-for-you' || status.kind === 'changed') && (
          <button type="button" className="button button--primary" onClick={startReading}>
            Review and sign
          </button>
        )}
        {status.kind === 'retire-proposed' && status.by === 'partner' && (
          <button
            type="button"
            className="button button--primary"
            disabled={attest.isPending}
            onClick={() => send(AttestationKind.retire, hash)}
          >
            Agree to retire it
          </button>
        )}
        {status.kind === 'retire-proposed' && (
          <button type="button" className="button button--quiet" onClick={startReading}>
            {status.by === 'you' ? 'Keep it after all' : 'Keep it: review and sign'}
          </button>
        )}
        {view.deletable && (
          <button type="button" className="button button--quiet" onClick={onDelete}>
            Delete this draft
          </button>
        )}
        {/* Retiring is for what was signed; an unsigned draft is simply deleted. */}
        {status.kind !== 'retired' &&
          status.kind !== 'retire-proposed' &&
          !view.dueForReview &&
          view.deletable === false &&
          proposeRetiring}
      </div>
    </section>
  );
}
