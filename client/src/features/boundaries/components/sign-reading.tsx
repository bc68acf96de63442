import type { BoundaryContent } from '@twofold/shared';
import { FormAlert } from '@/components/form-alert.tsx';
import type { BoundaryView } from '../model/boundary-view.ts';
import { ContentDiff } from './content-diff.tsx';
import { ContentRead } from './content-read.tsx';

/** What the text looked like when this person began reading it, and its hash. */
export interface Reading {
  content: BoundaryContent;
  hash: string;
}

interface Props {
  view: BoundaryView;
  /** The boundary's hash now; differs from reading.hash when the text changed during reading. */
  hash: string;
  reading: Reading;
  signing: boolean;
  error: string | null;
  onRead: (reading: Reading) => void;
  onSign: (contentHash: string) => void;
  onLeave: () => void;
}

/**
 * The reading step before signing: the exact words, what changed since the last agreement,
 * and, if the text changed while being read, that change first, so nobody signs words they
 * did not see.
 */
export function SignReading({ view, hash, reading, signing, error, onRead, onSign, onLeave }: Props) {
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
              onClick={() => onRead({ content: view.content, hash })}
            >
              Read the new text
            </button>
            <button type="button" className="button button--quiet" onClick={onLeave}>
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
          <FormAlert>{error}</FormAlert>
          <div className="sign-panel__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={signing}
              onClick={() => onSign(reading.hash)}
            >
              {signing ? 'Signing…' : 'I agree to this'}
            </button>
            <button type="button" className="button button--quiet" onClick={onLeave}>
              Not yet
            </button>
          </div>
        </>
      )}
    </section>
  );
}
