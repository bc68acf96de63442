/*
 * Push and notification-click handlers, imported into the generated service worker
 * (workbox importScripts, client/vite.config.ts). The server sends { title, body, url, tag };
 * the text is already discreet unless the person chose details, and never holds a partner's
 * words. Anything else in a message is ignored.
 */
/* global self -- a service worker's global scope */

/**
 * `waitUntil`, except on an event a script made itself (the end-to-end test dispatches the
 * click, since a headless browser has no notification to tap), where it would throw.
 */
function keepAlive(event, work) {
  if (event.isTrusted) event.waitUntil(work);
}
const FALLBACK_TEXT = 'Something new in Twofold';

self.addEventListener('push', (event) => {
  let data;
  try {
    data = (event.data && event.data.json()) || {};
  } catch {
    data = {};
  }
  const title = typeof data.title === 'string' && data.title ? data.title : 'Twofold';
  const body = typeof data.body === 'string' && data.body ? data.body : FALLBACK_TEXT;
  // Only a path on this origin: a push can never send someone elsewhere.
  const url =
    typeof data.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
  event.waitUntil(
    self.registration.showNotification(title, {
      body,
      tag: typeof data.tag === 'string' ? data.tag : undefined,
      icon: '/icon.svg',
      data: { url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = (event.notification.data && event.notification.data.url) || '/';
  const target = new URL(path, self.location.origin).href;
  keepAlive(
    event,
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        // An open Twofold window is reused: brought forward and taken to the page.
        const focused = await open.focus().catch(() => open);
        if (focused.url !== target) {
          const moved = await focused.navigate(target).catch(() => null);
          if (!moved) await self.clients.openWindow(target);
        }
        return;
      }
      await self.clients.openWindow(target);
    })(),
  );
});
