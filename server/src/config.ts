import { DEFAULT_MAX_FRAME_BYTES } from '@twofold/shared';
import { join, resolve } from 'node:path';
import type { PushConfig } from './notifications/vapid.ts';
import { DEFAULT_ACCOUNT_LIMITS } from './sync/account-limits.ts';
import { DEFAULT_BUDGET } from './sync/connection-budget.ts';
import { DEFAULT_DOC_QUOTA_BYTES } from './sync/doc-quota.ts';

/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  allowedOrigins: string[];
  maxFrameBytes: number;
  /** What one sync connection may send per second (see sync/connection-budget.ts). */
  syncMessagesPerSecond: number;
  syncBytesPerSecond: number;
  /** Open sync sockets per account (sync/account-limits.ts). */
  syncSocketsPerAccount: number;
  /** Main-thread ms of work per second an account's sockets may use, refilled steadily (account-limits.ts). */
  syncWorkMsPerSecond: number;
  /** The most main-thread ms of work an account may use at once (account-limits.ts). */
  syncWorkBurstMs: number;
  /** Bytes one document may hold in the log (sync/room.ts). */
  syncDocQuotaBytes: number;
  authRateLimitPerMin: number;
  sqliteSync: 'normal' | 'full';
  /**
   * `DATABASE_URL` (postgres://user:pass@host:5432/db), or null: everything but the sync
   * rooms' document log is stored in PostgreSQL instead of the SQLite file (store/sql.ts).
   */
  databaseUrl: string | null;
  /**
   * `REDIS_URL` (redis://host:6379), or null: instances tell each other space events and
   * session revocations, and share login rate limits, through this Redis (instances/). With
   * `databaseUrl` it also runs the sync rooms in shared mode (sync/shared-rooms.ts): their log
   * in PostgreSQL, updates and presence between instances over Redis, so partners on different
   * instances edit together.
   */
  redisUrl: string | null;
  /** The built client to serve, if any. */
  clientDir: string | null;
  /** Web Push keys from the environment; missing keys are generated once and kept in the database. */
  push: PushConfig;
  /** `SMTP_URL` (smtp://user:pass@host:587, smtps://…), or null: the server sends no email. */
  smtpUrl: string | null;
  /** `MAIL_FROM`, the sender of every email, e.g. `Twofold <hello@example.org>`. */
  mailFrom: string;
  /**
   * `APP_URL`, where people open the app (links in emails start with it). Never taken from a
   * request's Host header: anyone could then send a reset link pointing at their own site.
   */
  appUrl: string;
  /** NODE_ENV=development: unsent emails are written to the log (links included). */
  development: boolean;
}

function int(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
}

function mailConfig(env: Record<string, string | undefined>) {
  const port = int(env.PORT, 8787);
  const appUrl = (env.APP_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    smtpUrl: env.SMTP_URL?.trim() || null,
    mailFrom: env.MAIL_FROM?.trim() || `Twofold <no-reply@${new URL(appUrl).hostname}>`,
    appUrl,
    development: env.NODE_ENV === 'development',
  };
}

/** Reads the configuration DESIGN.md documents; unknown or bad values fall back to defaults. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return {
    port: int(env.PORT, 8787),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    dbPath: join(dataDir, 'twofold.sqlite'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    maxFrameBytes: int(env.MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES),
    syncMessagesPerSecond: int(env.SYNC_MESSAGES_PER_SEC, DEFAULT_BUDGET.messagesPerSecond),
    syncBytesPerSecond: int(env.SYNC_BYTES_PER_SEC, DEFAULT_BUDGET.bytesPerSecond),
    syncSocketsPerAccount: int(env.SYNC_SOCKETS_PER_ACCOUNT, DEFAULT_ACCOUNT_LIMITS.socketsPerAccount),
    syncWorkMsPerSecond: int(env.SYNC_WORK_MS_PER_SEC, DEFAULT_ACCOUNT_LIMITS.workMsPerSecond),
    syncWorkBurstMs: int(env.SYNC_WORK_BURST_MS, DEFAULT_ACCOUNT_LIMITS.workBurstMs),
    syncDocQuotaBytes: int(env.SYNC_DOC_QUOTA_BYTES, DEFAULT_DOC_QUOTA_BYTES),
    authRateLimitPerMin: int(env.AUTH_RATE_LIMIT_PER_MIN, 10),
    sqliteSync: env.SQLITE_SYNC === 'full' ? 'full' : 'normal',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    redisUrl: env.REDIS_URL?.trim() || null,
    clientDir: env.CLIENT_DIR === undefined ? resolve('client/dist') : env.CLIENT_DIR || null,
    push: {
      publicKey: env.VAPID_PUBLIC_KEY || null,
      privateKey: env.VAPID_PRIVATE_KEY || null,
      subject: env.VAPID_SUBJECT || null,
    },
    ...mailConfig(env),
  };
}
