import { BOUNDARY_STATUS_LABELS, type BoundaryStatus } from '@twofold/shared';
import { formatMoment } from '@/lib/dates.ts';

/** The words for a status, with the date when both agreed or retired it. */
export function statusText(status: BoundaryStatus | null, partnerName: string | null): string {
  if (!status) return 'Checking signatures…';
  switch (status.kind) {
    case 'agreed':
      return `${BOUNDARY_STATUS_LABELS.agreed} · ${formatMoment(status.at)}`;
    case 'retired':
      return `${BOUNDARY_STATUS_LABELS.retired} · ${formatMoment(status.at)}`;
    case 'retire-proposed':
      return status.by === 'you'
        ? 'You proposed retiring it'
        : `${partnerName ?? 'Your partner'} proposed retiring it`;
    default:
      return BOUNDARY_STATUS_LABELS[status.kind];
  }
}

/** A quiet pill: the status in words, coloured by what it asks of you (never red). */
export function StatusBadge({
  status,
  partnerName,
}: {
  status: BoundaryStatus | null;
  partnerName: string | null;
}) {
  return (
    <span className="status-badge" data-status={status?.kind ?? 'unknown'} data-testid="boundary-status">
      {statusText(status, partnerName)}
    </span>
  );
}
