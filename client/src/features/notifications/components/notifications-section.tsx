import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { useNotificationSettings } from '../api/notifications.ts';
import { NotificationPrefsForm } from './notification-prefs-form.tsx';
import { PushDevices } from './push-devices.tsx';

/** The account page's "Notifications": devices that get them and what they say, and when. */
export function NotificationsSection() {
  const settings = useNotificationSettings();
  return (
    <section className="account-section" aria-labelledby="notifications-title">
      <div className="account-section__head">
        <h2 id="notifications-title" className="account-section__title">
          Notifications
        </h2>
        <p className="account-section__text">
          A gentle note when something is waiting for you. Anyone who sees your screen sees only “Something
          new in Twofold”, unless you choose more.
        </p>
      </div>
      {settings.isPending && <LoadingState label="Looking up your notification settings…" />}
      {/* Kept as it was when asking again fails: the form may hold choices not yet saved. */}
      {settings.isError && !settings.data && (
        <ErrorState
          title="We could not load your notification settings"
          message={apiErrorInfo(settings.error).message}
          onRetry={() => void settings.refetch()}
        />
      )}
      {settings.data && (
        <>
          <PushDevices devices={settings.data.devices} />
          <NotificationPrefsForm saved={settings.data.prefs} />
        </>
      )}
    </section>
  );
}
