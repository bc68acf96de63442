import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { guardRestoredPage, leaveNow } from './quick-exit.ts';

/** Two presses of Escape within this long leave the app; one press still closes dialogs. */
const DOUBLE_PRESS_MS = 1000;

// Anything Escape closes: a modal or open <dialog>, an ARIA dialog, an open popover.
const CLOSABLE = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"], :popover-open';

/**
 * Whether this Escape belongs to something open on the page (it closes it) rather than to
 * the quick exit. Read while the key is being dispatched, before the dialog has closed.
 */
function escapeClosesSomething(): boolean {
  try {
    return document.querySelector(CLOSABLE) !== null;
  } catch {
    // A browser without :popover-open rejects the whole selector; ask without it.
    return document.querySelector(CLOSABLE.replace(', :popover-open', '')) !== null;
  }
}

/**
 * The quick exit: returns the function the button calls, and listens for Escape pressed twice
 * anywhere in the app. A held-down key (auto-repeat) does not count as a second press, and
 * neither does an Escape that closes a dialog.
 */
export function useQuickExit(): () => void {
  const queryClient = useQueryClient();
  const leave = useCallback(() => leaveNow(queryClient), [queryClient]);

  useEffect(() => {
    let lastEscape = -Infinity;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.repeat) return;
      // Closing a dialog is not the first half of leaving: only Escapes with nothing open count.
      if (escapeClosesSomething()) {
        lastEscape = -Infinity;
        return;
      }
      const now = performance.now();
      if (now - lastEscape <= DOUBLE_PRESS_MS) leave();
      else lastEscape = now;
    }
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('pageshow', guardRestoredPage);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('pageshow', guardRestoredPage);
    };
  }, [leave]);

  return leave;
}
