import { useEffect, useState } from 'react';

const TICK_MS = 10_000;

/**
 * A calm sense of time for one turn: a thin line that fills over `minutes`, and words that
 * never hurry. No sound, no flashing, nothing that ends the turn. `since` is in ms.
 */
export function GentleTimer({ since, minutes }: { since: number; minutes: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const elapsedMinutes = Math.max(0, Math.floor((now - since) / 60_000));
  const share = Math.min(1, Math.max(0, (now - since) / (minutes * 60_000)));
  const words =
    share >= 1
      ? `${minutes} minutes have passed. Finish your thought whenever you are ready.`
      : elapsedMinutes === 0
        ? `A gentle ${minutes}-minute turn has begun.`
        : `About ${elapsedMinutes} of ${minutes} minutes.`;
  return (
    <div className="gentle-timer">
      <div className="gentle-timer__track" aria-hidden="true">
        <div className="gentle-timer__fill" style={{ transform: `scaleX(${share})` }} />
      </div>
      <p className="gentle-timer__words">{words}</p>
    </div>
  );
}
