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
  /** Bytes one document may hold in the log (sync/room.ts). */
  syncDocQuotaBytes: number;
  authRateLimitPerMin: number;
  sqliteSync: 'normal' | 'full';
  /** The built client to serve, if any. */
  clientDir: string | null;
  /** Web Push keys from the environment; missing keys are generated once and kept in the database. */
  push: PushConfig;
}

function int(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
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
    syncDocQuotaBytes: int(env.SYNC_DOC_QUOTA_BYTES, DEFAULT_DOC_QUOTA_BYTES),
    authRateLimitPerMin: int(env.AUTH_RATE_LIMIT_PER_MIN, 10),
    sqliteSync: env.SQLITE_SYNC === 'full' ? 'full' : 'normal',
    clientDir: env.CLIENT_DIR === undefined ? resolve('client/dist') : env.CLIENT_DIR || null,
    push: {
      publicKey: env.VAPID_PUBLIC_KEY || null,
      privateKey: env.VAPID_PRIVATE_KEY || null,
      subject: env.VAPID_SUBJECT || null,
    },
  };
}
