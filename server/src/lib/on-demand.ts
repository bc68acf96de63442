import { createRequire } from 'node:module';
import type * as Ioredis from 'ioredis';
import type * as Nodemailer from 'nodemailer';
import type * as Pg from 'pg';
import type * as WebPush from 'web-push';

// The packages only some instances use are required at first use, not at start: an instance
// on SQLite never loads `pg` or `ioredis`, one without `SMTP_URL` never loads `nodemailer`, and
// `web-push` waits for the first notification. Imported at start they cost every idle instance
// about 10 MiB of the 80 issue 19 allows. The build leaves them outside the bundle
// (server/scripts/build.mjs), so this `require` finds them in node_modules, as the bundle
// already finds better-sqlite3.
const requireOnDemand = createRequire(import.meta.url);

/** The `pg` driver (PostgreSQL), loaded on the first call. */
export const loadPg = () => requireOnDemand('pg') as typeof Pg;
/** The `ioredis` client, loaded on the first call. */
export const loadIoredis = () => requireOnDemand('ioredis') as typeof Ioredis;
/** `nodemailer`, loaded on the first call. */
export const loadNodemailer = () => requireOnDemand('nodemailer') as typeof Nodemailer;
/** `web-push`, loaded on the first call. */
export const loadWebPush = () => requireOnDemand('web-push') as typeof WebPush;
