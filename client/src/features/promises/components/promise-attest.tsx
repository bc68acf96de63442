import type { PromiseView } from '@twofold/shared';
import type { ReactNode } from 'react';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcceptPromise, useConfirmKept } from '../api/promises.ts';

interface Props {
  spaceId: string;
  promise: PromiseView;
  authorName: string;
}

/** The partner accepts a promise proposed from a repair (an accepted attestation). */
export function AcceptPromise({ spaceId, promise, authorName }: Props) {
  return (
    <AttestAction
      mutation={useAcceptPromise(spaceId)}
      promise={promise}
      label="Accept this promise"
      primary
      lead={
        <p className="promise__waiting" data-testid="promise-proposed">
          {authorName} proposed this from your repair. It holds once you accept it.
        </p>
      }
    />
  );
}

/** The partner confirms the promise kept (a kept attestation); the promiser never sees this. */
export function ConfirmKept({ spaceId, promise, authorName }: Props) {
  return (
    <AttestAction mutation={useConfirmKept(spaceId)} promise={promise} label={`${authorName} kept this`} />
  );
}

/** One attestation button bound to the promise's exact words, with its error under it. */
function AttestAction({
  mutation,
  promise,
  label,
  primary = false,
  lead,
}: {
  mutation: ReturnType<typeof useConfirmKept>;
  promise: PromiseView;
  label: string;
  primary?: boolean;
  lead?: ReactNode;
}) {
  return (
    <div className="promise__actions">
      {lead}
      <button
        type="button"
        className={primary ? 'button button--primary' : 'button'}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ id: promise.id, contentHash: promise.contentHash })}
      >
        {label}
      </button>
      {mutation.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(mutation.error).message}
        </p>
      )}
    </div>
  );
}
