import type { GoalProgress } from '@twofold/shared';

/** How many of a goal's steps are done, as a bar and in words. */
export function ProgressBar({ progress, label }: { progress: GoalProgress; label: string }) {
  const { done, total } = progress;
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  const words = total === 0 ? 'No steps yet' : `${done} of ${total} done`;
  return (
    <div className="goal-progress">
      <div
        className="goal-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={words}
      >
        <span className="goal-progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="goal-progress__text" data-testid="goal-progress">
        {words}
      </span>
    </div>
  );
}
