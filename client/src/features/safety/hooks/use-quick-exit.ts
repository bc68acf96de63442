import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { guardRestoredPage, leaveNow } from './quick-exit.ts';

/** Two presses of Escape within this long leave the app; one press still closes dialogs. */
const DOUBLE_PRESS_MS = 1000;

/**
 * The quick exit: returns the function the button calls, and listens for Escape pressed twice
 * anywhere in the app. A held-down key (auto-repeat) does not count as a second press.
 */
export function useQuickExit(): () => void {
  const queryClient = useQueryClient();
  const leave = useCallback(() => leaveNow(queryClient), [queryClient]);

  useEffect(() => {
    let lastEscape = -Infinity;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.repeat) return;
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
