import { Link } from 'react-router';
import { SignupForm } from '@/features/auth/components/signup-form.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

/**
 * `/` for someone not signed in: what Twofold is, in a few sentences, and an account to start
 * with; logging in is one click away for those who have one.
 */
export function WelcomeRoute() {
  useDocumentTitle('');
  return (
    <AuthPage
      title="A shared space for the two of you"
      intro="Twofold is a private place for two partners rebuilding or strengthening trust. Together you write down the boundaries you agree on, plan the future you want, send each other letters and check in each week — at your own pace, seen only by the two of you."
      more={
        <p className="auth__more">
          Already have an account?{' '}
          <Link to="/login" className="button">
            Log in
          </Link>
        </p>
      }
    >
      <h2 className="card__title">Start with an account</h2>
      <SignupForm switchLink={<Link to="/login">Log in</Link>} />
    </AuthPage>
  );
}
