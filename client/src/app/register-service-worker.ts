/**
 * The longest the service worker waits for the first screen (ms); past it, it registers anyway
 * so the shell is cached for offline use even when the first sync never ends (offline).
 */
const MAX_WAIT_MS = 15_000;

/**
 * Registers the generated service worker (`/sw.js`, which precaches the whole app shell) after
 * the page has loaded *and* `firstScreen` has settled. Why wait: on a first visit the worker
 * downloads every page's chunk (hundreds of KB) at once; on a phone's 3G that shares the
 * bandwidth with the space's first sync and delays the letter's words by seconds. The worker
 * is only needed from the next visit on, so it can wait for this one to be usable.
 */
export function registerServiceWorkerAfter(firstScreen: Promise<unknown>): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  const whenLoaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const waited = new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS));
  void whenLoaded.then(() => Promise.race([firstScreen.catch(() => undefined), waited])).then(register);
}
