import { createAppreciationStore } from './appreciations.ts';
import { createAttestationStore } from './attestations.ts';
import { createBreachStore } from './breaches.ts';
import { createCheckinStore } from './checkins.ts';
import type { Db } from './db.ts';
import { createDepartureStore } from './departures.ts';
import { createEmailStore } from './email-tokens.ts';
import { createDocLog, type DocLogOptions } from './doc-log.ts';
import { createInviteStore } from './invites.ts';
import { createLetterStore } from './letters.ts';
import { createNotificationStore } from './notifications.ts';
import { createPromiseStore } from './promises.ts';
import { createReassuranceStore } from './reassurance.ts';
import { createRepairStore } from './repairs.ts';
import { createSessionStore } from './sessions.ts';
import { createSpaceStore } from './spaces.ts';
import { createUserStore } from './users.ts';

/**
 * Every store over one database, built once at start and injected where needed. The server
 * gives the document log a journal (see edit-journal.ts).
 */
export function createStores(db: Db, docLogOptions: DocLogOptions = {}) {
  const docLog = createDocLog(db, docLogOptions);
  return {
    db,
    users: createUserStore(db),
    sessions: createSessionStore(db),
    spaces: createSpaceStore(db),
    invites: createInviteStore(db),
    docLog,
    attestations: createAttestationStore(db),
    letters: createLetterStore(db),
    departures: createDepartureStore(db, docLog),
    checkins: createCheckinStore(db),
    promises: createPromiseStore(db),
    appreciations: createAppreciationStore(db),
    notifications: createNotificationStore(db),
    email: createEmailStore(db),
    repairs: createRepairStore(db),
    breaches: createBreachStore(db),
    reassurance: createReassuranceStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
