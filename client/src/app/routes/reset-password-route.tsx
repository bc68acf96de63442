import { useLocation } from 'react-router';
import { ResetPasswordForm } from '@/features/email/components/reset-password-form.tsx';
import { linkToken } from '@/features/email/model/link-token.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

/** /reset-password#token=… — the page a reset email links to. */
export function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  const token = linkToken(useLocation().hash);
  return (
    <AuthPage
      title="Choose a new password"
      intro="Pick something you have not used here before. Once it is set, you are signed in on this device."
    >
      <ResetPasswordForm token={token} />
    </AuthPage>
  );
}
