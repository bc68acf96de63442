import { ForgotPasswordForm } from '@/features/email/components/forgot-password-form.tsx';
import { useDocumentTitle } from '@/lib/use-document-title.ts';
import { AuthPage } from './auth-page.tsx';

/** /forgot-password — ask for a link to set a new password. */
export function ForgotPasswordRoute() {
  useDocumentTitle('Forgot your password?');
  return (
    <AuthPage
      title="Forgot your password?"
      intro="It happens. Enter the email address you use for Twofold and we will send you a link to choose a new password."
    >
      <ForgotPasswordForm />
    </AuthPage>
  );
}
