import type { PromiseView } from '@twofold/shared';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useAcceptPromise, useConfirmKept } from '../api/promises.ts';

/** The partner accepts a promise proposed from a repair (an accepted attestation). */
export function AcceptPromise({
  spaceId,
  promise,
  authorName,
}: {
  spaceId: string;
  promise: PromiseView;
  authorName: string;
}) {
  const accept = useAcceptPromise(spaceId);
  return (
    <div className="promise__actions">
      <p className="promise__waiting" data-testid="promise-proposed">
        {authorName} proposed this from your repair. It holds once you accept it.
      </p>
      <button
        type="button"
        className="button button--primary"
        disabled={accept.isPending}
        onClick={() => accept.mutate({ id: promise.id, contentHash: promise.contentHash })}
      >
        Accept this promise
      </button>
      {accept.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(accept.error).message}
        </p>
      )}
    </div>
  );
}

/** The partner confirms the promise kept (a kept attestation); the promiser never sees this. */
export function ConfirmKept({
  spaceId,
  promise,
  authorName,
}: {
  spaceId: string;
  promise: PromiseView;
  authorName: string;
}) {
  const confirm = useConfirmKept(spaceId);
  return (
    <div className="promise__actions">
      <button
        type="button"
        className="button"
        disabled={confirm.isPending}
        onClick={() => confirm.mutate({ id: promise.id, contentHash: promise.contentHash })}
      >
        {authorName} kept this
      </button>
      {confirm.isError && (
        <p className="field__note field__note--error" role="alert">
          {apiErrorInfo(confirm.error).message}
        </p>
      )}
    </div>
  );
}
