import { AttestationKind } from '@twofold/shared';
import { useState } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAttestBoundary } from '../api/attestations.ts';
import type { BoundaryView } from '../model/boundary-view.ts';
import { ReviewChoices } from './review-choices.tsx';
import { SignReading, type Reading } from './sign-reading.tsx';
import { SignStatusText } from './sign-status-text.tsx';

interface Props {
  spaceId: string;
  view: BoundaryView;
  partnerName: string | null;
  onNextReview: (reviewOn: string) => void;
  /** Deletes this draft (offered only while nobody has signed it). */
  onDelete: () => void;
}

/**
 * Where the agreement stands and what this person can do about it. Signing goes through a
 * reading step: the exact words are shown, and if they change while being read (the partner
 * is typing, or this tab was stale) the change is shown before anyone can sign.
 */
export function SignPanel({ spaceId, view, partnerName, onNextReview, onDelete }: Props) {
  const attest = useAttestBoundary(spaceId);
  const [reading, setReading] = useState<Reading | null>(null);
  const { status, hash } = view;
  const error = attest.error ? apiErrorInfo(attest.error).message : null;

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
    return (
      <SignReading
        view={view}
        hash={hash}
        reading={reading}
        signing={attest.isPending}
        error={error}
        onRead={setReading}
        onSign={(contentHash) => send(AttestationKind.agree, contentHash)}
        onLeave={() => setReading(null)}
      />
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
      <SignStatusText status={status} partnerName={partnerName} deletable={view.deletable} />

      {view.dueForReview && status.kind === 'agreed' && (
        <ReviewChoices onKeep={onNextReview} onRetire={() => send(AttestationKind.retire, hash)} />
      )}

      <FormAlert>{error}</FormAlert>
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
