/**
 * The Chromiums the browser tests and benchmarks drive, both Debian's (or the paths in the
 * environment):
 *
 * - `HEADLESS_SHELL_PATH`, `chromium-headless-shell`: the same Blink and V8 without the desktop
 *   browser around them, and what Playwright itself runs headless. Nearly every spec runs on it.
 *   The full browser in its new headless mode also draws its own browser UI (a "top chrome"
 *   renderer per window): measured on two cores, the same specs took about twice the CPU and
 *   three times the wall time on it (us-letter and rituals: 191 s of CPU and 1.7 min, against
 *   100 s and 57 s; the whole end-to-end run went from about 28 min to 6).
 * - `CHROMIUM_PATH`, `chromium`: the full browser, for what only it has: showing notifications
 *   from a service worker (the push specs), and the phone benchmark, which measures a browser.
 *
 * The flags keep them quiet on a machine with no network (without the background-networking
 * ones they keep trying Google's hosts) and let them run as root in CI.
 */
export const HEADLESS_SHELL_PATH = process.env.HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
