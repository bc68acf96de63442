import { Link } from 'react-router';
import { ChangePasswordForm } from '@/features/account/components/change-password-form.tsx';
import { DevicesSection } from '@/features/account/components/devices-section.tsx';
import { NotificationsSection } from '@/features/notifications/components/notifications-section.tsx';
import { EmailSection } from '@/features/email/components/email-section.tsx';
import { DeleteAccount } from '@/features/account-deletion/components/delete-account.tsx';
import { useMe } from '@/lib/session/me.ts';
import { useDocumentTitle } from '@/lib/use-document-title.ts';

/** /account — where you are signed in, your password, your data. */
export function AccountRoute() {
  useDocumentTitle('Your account');
  const { data: me } = useMe();
  const space = me?.spaces[0];
  return (
    <div className="account">
      {space && (
        <Link to={`/spaces/${space.id}`} className="back-link">
          <span aria-hidden="true">←</span> Back to “{space.name}”
        </Link>
      )}
      <header className="page__header">
        <h1 className="page__title">Your account</h1>
        {me && (
          <p className="lead">
            Signed in as {me.user.name} ({me.user.email}).
          </p>
        )}
      </header>
      <DevicesSection />
      <NotificationsSection />
      <EmailSection />
      <ChangePasswordForm />
      {me && (
        <DeleteAccount
          userId={me.user.id}
          spaceIds={me.spaces.map((space) => space.id)}
          spaceId={me.spaces[0]?.id ?? null}
          partnerName={me.spaces[0]?.members.find((member) => member.id !== me.user.id)?.name ?? null}
        />
      )}
    </div>
  );
}
