import webpush from 'web-push';
import type { NotificationStore } from '../store/notifications.ts';

/** The server's application-server keys for Web Push (base64url, as `web-push` makes them). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A mailto: or https: URL the push service may contact about this server. */
  subject: string;
}

/** `VAPID_PUBLIC_KEY`, `VAPID_PRIVATE_KEY`, `VAPID_SUBJECT` from the environment (config.ts). */
export interface PushConfig {
  publicKey: string | null;
  privateKey: string | null;
  subject: string | null;
}

/**
 * The VAPID keys: from `VAPID_PUBLIC_KEY`/`VAPID_PRIVATE_KEY` when both are set, otherwise
 * generated on first start and kept in the database. Written with ON CONFLICT DO NOTHING, so two
 * instances starting together on one database agree on the first pair written.
 */
export async function vapidKeys(
  store: Pick<NotificationStore, 'secret' | 'putSecretOnce'>,
  configured: PushConfig,
): Promise<VapidKeys> {
  const subject = configured.subject ?? 'mailto:admin@localhost';
  if (configured.publicKey && configured.privateKey) {
    return { publicKey: configured.publicKey, privateKey: configured.privateKey, subject };
  }
  const stored = await store.secret('vapid');
  if (stored) return { ...(JSON.parse(stored) as { publicKey: string; privateKey: string }), subject };
  const fresh = webpush.generateVAPIDKeys();
  const kept = await store.putSecretOnce('vapid', JSON.stringify(fresh));
  return { ...(JSON.parse(kept) as { publicKey: string; privateKey: string }), subject };
}
