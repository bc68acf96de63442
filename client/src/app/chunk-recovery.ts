// Which build last reloaded this tab because a chunk failed. Per tab (sessionStorage), so a
// reload in one tab never stops another from recovering.
const MARK = 'twofold:chunk-reload';

/**
 * Reloads the page once when a lazily loaded chunk cannot be fetched: after a deploy, a tab
 * left open asks for chunk names the server no longer has (they answer 404), and only a fresh
 * `index.html` knows the new ones. Vite reports every failed dynamic import (the chunk or one
 * of its dependencies) as a `vite:preloadError` event on `window`.
 *
 * It never loops: the mark remembers the build that reloaded (this module's own URL carries
 * the entry chunk's content hash). If the same build fails again after its reload, the error
 * goes on to the page's error screen ("Reload" by hand); a newer build may reload once more.
 * Nothing is lost by reloading: writing is kept on the device (IndexedDB).
 *
 * The address is already the page being opened (the router changes it at once and shows the
 * page once its chunk has loaded), so reloading opens that page, not the one being left.
 */
export function installChunkRecovery(win: Window = window): void {
  win.addEventListener('vite:preloadError', (event) => {
    const build = import.meta.url;
    try {
      if (win.sessionStorage.getItem(MARK) === build) return;
      win.sessionStorage.setItem(MARK, build);
    } catch {
      // Storage refused (private mode, quota): without a guard, never reload by ourselves.
      return;
    }
    event.preventDefault();
    win.location.reload();
  });
}
