import { useRef } from 'react';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { clearSpaceLocalDocs } from '@/lib/yjs/local-data.ts';
import { useLeaveSpace } from '../api/leave-space.ts';

interface Props {
  spaceId: string;
  userId: string;
  partnerName: string | null;
}

/**
 * Leaving, explained before it happens. With a partner, the shared words stay with them; alone,
 * leaving closes the space and deletes everything in it.
 */
export function LeaveSpace({ spaceId, userId, partnerName }: Props) {
  // This device's copies go too, once the open documents have closed.
  const leave = useLeaveSpace(spaceId, () => setTimeout(() => void clearSpaceLocalDocs(userId, spaceId), 0));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const alone = partnerName === null;
  const action = alone ? 'Close this space' : 'Leave this space';

  const confirm = () => leave.mutate();

  return (
    <section className="settings-section settings-section--leave" aria-labelledby="leave-title">
      <h2 id="leave-title" className="settings-section__title">
        {action}
      </h2>
      {alone ? (
        <p>
          You are the only member. Closing the space deletes everything in it from Twofold — the letter,
          boundaries, letters and your private notes. Download your words first if you want to keep them.
        </p>
      ) : (
        <ul className="settings-list">
          <li>Your private notes in this space are deleted, and so is this device’s copy.</li>
          <li>Letters you sealed that {partnerName} has not opened yet are withdrawn.</li>
          <li>
            What you already shared — boundaries, the letter you wrote together, letters {partnerName} can
            read — stays with {partnerName}, marked as written by a former member.
          </li>
          <li>{partnerName} is told the space is now theirs alone.</li>
        </ul>
      )}
      <div>
        <button
          type="button"
          className="button button--danger"
          onClick={() => dialogRef.current?.showModal()}
        >
          {action}…
        </button>
      </div>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="leave-dialog-title">
        <h2 id="leave-dialog-title" className="dialog__title">
          {alone ? 'Close and delete this space?' : 'Leave this space?'}
        </h2>
        <p>
          {alone
            ? 'This cannot be undone. Everything in the space is deleted.'
            : `This cannot be undone. You will not be able to open this space again unless ${partnerName} invites you.`}
        </p>
        <FormAlert>{leave.error ? apiErrorInfo(leave.error).message : null}</FormAlert>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => dialogRef.current?.close()}>
            Stay
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={leave.isPending}
            onClick={confirm}
          >
            {leave.isPending ? 'One moment…' : action}
          </button>
        </div>
      </dialog>
    </section>
  );
}
