import { Link, Navigate, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/page-state.tsx';
import { SignupForm } from '@/features/auth/components/signup-form.tsx';
import { safeNext } from '@/lib/safe-next.ts';
import { useMe } from '@/lib/session/me.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

export function SignupRoute() {
  useDocumentTitle('Create an account');
  const me = useMe();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (me.data) return <Navigate to={next} replace />;
  if (me.isPending) return <LoadingState label="Opening Twofold…" />;
  const login = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
  return (
    <AuthPage
      title="A shared space for the two of you"
      intro="Write down what trust means to you both, side by side, at your own pace. Start with an account; then invite your partner."
    >
      <SignupForm switchLink={<Link to={login}>Log in</Link>} />
    </AuthPage>
  );
}
