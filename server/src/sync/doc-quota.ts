/**
 * What one document may hold by default: 64 MiB of log rows and snapshot (bytes). A couple's
 * years of writing (history kept, in runs per author) stay in single megabytes; letters are
 * capped at 200 KB each. `SYNC_DOC_QUOTA_BYTES` overrides it; the room refuses an update that
 * would pass it (close 4413).
 */
export const DEFAULT_DOC_QUOTA_BYTES = 64 * 1024 * 1024;
