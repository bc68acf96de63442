import { useRef } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { anyPendingEdits } from '@/lib/yjs/space-docs-cache.ts';
import { hasUnsyncedEdits } from '@/lib/yjs/unsynced-marks.ts';
import { useLogout } from '@/features/auth/api/logout.ts';

interface Props {
  userId: string;
  spaceIds: readonly string[];
}

/**
 * "Log out". Logging out deletes this device's copies of the documents, so when an edit has
 * not reached the server yet, it asks first rather than losing it quietly.
 */
export function LogoutButton({ userId, spaceIds }: Props) {
  const logout = useLogout();
  const navigate = useNavigate();
  const dialogRef = useRef<HTMLDialogElement>(null);

  function logOut() {
    dialogRef.current?.close();
    logout.mutate({ userId, spaceIds }, { onSuccess: () => void navigate('/login', { replace: true }) });
  }

  function onClick() {
    if (hasUnsyncedEdits(userId) || anyPendingEdits()) dialogRef.current?.showModal();
    else logOut();
  }

  return (
    <>
      <button type="button" className="button button--quiet" onClick={onClick} disabled={logout.isPending}>
        Log out
      </button>
      {logout.isError && (
        <p className="header__error" role="alert">
          Could not log out. {apiErrorInfo(logout.error).message}
        </p>
      )}
      <dialog ref={dialogRef} className="dialog" aria-labelledby="logout-dialog-title">
        <h2 id="logout-dialog-title" className="dialog__title">
          Some edits have not reached the server yet
        </h2>
        <p>
          Logging out removes this device’s copy of your space. If you log out now, edits that have not synced
          yet will be lost. Staying a little longer, online, lets them arrive safely.
        </p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => dialogRef.current?.close()}>
            Stay logged in
          </button>
          <button type="button" className="button button--danger" onClick={logOut}>
            Log out anyway
          </button>
        </div>
      </dialog>
    </>
  );
}
