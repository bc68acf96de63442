import { Link } from 'react-router';
import { OutcomePage } from '@/components/outcome-page.tsx';
import type { LeftSpaceState } from '../api/leave-space.ts';

interface Props {
  /** What the leave left behind; null when the page was opened again later. */
  left: LeftSpaceState | null;
  /** A space the person is still in, to offer going back to. */
  otherSpace: { id: string; name: string } | null;
}

/** `/left`: after leaving (or closing) a space, what happened and what one can do next. */
export function LeftSpaceOutcome({ left, otherSpace }: Props) {
  const name = left?.spaceName ? `“${left.spaceName}”` : 'that space';
  const closed = left !== null && left.partnerName === null;
  const actions = (
    <>
      {otherSpace ? (
        <Link className="button button--primary" to={`/spaces/${otherSpace.id}`}>
          Open “{otherSpace.name}”
        </Link>
      ) : (
        <Link className="button button--primary" to="/">
          Make a new space
        </Link>
      )}
      <Link className="button" to="/account">
        Your account
      </Link>
      <Link className="button button--quiet" to="/help">
        Get help
      </Link>
    </>
  );
  if (!left) {
    return (
      <OutcomePage title="You are no longer in that space" actions={actions}>
        <p>You can make a new space, or be invited into one.</p>
      </OutcomePage>
    );
  }
  return (
    <OutcomePage
      eyebrow={closed ? 'Space closed' : 'You left'}
      title={closed ? `${name} is closed` : `You have left ${name}`}
      actions={actions}
    >
      {closed ? (
        <p>Everything in it has been deleted from Twofold, and from this device.</p>
      ) : (
        <>
          <p>
            What you shared stays with {left.partnerName}, marked as written by a former member, and{' '}
            {left.partnerName} has been told the space is theirs alone now.
          </p>
          <p>Your private notes there are deleted, and so is this device’s copy of the space.</p>
        </>
      )}
      <p>Your account is still here. You can make a new space whenever you want to, or simply rest.</p>
    </OutcomePage>
  );
}
