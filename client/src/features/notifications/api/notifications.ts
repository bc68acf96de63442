import type { NotificationPrefs, PushSubscriptionInput } from '@twofold/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { parseResponse } from 'hono/client';
import { api } from '@/lib/api-client.ts';

const settings = () => api.api.me.notifications;

/** The person's notification preferences and the devices that get pushes (GET /api/me/notifications). */
export const notificationSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ['notification-settings'],
    queryFn: () => parseResponse(settings().$get()),
  });

export function useNotificationSettings() {
  return useQuery(notificationSettingsQueryOptions());
}

/** Saves every preference at once (PUT …/prefs). */
export function useSaveNotificationPrefs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefs: NotificationPrefs) => parseResponse(settings().prefs.$put({ json: prefs })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationSettingsQueryOptions().queryKey }),
  });
}

/** Registers this browser's push subscription for the signed-in session. */
export function addPushDevice(subscription: PushSubscriptionInput) {
  return parseResponse(settings().devices.$post({ json: subscription }));
}

/** Stops pushes to one of the person's devices. */
export function useRemovePushDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => parseResponse(settings().devices[':id'].$delete({ param: { id } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationSettingsQueryOptions().queryKey }),
  });
}

/** The server's public VAPID key, for `pushManager.subscribe`. */
export function fetchPushKey() {
  return parseResponse(api.api.notifications['push-key'].$get());
}
