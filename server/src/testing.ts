/**
 * The server's public entry for tests (`@twofold/server/testing`): what integration tests, test
 * helpers, end-to-end specs and benches need to build, start, seed and inspect a server, so they
 * do not reach into its folders. Unit tests of one module import that module directly; anything
 * a second test needs belongs here. Nothing here is imported by the server itself.
 */
export { buildApp, type BuiltApp } from './build-app.ts';
export { startServer, type RunningServer } from './server.ts';
export { serveBuiltApp } from './instances/serve-built-app.ts';
export { loadConfig, type Config } from './config.ts';
export { backupDatabase } from './backup.ts';
export { SESSION_TTL_MS, TOUCH_EVERY_MS } from './auth/sessions.ts';
export type { Clock } from './lib/clock.ts';
export { hashToken, randomId } from './lib/ids.ts';
export { silentLogger } from './lib/log.ts';
export { DataInUse, lockData } from './store/data-lock.ts';
export { openDb, type Db } from './store/db.ts';
export { createDocLog } from './store/doc-log.ts';
export { EditJournal, editJournalPath } from './store/edit-journal.ts';
export { createStores, type Stores } from './store/stores.ts';
export {
  createPostgresSql,
  createSqliteSql,
  isUniqueViolation,
  type Sql,
  type SqlValue,
} from './store/sql.ts';
export { createAppreciationStore } from './store/appreciations.ts';
export { createAttestationStore } from './store/attestations.ts';
export { createBreachStore } from './store/breaches.ts';
export { createCheckinStore } from './store/checkins.ts';
export { createDepartureStore } from './store/departures.ts';
export { createRepairStore } from './store/repairs.ts';
export { createScheduledNoticeStore } from './store/scheduled-notices.ts';
export { agreeDayChange, answerCurrentWeek } from './checkins/schedule.ts';
export { createEmailStore, EmailTokenPurpose } from './store/email-tokens.ts';
export { createInviteStore, inviteIdOf } from './store/invites.ts';
export { createLetterStore } from './store/letters.ts';
export { createMailOutbox } from './store/mail-outbox.ts';
export { createNotificationStore } from './store/notifications.ts';
export { createPromiseStore } from './store/promises.ts';
export { createReassuranceStore } from './store/reassurance.ts';
export { createSessionStore } from './store/sessions.ts';
export { createSpaceStore } from './store/spaces.ts';
export { createUserStore } from './store/users.ts';
export { startHeartbeat } from './sync/heartbeat.ts';
export type { Room } from './sync/room.ts';
export { docKey } from './sync/rooms.ts';
export type { Peer, SyncSocket } from './sync/socket.ts';
export { deviceIdOf } from './sync/device-id.ts';

import { SESSION_COOKIE } from '@twofold/shared';
import { testClient } from 'hono/testing';
import type { BuiltApp } from './build-app.ts';

/**
 * Hono's typed test client over an in-process app, signed in as the holder of `cookie` (a
 * session token) when given: `apiClient(app, cookie).spaces[':spaceId'].wins.$get({ param })`.
 * Paths, inputs and each status's response body are checked by the compiler against the routes.
 */
export function apiClient(app: BuiltApp['app'], cookie?: string) {
  const headers: Record<string, string> = cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {};
  return testClient(app, undefined, undefined, { headers }).api;
}

// PostgreSQL and Redis (issue 19): the shared-mode stores and bus, for tests that drive them directly.
export {
  DocumentRetired,
  SERVER_DEVICE,
  type DocLogStore,
  type StoredDoc,
  type UpdateOrigin,
} from './store/doc-log-store.ts';
export { createSqliteDocLogStore } from './store/sqlite-doc-log-store.ts';
export { createPostgresPool, openPostgres } from './store/postgres/db.ts';
export { migratePostgres, POSTGRES_SCHEMA_VERSION } from './store/postgres/migrations.ts';
export { createPostgresDocLog } from './store/postgres/doc-log.ts';
export {
  copySqliteToPostgres,
  CopyMismatch,
  CopyRefused,
  verifyCopy,
  type CopyReport,
} from './store/postgres/copy-from-sqlite.ts';
export { SchemaMismatch } from './store/postgres/copy-tables.ts';
export { createRoomBus, type RoomBus } from './sync/room-bus.ts';
export { createSharedRooms, createLockedCompactor, type SharedRoomStorage } from './sync/shared-rooms.ts';
export { createRoomRegistry, type RoomRegistry } from './sync/rooms.ts';
export { createUpgradeHandler } from './sync/upgrade.ts';
export { DEFAULT_BUDGET } from './sync/connection-budget.ts';
export { createAccountLimits, DEFAULT_ACCOUNT_LIMITS } from './sync/account-limits.ts';
export { readDoc } from './exports/read-doc.ts';
export { compactWithYjs } from './store/yjs-compactor.ts';
