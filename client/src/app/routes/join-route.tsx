import { useState } from 'react';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/page-state.tsx';
import { LoginForm } from '@/features/auth/components/login-form.tsx';
import { SignupForm } from '@/features/auth/components/signup-form.tsx';
import type { AlreadyMemberState } from '@/features/invites/components/already-member-notice.tsx';
import { InviteProblem } from '@/features/invites/components/invite-problem.tsx';
import { InviteSummary } from '@/features/invites/components/invite-summary.tsx';
import { JoinSpaceButton } from '@/features/invites/components/join-space-button.tsx';
import { useInvitePreview } from '@/features/invites/api/invite-preview.ts';
import { useMe } from '@/lib/session/me.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { useStillHere } from '@/lib/use-still-here.ts';

/**
 * /join/:code — what the invite is for, an account if needed, then the space. Signing up or
 * logging in here joins at once; someone already in the space is taken to it.
 */
export function JoinRoute() {
  useDocumentTitle('Join a space');
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const stillHere = useStillHere();
  const me = useMe();
  const meKnown = me.data !== undefined || me.isError;
  const preview = useInvitePreview(code, me.data?.user.id ?? null, meKnown);
  // Whether this page was opened signed out: then signing in here was for this invite.
  const [signedInHere, setSignedInHere] = useState(false);
  if (me.data === null && !signedInHere) setSignedInHere(true);

  if (!meKnown || preview.isPending) {
    return <LoadingState label="Opening your invitation…" />;
  }
  if (preview.isError) {
    return (
      <InviteProblem error={preview.error} onRetry={() => void preview.refetch()}>
        <Link to="/" className="button">
          Go to Twofold
        </Link>
      </InviteProblem>
    );
  }
  const { invite, alreadyMember } = preview.data;
  if (alreadyMember) {
    const state: AlreadyMemberState = { alreadyMember: true };
    return <Navigate to={`/spaces/${alreadyMember.spaceId}`} replace state={state} />;
  }

  const wantsLogin = params.get('auth') === 'login';
  return (
    <div className="narrow join">
      <InviteSummary invite={invite} />
      {me.data ? (
        <section className="card">
          {signedInHere ? (
            <p className="card__text" role="status">
              Welcome, <strong>{me.data.user.name}</strong>. Joining “{invite.spaceName}”…
            </p>
          ) : (
            <p className="card__text">
              You are logged in as <strong>{me.data.user.name}</strong> ({me.data.user.email}).
            </p>
          )}
          <JoinSpaceButton
            code={code}
            auto={signedInHere}
            onJoined={(spaceId) => {
              if (stillHere()) void navigate(`/spaces/${spaceId}`);
            }}
          />
        </section>
      ) : (
        <section className="card" aria-labelledby="join-auth-title">
          <h2 id="join-auth-title" className="card__title">
            {wantsLogin ? 'Log in to accept' : 'Create your account to accept'}
          </h2>
          {wantsLogin ? (
            <LoginForm switchLink={<Link to="?auth=signup">Create an account</Link>} />
          ) : (
            <SignupForm switchLink={<Link to="?auth=login">Log in</Link>} />
          )}
        </section>
      )}
    </div>
  );
}
