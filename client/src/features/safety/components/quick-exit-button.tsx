import { guardAgainstReturn } from '../hooks/quick-exit.ts';
import { useQuickExit } from '../hooks/use-quick-exit.ts';

// Runs once, when the app's code first loads and before anything renders: a tab that left
// through the quick exit and is brought back with Back goes straight out again.
guardAgainstReturn();

/**
 * "Quick exit", in the header of every page: leaves for a neutral page at once. Escape pressed
 * twice does the same from anywhere.
 */
export function QuickExitButton() {
  const leave = useQuickExit();
  return (
    <button
      type="button"
      className="button quick-exit"
      onClick={leave}
      title="Leave Twofold at once for a neutral page (or press Escape twice)"
    >
      Quick exit
    </button>
  );
}
