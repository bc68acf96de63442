import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormAlert } from '@/components/form-alert.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useDeleteAccount } from '../api/delete-account.ts';

interface Props {
  userId: string;
  spaceIds: readonly string[];
  /** The space to offer the export from, when the person has one. */
  spaceId: string | null;
  partnerName: string | null;
}

/**
 * Deleting the account, explained first, with the export offered before anything happens and
 * the password asked again. The rows are removed from the database, not hidden.
 */
export function DeleteAccount({ userId, spaceIds, spaceId, partnerName }: Props) {
  const remove = useDeleteAccount();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const passwordId = useId();
  const partner = partnerName ?? 'your partner';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.mutate({ password, userId, spaceIds }, { onSuccess: () => window.location.replace('/goodbye') });
  };

  return (
    <section className="settings-section settings-section--leave" aria-labelledby="delete-account-title">
      <h2 id="delete-account-title" className="settings-section__title">
        Delete your account
      </h2>
      <ul className="settings-list">
        <li>Your account, your sessions and your private notes are deleted from Twofold’s database.</li>
        <li>Letters you sealed that {partner} has not opened yet are withdrawn.</li>
        {partnerName ? (
          <li>
            What you already shared stays with {partnerName}, marked as written by a former member, and{' '}
            {partnerName} is told the space is now theirs alone.
          </li>
        ) : (
          <li>A space with only you in it is deleted with everything in it.</li>
        )}
      </ul>
      {spaceId && (
        <p>
          Before you go, you may want to{' '}
          <Link to={`/spaces/${spaceId}/settings`}>download everything that is yours</Link>.
        </p>
      )}
      <div>
        <button
          type="button"
          className="button button--danger"
          onClick={() => dialogRef.current?.showModal()}
        >
          Delete my account…
        </button>
      </div>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="delete-dialog-title">
        <form onSubmit={submit} className="form">
          <h2 id="delete-dialog-title" className="dialog__title">
            Delete your account for good?
          </h2>
          <p>This cannot be undone. Enter your password to confirm it is you.</p>
          <div className="field">
            <label className="field__label" htmlFor={passwordId}>
              Your password
            </label>
            <input
              id={passwordId}
              className="field__input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          <FormAlert>{remove.error ? apiErrorInfo(remove.error).message : null}</FormAlert>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => dialogRef.current?.close()}
            >
              Keep my account
            </button>
            <button type="submit" className="button button--danger" disabled={remove.isPending || !password}>
              {remove.isPending ? 'Deleting…' : 'Delete my account'}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
