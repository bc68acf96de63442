import { useLocation } from 'react-router';
import { VerifyEmail } from '@/features/email/components/verify-email.tsx';
import { linkToken } from '@/features/email/model/link-token.ts';
import { useMe } from '@/lib/session/me.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

/** /verify-email#token=… — the page a confirmation email links to; works signed out too. */
export function VerifyEmailRoute() {
  useDocumentTitle('Confirm your email address');
  const token = linkToken(useLocation().hash);
  const signedIn = Boolean(useMe().data);
  return (
    <AuthPage
      title="Your email address"
      intro="Confirming it means Twofold can always reach you if you lose your password."
    >
      <VerifyEmail token={token} signedIn={signedIn} />
    </AuthPage>
  );
}
