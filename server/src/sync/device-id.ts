import { createHash } from 'node:crypto';

/**
 * The device id a sync connection's updates are stored with (`UpdateOrigin.device`, issue 19):
 * opaque and stable for one session, so rows written from one browser share it while each of
 * an account's sessions gets its own. Derived from the session's `id_hash` (itself a hash of
 * the token), but neither: the log never holds anything that finds or resumes a session, and
 * the prefix keeps it apart from any other hash of the same value.
 *
 * For the store and operators only; never sent to the partner (history shows author and time).
 */
export function deviceIdOf(sessionHash: string): string {
  return createHash('sha256').update(`twofold-device:${sessionHash}`).digest('hex').slice(0, 16);
}
