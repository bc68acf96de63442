import { pushSubscriptionSchema } from '@twofold/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addPushDevice, fetchPushKey, notificationSettingsQueryOptions } from '../api/notifications.ts';

/** Whether this browser can receive Web Push at all (a service worker, PushManager, Notification). */
export function pushSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    'serviceWorker' in navigator &&
    'PushManager' in window &&
    'Notification' in window
  );
}

/** A reason push cannot be turned on here, in words to show the person as they are. */
export class PushSetupProblem extends Error {}

/**
 * Turns notifications on for this device: asks the browser's permission, subscribes through
 * the service worker with the server's VAPID key and registers the subscription for this
 * session. Throws a sentence to show when permission is refused or the browser cannot.
 */
export function useEnablePush() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      if (!pushSupported()) throw new PushSetupProblem('This browser cannot show notifications.');
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        throw new PushSetupProblem('Notifications are blocked for Twofold in this browser’s settings.');
      }
      const registration = await navigator.serviceWorker.ready;
      const { publicKey } = await fetchPushKey();
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager
          .subscribe({ userVisibleOnly: true, applicationServerKey: publicKey })
          .catch(() => {
            throw new PushSetupProblem(
              'This browser could not reach its push service. Please try again later.',
            );
          }));
      const parsed = pushSubscriptionSchema.safeParse(subscription.toJSON());
      if (!parsed.success) throw new PushSetupProblem('This browser gave an unusable push subscription.');
      return addPushDevice(parsed.data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationSettingsQueryOptions().queryKey }),
  });
}
