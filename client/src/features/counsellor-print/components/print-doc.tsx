import type { SpaceExport } from '@twofold/shared';
import { formatLongDay } from '@/lib/dates.ts';
import type { PrintableCheckin } from '../model/printable-checkins.ts';
import { memberNames, US_LETTER } from '../model/print-options.ts';
import { PrintedCheckin } from './printed-checkin.tsx';
import { PrintedBoundary, PrintedGoal, PrintedLetter, PrintedUsLetter } from './print-items.tsx';

interface Props {
  data: SpaceExport;
  weeks: readonly PrintableCheckin[];
  chosen: ReadonlySet<string>;
}

/** The printed document (and its on-screen preview): only what was chosen, one item to a page. */
export function PrintDoc({ data, weeks, chosen }: Props) {
  const members = memberNames(data);
  const everyone = [...data.space.members, ...data.space.formerMembers];
  const nameOf = (userId: string) => everyone.find((m) => m.id === userId)?.name ?? 'A former member';
  return (
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
      {(data.goals ?? [])
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
      {[...weeks]
        .filter((w) => chosen.has(w.key))
        .reverse()
        .map((w) => (
          <PrintedCheckin key={w.key} checkin={w.checkin} selfId={data.account.id} nameOf={nameOf} />
        ))}
      {chosen.size === 0 && <p className="muted">Choose something above to see it here.</p>}
    </div>
  );
}
