import { useEffect, useRef } from 'react';
import { weekName, type PrintableCheckin } from '../model/printable-checkins.ts';

interface Props {
  weeks: readonly PrintableCheckin[];
  /** The weeks that began in the last month, picked together by the first box. */
  lastMonth: readonly string[];
  chosen: ReadonlySet<string>;
  /** Picks or unpicks every key given, together. */
  setMany: (keys: readonly string[], on: boolean) => void;
}

/**
 * The check-in part of the picker: one box for "the last month" (what one usually brings), then
 * every week to fine-tune, newest first, saying whose answers each would print.
 */
export function CheckinChoices({ weeks, lastMonth, chosen, setMany }: Props) {
  const picked = lastMonth.filter((key) => chosen.has(key)).length;
  const all = lastMonth.length > 0 && picked === lastMonth.length;
  const month = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (month.current) month.current.indeterminate = picked > 0 && !all;
  }, [picked, all]);

  return (
    <div className="print-picker__group">
      <h2 className="print-picker__group-title">Weekly check-ins</h2>
      {lastMonth.length > 0 && (
        <label className="print-picker__choice print-picker__choice--summary">
          <input ref={month} type="checkbox" checked={all} onChange={() => setMany(lastMonth, !all)} />
          <span>
            Check-ins from the last month{' '}
            <span className="print-picker__hint">
              ({lastMonth.length} {lastMonth.length === 1 ? 'week' : 'weeks'})
            </span>
          </span>
        </label>
      )}
      {weeks.map(({ key, checkin, both }) => (
        <label key={key} className="print-picker__choice">
          <input
            type="checkbox"
            checked={chosen.has(key)}
            onChange={() => setMany([key], !chosen.has(key))}
          />
          <span>
            Week of {weekName(checkin.week)}{' '}
            <span className="print-picker__hint">
              {both ? '(both of you answered)' : '(only your answers)'}
            </span>
          </span>
        </label>
      ))}
    </div>
  );
}
