import { lastMonthKeys, type PrintableCheckin } from '../model/printable-checkins.ts';
import type { PrintOption } from '../model/print-options.ts';
import { CheckinChoices } from './checkin-choices.tsx';

interface Props {
  options: readonly PrintOption[];
  weeks: readonly PrintableCheckin[];
  /** When the export was made (ms since the epoch): "the last month" counts back from it. */
  exportedAt: number;
  chosen: ReadonlySet<string>;
  setMany: (keys: readonly string[], on: boolean) => void;
}

/** The screen-only part: the choices by group, the check-in weeks, and the print button. */
export function PrintPicker({ options, weeks, exportedAt, chosen, setMany }: Props) {
  const groups = [...new Set(options.map((o) => o.group))];
  return (
    <div className="print-picker">
      <header className="page__header">
        <h1 className="page__title">For a counsellor</h1>
        <p className="lead">
          Choose what to bring. Only what you pick is printed, one item to a page, with dates and names.
        </p>
      </header>
      {options.length === 0 && weeks.length === 0 ? (
        <p className="muted">
          There is nothing to print yet: no boundaries, goals, letters, check-ins or shared writing.
        </p>
      ) : (
        <fieldset className="print-picker__choices">
          <legend className="visually-hidden">What to print</legend>
          {groups.map((group) => (
            <div key={group} className="print-picker__group">
              <h2 className="print-picker__group-title">{group}</h2>
              {options
                .filter((o) => o.group === group)
                .map((o) => (
                  <label key={o.key} className="print-picker__choice">
                    <input
                      type="checkbox"
                      checked={chosen.has(o.key)}
                      onChange={() => setMany([o.key], !chosen.has(o.key))}
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
            </div>
          ))}
          {weeks.length > 0 && (
            <CheckinChoices
              weeks={weeks}
              lastMonth={lastMonthKeys(weeks, exportedAt)}
              chosen={chosen}
              setMany={setMany}
            />
          )}
        </fieldset>
      )}
      <div className="settings-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={chosen.size === 0}
          onClick={() => window.print()}
        >
          Print or save as PDF
        </button>
      </div>
      <h2 className="print-picker__preview-title">Preview</h2>
    </div>
  );
}
