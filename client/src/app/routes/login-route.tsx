import { Link, Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/page-state.tsx';
import { LoginForm } from '@/features/auth/components/login-form.tsx';
import { safeNext } from '@/lib/safe-next.ts';
import { useMe } from '@/lib/session/me.ts';
import { wasSignedOutElsewhere } from '@/lib/session/signed-out-notice.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

export function LoginRoute() {
  useDocumentTitle('Log in');
  const me = useMe();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  // Once logged in (here or in another tab), carry on to where the person was going.
  if (me.data) return <Navigate to={next} replace />;
  if (me.isPending) return <LoadingState label="Opening Twofold…" />;
  const signup = next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`;
  // Sent here because the session ended without anyone signing out on this device.
  if (wasSignedOutElsewhere()) {
    return (
      <AuthPage
        title="You have been signed out"
        intro="This device is no longer signed in to Twofold: it was signed out from another device, or its session came to an end. Log in again to return to the space you share."
      >
        <LoginForm switchLink={<Link to={signup}>Create an account</Link>} />
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Welcome back" intro="Log in to return to the space you share.">
      <LoginForm switchLink={<Link to={signup}>Create an account</Link>} />
    </AuthPage>
  );
}
