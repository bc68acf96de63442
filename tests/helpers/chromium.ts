/**
 * The Chromium every browser test and benchmark drives: Debian's, or `CHROMIUM_PATH`. The flags
 * keep it quiet on a machine with no network (without the background-networking ones it keeps
 * trying Google's hosts) and let it run as root in CI.
 */
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
