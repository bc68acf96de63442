import type { QueryClient } from '@tanstack/react-query';

/**
 * Where the quick exit goes: a plain page served by the app itself (the CSP allows no other
 * site), with nothing on it that says Twofold.
 */
export const NEUTRAL_PAGE = '/recipes.html';

// A tab-scoped mark that this tab left in a hurry. Its name says nothing on purpose.
const LEFT_MARK = 'tf-n';

/**
 * Leaves at once for the neutral page: the screen is blanked first, the cached answers are
 * dropped, and the page is replaced (not pushed), so Back does not simply return here.
 */
export function leaveNow(queryClient: QueryClient): void {
  document.body.hidden = true;
  try {
    sessionStorage.setItem(LEFT_MARK, '1');
  } catch {
    // Storage can be refused (private modes); leaving must still happen.
  }
  queryClient.clear();
  window.location.replace(NEUTRAL_PAGE);
}

function hasLeft(): boolean {
  try {
    return sessionStorage.getItem(LEFT_MARK) === '1';
  } catch {
    return false;
  }
}

/**
 * `location.replace` only replaces the current history entry; the app's earlier entries are
 * still behind it. If this tab left through the quick exit and someone comes back with Back
 * (a fresh load or the back/forward cache), go straight to the neutral page again. Opening
 * Twofold on purpose (typing the address, a link, a reload) clears the mark.
 */
export function guardAgainstReturn(): void {
  if (!hasLeft()) return;
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (navigation?.type === 'back_forward') {
    document.documentElement.hidden = true;
    window.location.replace(NEUTRAL_PAGE);
  } else {
    sessionStorage.removeItem(LEFT_MARK);
  }
}

/** The same guard for a page restored from the back/forward cache, which runs no scripts anew. */
export function guardRestoredPage(event: PageTransitionEvent): void {
  if (event.persisted && hasLeft()) {
    document.documentElement.hidden = true;
    window.location.replace(NEUTRAL_PAGE);
  }
}
