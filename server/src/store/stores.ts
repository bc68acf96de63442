import { createAppreciationStore } from './appreciations.ts';
import { createAttestationStore } from './attestations.ts';
import { createBreachStore } from './breaches.ts';
import { createCheckinStore } from './checkins.ts';
import type { Db } from './db.ts';
import { createDepartureStore } from './departures.ts';
import { createEmailStore } from './email-tokens.ts';
import type { DocSource } from '../exports/read-doc.ts';
import { createDocHistory } from './doc-history.ts';
import { createDocLog, type DocLogOptions } from './doc-log.ts';
import { createInviteStore } from './invites.ts';
import { createLetterStore } from './letters.ts';
import type { HistoryReader } from './log-history.ts';
import { createNotificationStore } from './notifications.ts';
import { createPromiseStore } from './promises.ts';
import { createReassuranceStore } from './reassurance.ts';
import { createRepairStore } from './repairs.ts';
import { createSessionStore } from './sessions.ts';
import { createSpaceStore } from './spaces.ts';
import { createSqliteSql, type Sql } from './sql.ts';
import { createUserStore } from './users.ts';

/**
 * Every store, built once at start and injected where needed. The document log (and, for now,
 * the stores not yet asynchronous) use the SQLite connection `db`; the others use `sql`: the
 * same connection by default, PostgreSQL when `DATABASE_URL` is set (build-app.ts). The server
 * gives the document log a journal (see edit-journal.ts).
 */
export function createStores(db: Db, docLogOptions: DocLogOptions = {}, sql: Sql = createSqliteSql(db)) {
  const docLog = createDocLog(db, docLogOptions);
  /** Where documents are read from when no room holds them: this log, or PostgreSQL's (build-app.ts). */
  const docSource: DocSource = docLog;
  /** Where history pages are read: this log, or PostgreSQL's (build-app.ts), like `docSource`. */
  const history: HistoryReader = createDocHistory(db, docLog);
  return {
    docSource,
    history,
    db,
    sql,
    users: createUserStore(sql),
    sessions: createSessionStore(sql),
    spaces: createSpaceStore(sql),
    invites: createInviteStore(sql),
    docLog,
    attestations: createAttestationStore(sql),
    letters: createLetterStore(sql),
    departures: createDepartureStore(sql, docLog),
    checkins: createCheckinStore(sql),
    promises: createPromiseStore(sql),
    appreciations: createAppreciationStore(sql),
    notifications: createNotificationStore(sql),
    email: createEmailStore(sql),
    repairs: createRepairStore(sql),
    breaches: createBreachStore(sql),
    reassurance: createReassuranceStore(sql),
  };
}
export type Stores = ReturnType<typeof createStores>;
