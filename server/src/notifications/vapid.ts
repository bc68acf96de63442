import { createECDH } from 'node:crypto';
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
  const fresh = generateVapidKeys();
  const kept = await store.putSecretOnce('vapid', JSON.stringify(fresh));
  return { ...(JSON.parse(kept) as { publicKey: string; privateKey: string }), subject };
}

/**
 * A fresh P-256 key pair, base64url, as `web-push`'s `generateVAPIDKeys` makes it (its
 * src/vapid-helper.js, padding included: an uncompressed public point is 65 bytes, the private
 * scalar 32, and either may come back shorter with leading zeros dropped; web-push issue 295).
 * Written here so that a first start does not load web-push and its ASN.1 stack for ten lines
 * of node:crypto; sending still goes through web-push (channels.ts).
 */
export function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const curve = createECDH('prime256v1');
  curve.generateKeys();
  const padded = (key: Buffer, length: number) =>
    Buffer.concat([Buffer.alloc(Math.max(0, length - key.length)), key]).toString('base64url');
  return { publicKey: padded(curve.getPublicKey(), 65), privateKey: padded(curve.getPrivateKey(), 32) };
}
