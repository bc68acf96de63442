import { loadWebPush } from '../lib/on-demand.ts';
import type { PushSubscriptionRow } from '../store/notifications.ts';
import type { VapidKeys } from './vapid.ts';

/**
 * The email channel, structurally the same as `Mailer` in `mail/mailer.ts` (built alongside),
 * so the real mailer can be passed in where this default stands.
 */
export interface Mailer {
  readonly configured: boolean;
  send(mail: { to: string; subject: string; text: string; html?: string }): Promise<void>;
}

/** No SMTP on this server: email notifications are not sent (and say so in the settings). */
export const unconfiguredMailer: Mailer = {
  configured: false,
  send: () => Promise.resolve(),
};

/** How one push attempt ended: sent, gone for good (404/410: forget the device), or worth a retry. */
export type PushOutcome = 'sent' | 'gone' | 'retry' | 'failed';

/** What the browser's service worker receives (sw-push.js): no words from the space. */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

/** Push messages outlive a phone that is off for a day, not longer. */
const TTL_SECONDS = 24 * 60 * 60;
const TIMEOUT_MS = 10_000;

/**
 * Sends one push message: `web-push` encrypts it (aes128gcm, RFC 8291) and signs the VAPID
 * header; the request itself goes out through fetch, which also reaches an http:// endpoint
 * (the tests' local push service). Never throws.
 */
export async function sendPush(
  subscription: Pick<PushSubscriptionRow, 'endpoint' | 'p256dh' | 'auth'>,
  payload: PushPayload,
  vapid: VapidKeys,
): Promise<PushOutcome> {
  try {
    const request = loadWebPush().generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      JSON.stringify(payload),
      {
        TTL: TTL_SECONDS,
        urgency: 'normal',
        contentEncoding: 'aes128gcm',
        vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      },
    );
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return 'sent';
    if (response.status === 404 || response.status === 410) return 'gone';
    // 429 and 5xx are the push service's own trouble; any other 4xx will not get better.
    return response.status === 429 || response.status >= 500 ? 'retry' : 'failed';
  } catch {
    return 'retry';
  }
}
