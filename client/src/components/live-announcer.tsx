import { useCallback, useState } from 'react';

/**
 * A polite live region and the function that speaks through it. Screen readers read a new
 * message when they are idle, never interrupting; the same words said twice are read twice
 * (each message is a fresh element). Visually hidden: sighted people see the change itself.
 */
export function useLiveAnnouncer(): [region: React.ReactNode, announce: (message: string) => void] {
  const [said, setSaid] = useState<{ message: string; n: number }>({ message: '', n: 0 });
  const announce = useCallback((message: string) => setSaid((last) => ({ message, n: last.n + 1 })), []);
  const region = (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="live-announcer">
      {said.message && <span key={said.n}>{said.message}</span>}
    </div>
  );
  return [region, announce];
}
