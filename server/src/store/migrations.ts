import type { Db } from './db.ts';

/**
 * Versioned schema migrations. Each entry runs once, in order, inside a transaction; the
 * database's `user_version` records how many have run. Never edit a released entry: append.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL DEFAULT ''
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE members (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, user_id)
  );
  CREATE INDEX members_user ON members(user_id);
  CREATE TABLE invites (
    code_hash TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    used_by TEXT
  );
  CREATE TABLE doc_updates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_key TEXT NOT NULL,
    author TEXT NOT NULL,
    at INTEGER NOT NULL,
    merged_count INTEGER NOT NULL DEFAULT 1,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_doc ON doc_updates(doc_key, id);
  CREATE TABLE doc_snapshots (
    doc_key TEXT PRIMARY KEY,
    upto_id INTEGER NOT NULL,
    coalesced_upto INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL,
    data BLOB NOT NULL
  );
  `,
  `
  CREATE TABLE attestations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX attestations_subject ON attestations(space_id, subject_type, subject_id, id);
  `,
  `
  CREATE TABLE letter_pairs (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    prompt TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    opened_at INTEGER
  );
  CREATE TABLE letters (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    title TEXT NOT NULL,
    prompt TEXT,
    body TEXT NOT NULL,
    reply_to TEXT REFERENCES letters(id) ON DELETE SET NULL,
    seal_kind TEXT,
    pair_id TEXT REFERENCES letter_pairs(id) ON DELETE CASCADE,
    opens_at INTEGER,
    sent_at INTEGER NOT NULL,
    read_at INTEGER
  );
  CREATE INDEX letters_space ON letters(space_id, sent_at);
  CREATE UNIQUE INDEX letters_one_per_pair_author ON letters(pair_id, author_id) WHERE pair_id IS NOT NULL;
  `,
  `
  CREATE TABLE departures (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    name TEXT NOT NULL,
    left_at INTEGER NOT NULL
  );
  CREATE INDEX departures_space ON departures(space_id, left_at);
  `,
  `
  CREATE TABLE checkin_schedules (
    space_id TEXT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE checkin_answers (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    week TEXT NOT NULL,
    user_id TEXT NOT NULL,
    answers TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, week, user_id)
  );
  CREATE TABLE promises (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    text TEXT NOT NULL,
    due_on TEXT,
    content_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    missed_at INTEGER,
    missed_note TEXT
  );
  CREATE INDEX promises_space ON promises(space_id, created_at);
  CREATE TABLE appreciations (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    hearted_at INTEGER
  );
  CREATE INDEX appreciations_space ON appreciations(space_id, created_at);
  `,
  `
  CREATE TABLE checkin_trend_shares (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    shared_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, user_id)
  );
  `,
  `
  ALTER TABLE sessions ADD COLUMN public_id TEXT;
  UPDATE sessions SET public_id = lower(hex(randomblob(16))) WHERE public_id IS NULL;
  CREATE UNIQUE INDEX sessions_public_id ON sessions(public_id);
  ALTER TABLE users ADD COLUMN sign_ins_seen_at INTEGER NOT NULL DEFAULT 0;
  `,
  // doc_updates without AUTOINCREMENT: it wrote the sqlite_sequence page on every edit's
  // commit (three WAL pages instead of two). What it guaranteed, that a new row's id is above
  // every snapshot's upto_id even after compaction deleted the newest rows, is kept by
  // doc_log_floor: raised by every compaction, and new ids are above it (doc-log.ts).
  `
  CREATE TABLE doc_log_floor (id INTEGER NOT NULL);
  INSERT INTO doc_log_floor (id) VALUES (max(
    COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'), 0),
    COALESCE((SELECT max(id) FROM doc_updates), 0),
    COALESCE((SELECT max(upto_id) FROM doc_snapshots), 0)
  ));
  CREATE TABLE doc_updates_next (
    id INTEGER PRIMARY KEY,
    doc_key TEXT NOT NULL,
    author TEXT NOT NULL,
    at INTEGER NOT NULL,
    merged_count INTEGER NOT NULL DEFAULT 1,
    data BLOB NOT NULL
  );
  INSERT INTO doc_updates_next (id, doc_key, author, at, merged_count, data)
    SELECT id, doc_key, author, at, merged_count, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_updates_next RENAME TO doc_updates;
  CREATE INDEX doc_updates_doc ON doc_updates(doc_key, id);
  `,
  // The check-in day changes only when both agree: one proposes (a row here until the partner
  // answers), and an agreed change becomes a new stretch of the schedule from a date that
  // never cuts into a week either of them has answered (checkins/week.ts).
  `
  CREATE TABLE checkin_day_proposals (
    space_id TEXT PRIMARY KEY REFERENCES spaces(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,
    proposed_by TEXT NOT NULL,
    proposed_at INTEGER NOT NULL
  );
  CREATE TABLE checkin_day_changes (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    day INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    proposed_by TEXT NOT NULL,
    agreed_by TEXT NOT NULL,
    agreed_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, starts_on)
  );
  `,
  // Letters brought in from an export keep who wrote them and when: imported_by is who brought
  // them in (the only person the server can vouch for), written_by_name the export's name for
  // an author who is not a member here.
  `
  ALTER TABLE letters ADD COLUMN imported_by TEXT;
  ALTER TABLE letters ADD COLUMN imported_at INTEGER;
  ALTER TABLE letters ADD COLUMN written_by_name TEXT;
  `,
  // Notifications (issue 16): the server's VAPID keys (generated once, shared by every instance
  // on this database), each device's push subscription tied to its session (signing that session
  // out deletes it), each person's preferences as validated JSON, and the outbox a sender claims
  // rows from, so each notification is sent once however many instances run.
  `
  CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE push_subscriptions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_hash TEXT NOT NULL REFERENCES sessions(id_hash) ON DELETE CASCADE,
    endpoint TEXT NOT NULL UNIQUE,
    p256dh TEXT NOT NULL,
    auth TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id);
  CREATE INDEX push_subscriptions_session ON push_subscriptions(session_hash);
  CREATE TABLE notification_prefs (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    prefs TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE notification_outbox (
    id INTEGER PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    subscription_id TEXT REFERENCES push_subscriptions(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    event_key TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    url TEXT NOT NULL,
    not_before INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX notification_outbox_once
    ON notification_outbox(user_id, channel, COALESCE(subscription_id, ''), event_key);
  CREATE INDEX notification_outbox_due ON notification_outbox(claimed_at, not_before);
  `,
  // Email: when the account's address was confirmed (null: not yet), and the single-use links
  // sent by email (reset, verify, change of address). Only the token's SHA-256 is kept; `email`
  // is the address the link was sent to, so a link stops working once the address changes.
  `
  ALTER TABLE users ADD COLUMN email_verified_at INTEGER;
  CREATE TABLE email_tokens (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose);
  `,
  // Repair after a hard moment, forgiveness and reassurance. Each side of a repair is private
  // until both have written (repairs/visibility.ts) and is never updated once given; a breach's
  // state is a ledger of the hurt partner's own changes, never a column anyone can set.
  `
  CREATE TABLE repairs (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    started_by TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    next_time TEXT,
    next_time_by TEXT,
    next_time_at INTEGER
  );
  CREATE INDEX repairs_space ON repairs(space_id, started_at);
  CREATE TABLE repair_parts (
    repair_id TEXT NOT NULL REFERENCES repairs(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    part TEXT NOT NULL,
    written_at INTEGER NOT NULL,
    PRIMARY KEY (repair_id, user_id)
  );
  CREATE TABLE breaches (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    hurt_user_id TEXT NOT NULL,
    named_by TEXT NOT NULL,
    named_at INTEGER NOT NULL
  );
  CREATE INDEX breaches_space ON breaches(space_id, named_at);
  CREATE TABLE breach_states (
    id INTEGER PRIMARY KEY,
    breach_id TEXT NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at INTEGER NOT NULL
  );
  CREATE INDEX breach_states_breach ON breach_states(breach_id, id);
  CREATE TABLE breach_links (
    breach_id TEXT NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (breach_id, kind, ref_id)
  );
  CREATE TABLE reassurance_guides (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    helps TEXT NOT NULL,
    words TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, user_id)
  );
  CREATE TABLE reassurance_requests (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    asked_by TEXT NOT NULL,
    asked_at INTEGER NOT NULL,
    answer TEXT,
    answered_by TEXT,
    answered_at INTEGER
  );
  CREATE INDEX reassurance_requests_space ON reassurance_requests(space_id, asked_at);
  `,
  // Scheduled notifications (check-in day, boundary review): one row per person, kind and
  // occurrence, claimed with INSERT OR IGNORE before the notice is queued, so a restart or a
  // second instance never sends it twice. The durable mail queue: a mail is a row until the
  // SMTP server took it (or it was given up on, or its link expired), then the row is deleted.
  `
  CREATE TABLE scheduled_notices (
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    PRIMARY KEY (space_id, user_id, kind, occurrence)
  );
  CREATE TABLE mail_outbox (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT,
    not_before INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    claimed_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX mail_outbox_due ON mail_outbox(not_before, id);
  `,
  // A promise proposed from a repair's "next time" is co-signed: it holds once the partner
  // accepts it (an `accepted` attestation). The column says which repair, and that it needs that.
  `ALTER TABLE promises ADD COLUMN from_repair TEXT;`,
  // History's base for its newest pages (store/doc-history.ts): every log row up to
  // history_upto merged, kept beside the snapshot so it goes wherever the snapshot goes.
  `
  ALTER TABLE doc_snapshots ADD COLUMN history_upto INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE doc_snapshots ADD COLUMN history_base BLOB;
  `,
  // Which device (sync session) wrote each log row (issue 19): an opaque id made from the
  // session (sync/device-id.ts), '' for rows written before it was kept, by the
  // server itself, or merged from rows of more than one device.
  `ALTER TABLE doc_updates ADD COLUMN device TEXT NOT NULL DEFAULT '';`,
];

/** How many migrations exist: the `user_version` of an up-to-date database. */
export const SQLITE_SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema up to date (tests: up to migration `upTo`); safe to call on every start. */
export function migrate(db: Db, upTo = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < upTo; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
