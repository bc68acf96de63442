import { SelectField } from '@/components/select-field.tsx';
import { ANY, type OwnerFilter } from '../model/goal-filters.ts';

export type Layout = 'board' | 'timeline';

interface Props {
  layout: Layout;
  onLayout: (layout: Layout) => void;
  owner: OwnerFilter;
  onOwner: (owner: OwnerFilter) => void;
  value: string;
  onValue: (value: string) => void;
  /** Offered as an owner once there is a partner. */
  partnerName: string | null;
  /** Every value the goals name, as `allValues` gives them. */
  values: readonly string[];
}

/** How the goals are shown (board or timeline) and which of them (by step owner, by value). */
export function GoalsControls({
  layout,
  onLayout,
  owner,
  onOwner,
  value,
  onValue,
  partnerName,
  values,
}: Props) {
  return (
    <div className="goals__controls">
      <div className="goals__layout" role="group" aria-label="Show goals as">
        <button
          type="button"
          className="toggle"
          aria-pressed={layout === 'board'}
          onClick={() => onLayout('board')}
        >
          Board
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={layout === 'timeline'}
          onClick={() => onLayout('timeline')}
        >
          Timeline
        </button>
      </div>
      <div className="filters goals__filters" role="group" aria-label="Filter goals">
        <SelectField<OwnerFilter>
          label="Steps owned by"
          value={owner}
          options={[
            [ANY, 'Anyone'],
            ['me', 'Me'],
            ...(partnerName ? [['partner', partnerName] as const] : []),
            ['both', 'Both of us'],
          ]}
          onChange={onOwner}
        />
        <SelectField
          label="Value"
          value={value}
          options={[[ANY, 'All values'], ...values.map((v) => [v, v] as const)]}
          onChange={onValue}
        />
      </div>
    </div>
  );
}
