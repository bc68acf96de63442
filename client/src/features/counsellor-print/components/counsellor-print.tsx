import { useState } from 'react';
import { ErrorState, LoadingState } from '@/components/page-state.tsx';
import { apiErrorInfo } from '@/lib/api-error.ts';
import { formatLongDay } from '@/lib/dates.ts';
import { useSpaceExport } from '../api/space-export.ts';
import { lastMonthKeys, printableCheckins } from '../model/printable-checkins.ts';
import { CheckinChoices } from './checkin-choices.tsx';
import { PrintedCheckin } from './printed-checkin.tsx';
import {
  goalStandingWord,
  PrintedBoundary,
  PrintedGoal,
  PrintedLetter,
  PrintedUsLetter,
} from './print-items.tsx';

const US_LETTER = 'us-letter';

/**
 * "For a counsellor": pick a few things, then print them (or save as PDF) as a clean document
 * with no app around it, one item per page, each with its dates and authors.
 */
export function CounsellorPrint({ spaceId }: { spaceId: string }) {
  const query = useSpaceExport(spaceId);
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);

  if (query.isPending) return <LoadingState label="Gathering your words…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="We could not gather your words"
        message={apiErrorInfo(query.error).message}
        onRetry={() => void query.refetch()}
      />
    );
  }

  const data = query.data;
  const members = [
    ...data.space.members.map((m) => m.name),
    ...data.space.formerMembers.map((m) => m.name),
  ].join(' and ');
  // Until someone chooses, every boundary is picked: the usual reason to print.
  const chosen = picked ?? new Set(data.boundaries.map((b) => `boundary:${b.id}`));
  const setMany = (keys: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    setPicked(next);
  };
  const everyone = [...data.space.members, ...data.space.formerMembers];
  const nameOf = (userId: string) => everyone.find((m) => m.id === userId)?.name ?? 'A former member';
  const weeks = printableCheckins(data.checkins ?? [], data.account.id);
  const goals = data.goals ?? [];
  const options = [
    ...(data.usLetter
      ? [{ key: US_LETTER, label: 'What trust means to us', group: 'Written together' }]
      : []),
    ...data.boundaries.map((b) => ({
      key: `boundary:${b.id}`,
      label: `${b.content.title || 'Untitled boundary'} (${b.status.toLowerCase()})`,
      group: 'Boundaries',
    })),
    ...goals.map((g) => ({
      key: `goal:${g.id}`,
      label: `${g.title || 'Untitled goal'} (${goalStandingWord(g)})`,
      group: 'Shared goals',
    })),
    ...data.letters.map((l) => ({
      key: `letter:${l.id}`,
      label: `${l.title} — from ${l.authorName}`,
      group: 'Letters',
    })),
  ];
  const groups = [...new Set(options.map((o) => o.group))];

  return (
    <div className="page print-page">
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
                lastMonth={lastMonthKeys(weeks, data.exportedAt)}
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

      <div className="print-doc" data-testid="print-doc">
        <header className="print-doc__header">
          <p className="print-doc__space">{data.space.name}</p>
          <p className="print-doc__meta">
            Prepared by {data.account.name} on {formatLongDay(data.exportedAt)} from Twofold.
          </p>
        </header>
        {chosen.has(US_LETTER) && data.usLetter && <PrintedUsLetter text={data.usLetter} members={members} />}
        {data.boundaries
          .filter((b) => chosen.has(`boundary:${b.id}`))
          .map((b) => (
            <PrintedBoundary key={b.id} boundary={b} members={members} />
          ))}
        {goals
          .filter((g) => chosen.has(`goal:${g.id}`))
          .map((g) => (
            <PrintedGoal key={g.id} goal={g} members={members} />
          ))}
        {data.letters
          .filter((l) => chosen.has(`letter:${l.id}`))
          .map((l) => (
            <PrintedLetter key={l.id} letter={l} />
          ))}
        {/* Oldest first, so a counsellor reads the weeks in the order they were lived. */}
        {weeks
          .filter((w) => chosen.has(w.key))
          .reverse()
          .map((w) => (
            <PrintedCheckin key={w.key} checkin={w.checkin} selfId={data.account.id} nameOf={nameOf} />
          ))}
        {chosen.size === 0 && <p className="muted">Choose something above to see it here.</p>}
      </div>
    </div>
  );
}
