import { SESSION_COOKIE } from '@twofold/shared';
import type { Clock } from '../lib/clock.ts';
import { hashToken, randomId } from '../lib/ids.ts';
import type { SessionStore } from '../store/sessions.ts';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Sliding expiry and "last seen" are refreshed at most this often, so reads do not turn into
 * writes; the devices list is accurate to a few minutes, which is all it needs.
 */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;
/** How much of a User-Agent is kept: enough to name the device, not a place to store essays. */
const MAX_USER_AGENT = 256;

/**
 * Issues and resolves sessions. The cookie carries a random 256-bit token; the database keeps
 * only its SHA-256, so a copy of the database cannot be used to sign in.
 */
export function createSessionService(store: SessionStore, clock: Clock) {
  return {
    async issue(userId: string, userAgent: string): Promise<{ token: string; expiresAt: number }> {
      const token = randomId(32);
      const now = clock.now();
      const expiresAt = now + SESSION_TTL_MS;
      await store.create(
        { idHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt },
        userAgent.trim().slice(0, MAX_USER_AGENT),
      );
      return { token, expiresAt };
    },

    /** The live session for a cookie token, or null. Expired sessions are deleted. */
    async resolve(token: string | undefined): Promise<{ userId: string; sessionHash: string } | null> {
      if (!token || token.length > 128) return null;
      const idHash = hashToken(token);
      const session = await store.find(idHash);
      if (!session) return null;
      const now = clock.now();
      if (session.expiresAt <= now) {
        await store.remove(idHash);
        return null;
      }
      if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await store.touch(idHash, now, now + SESSION_TTL_MS);
      return { userId: session.userId, sessionHash: idHash };
    },

    /**
     * Whether a session (by its hash) is still live, the same test `resolve` applies, without
     * sliding its expiry: an open socket does not keep a session alive, using the app does.
     * An expired session is deleted.
     */
    async isLive(sessionHash: string): Promise<boolean> {
      const session = await store.find(sessionHash);
      if (!session) return false;
      if (session.expiresAt > clock.now()) return true;
      await store.remove(sessionHash);
      return false;
    },

    async revoke(sessionHash: string): Promise<void> {
      await store.remove(sessionHash);
    },

    /** A person's live sessions, newest first. */
    list: (userId: string) => store.listOf(userId, clock.now()),

    /** Ends one of this person's sessions by its public id; the hash it had, or null if not theirs. */
    async revokeOwn(userId: string, publicId: string): Promise<string | null> {
      const session = (await store.listOf(userId, clock.now())).find((row) => row.publicId === publicId);
      if (!session) return null;
      await store.remove(session.idHash);
      return session.idHash;
    },

    /** Ends every session of this person except `keepHash`; returns the hashes that ended. */
    async revokeOthers(userId: string, keepHash: string): Promise<string[]> {
      const others = (await store.listOf(userId, 0)).filter((row) => row.idHash !== keepHash);
      for (const row of others) await store.remove(row.idHash);
      return others.map((row) => row.idHash);
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;

/** Reads the session token from a raw Cookie header (used on WebSocket upgrades). */
export function tokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}
