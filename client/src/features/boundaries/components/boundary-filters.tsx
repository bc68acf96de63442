import { BOUNDARY_CATEGORY_LABELS, BOUNDARY_STATUS_LABELS } from '@twofold/shared';
import { SelectField } from '@/components/select-field.tsx';
import { ALL, DUE, type StatusFilter } from '../model/boundary-filter.ts';

interface Props {
  status: StatusFilter;
  category: string;
  onStatus: (status: StatusFilter) => void;
  onCategory: (category: string) => void;
}

/** The two filters above the list: by status (or due for review) and by category. */
export function BoundaryFilters({ status, category, onStatus, onCategory }: Props) {
  return (
    <div className="filters" role="group" aria-label="Filter boundaries">
      <SelectField<StatusFilter>
        label="Status"
        value={status}
        options={[
          [ALL, 'All'],
          [DUE, 'Due for review'],
          ...(Object.entries(BOUNDARY_STATUS_LABELS) as Array<[StatusFilter, string]>),
        ]}
        onChange={onStatus}
      />
      <SelectField
        label="Category"
        value={category}
        options={[[ALL, 'All'], ...Object.entries(BOUNDARY_CATEGORY_LABELS)]}
        onChange={onCategory}
      />
    </div>
  );
}
