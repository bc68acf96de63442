import type { TrackerState } from './sync-tracker.ts';

/** Where the person's edits are, as the status line says it. */
export type SyncStatus = 'synced' | 'saving' | 'offline' | 'connecting' | 'reconnecting' | 'refused';

export const SYNC_STATUS_TEXT: Record<SyncStatus, string> = {
  synced: 'Synced',
  saving: 'Saving…',
  offline: 'Offline — your edits are kept on this device and will sync',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting — the server is restarting',
  refused: 'This device couldn’t send its last change — it is kept safe here, and will be tried again later',
};

/** The status of one document's connection. */
export function statusOf(state: TrackerState, browserOnline: boolean): SyncStatus {
  // Steady through the retries: each one connects, syncs and is refused again within a moment.
  if (state.refused) return 'refused';
  if (state.connection === 'connected') {
    if (state.pending) return 'saving';
    return state.initialSynced ? 'synced' : 'connecting';
  }
  if (state.restarting) return 'reconnecting';
  if (!browserOnline) return 'offline';
  // Only the very first attempt is "connecting"; once one has failed, say plainly we're offline.
  if (!state.everConnected && state.failedAttempts === 0) return 'connecting';
  return 'offline';
}

const SEVERITY: readonly SyncStatus[] = [
  'refused',
  'offline',
  'reconnecting',
  'connecting',
  'saving',
  'synced',
];

/** The status of several documents shown as one: the least settled of them. */
export function combineStatus(statuses: readonly SyncStatus[]): SyncStatus {
  return SEVERITY.find((status) => statuses.includes(status)) ?? 'synced';
}
