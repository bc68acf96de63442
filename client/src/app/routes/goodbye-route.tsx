import { Link } from 'react-router';
import { OutcomePage } from '@/components/outcome-page.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';

/** /goodbye — where deleting an account ends; public, since there is no account any more. */
export function GoodbyeRoute() {
  useDocumentTitle('Account deleted');
  return (
    <OutcomePage
      eyebrow="Account deleted"
      title="Your account has been deleted"
      actions={
        <>
          <Link className="button" to="/help">
            Get help
          </Link>
          <Link className="button button--quiet" to="/signup">
            Create a new account
          </Link>
        </>
      }
    >
      <p>
        Your account, your sessions and your private notes are gone from Twofold, and this device no longer
        holds a copy of your spaces.
      </p>
      <p>
        If you shared a space, what you shared stays with your partner, marked as written by a former member.
        Letters you had sealed that they had not opened were withdrawn.
      </p>
      <p>Take care of yourself. If you want to come back one day, you can start again with a new account.</p>
    </OutcomePage>
  );
}
