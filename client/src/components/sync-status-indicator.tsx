import { SYNC_STATUS_TEXT, type SyncStatus } from '@/lib/yjs/sync-status.ts';

/** Where the person's edits are right now, announced politely whenever it changes. */
export function SyncStatusIndicator({ status }: { status: SyncStatus }) {
  return (
    <p role="status" data-testid="sync-status" className="sync-status" data-status={status}>
      <span className="sync-status__dot" aria-hidden="true" />
      {SYNC_STATUS_TEXT[status]}
    </p>
  );
}
