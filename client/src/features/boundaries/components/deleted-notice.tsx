import { Link } from 'react-router';
import type { DeletedBoundary } from '@twofold/shared';

/** A draft this person has just deleted, with what undo needs. */
export interface JustDeleted extends DeletedBoundary {
  title: string;
}

interface Props {
  deleted: JustDeleted;
  /** Called after the draft is back, so the page shows it again. */
  onUndo: () => void;
}

/** Said in place of a draft just deleted here: what went, and the way to bring it back. */
export function DeletedNotice({ deleted, onUndo }: Props) {
  const title = deleted.title.trim() || 'Untitled boundary';
  return (
    <div className="page boundary-deleted" role="status">
      <h1 className="page__title">Draft deleted</h1>
      <p className="lead">
        You deleted the draft “{title}”. It is gone for both of you. If that was a slip, you can bring it
        back, words and all.
      </p>
      <div className="sign-panel__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            deleted.undo();
            onUndo();
          }}
        >
          Undo
        </button>
        <Link to=".." relative="path" className="button">
          All boundaries
        </Link>
      </div>
    </div>
  );
}
