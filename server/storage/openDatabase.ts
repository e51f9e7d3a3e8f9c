import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/** The SQLite connection type used throughout the server. */
export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     email TEXT NOT NULL UNIQUE COLLATE NOCASE,
     name TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'drafter', 'reviewer')),
     jurisdictions TEXT NOT NULL DEFAULT '[]',
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX sessions_user ON sessions(user_id);
   CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('model', 'variant')),
     doc_type TEXT NOT NULL DEFAULT 'act' CHECK (doc_type IN ('act', 'mou')),
     template_id TEXT,
     title_en TEXT NOT NULL,
     title_es TEXT NOT NULL,
     jurisdiction TEXT,
     model_id TEXT REFERENCES documents(id),
     model_version TEXT,
     status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'final')),
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX documents_model ON documents(model_id);
   CREATE TABLE doc_updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     data BLOB NOT NULL,
     user_id TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(doc_id, id);
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id),
     data BLOB NOT NULL,
     through_update INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE doc_versions (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     name TEXT NOT NULL,
     data BLOB NOT NULL,
     created_by TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX doc_versions_doc ON doc_versions(doc_id, created_at);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     user_id TEXT,
     action TEXT NOT NULL,
     doc_id TEXT,
     detail TEXT NOT NULL DEFAULT '{}'
   );`,
  `CREATE TABLE glossary (
     id TEXT PRIMARY KEY,
     en TEXT NOT NULL,
     es TEXT NOT NULL,
     note TEXT,
     updated_by TEXT,
     updated_at INTEGER NOT NULL
   );`,
  `ALTER TABLE glossary ADD COLUMN checked INTEGER NOT NULL DEFAULT 1;`,
  `CREATE TABLE comments (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     thread_id TEXT NOT NULL,
     lang TEXT NOT NULL CHECK (lang IN ('en', 'es')),
     anchor_start BLOB,
     anchor_end BLOB,
     quote TEXT NOT NULL DEFAULT '',
     body TEXT NOT NULL,
     author_id TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     resolved INTEGER NOT NULL DEFAULT 0,
     resolved_by TEXT,
     resolved_at INTEGER
   );
   CREATE INDEX comments_doc ON comments(doc_id, thread_id, created_at);`,
  // Review: kinds of versions and who edited before each, notifications, what each person has read.
  `ALTER TABLE doc_versions ADD COLUMN kind TEXT NOT NULL DEFAULT 'named' CHECK (kind IN ('named', 'automatic', 'beforeRestore'));
   ALTER TABLE doc_versions ADD COLUMN restored_version TEXT;
   ALTER TABLE doc_versions ADD COLUMN edits TEXT NOT NULL DEFAULT '{}';
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     kind TEXT NOT NULL CHECK (kind IN ('mention')),
     thread_id TEXT,
     comment_id TEXT,
     actor_id TEXT,
     section_id TEXT,
     section_name TEXT NOT NULL DEFAULT '{}',
     excerpt TEXT NOT NULL DEFAULT '',
     created_at INTEGER NOT NULL,
     read_at INTEGER
   );
   CREATE INDEX notifications_user ON notifications(user_id, created_at);
   CREATE INDEX notifications_comment ON notifications(doc_id, comment_id);
   CREATE TABLE comment_reads (
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     thread_id TEXT NOT NULL,
     read_through INTEGER NOT NULL,
     PRIMARY KEY (user_id, thread_id)
   );`,
  // Edits refused because the document had become final meanwhile: held for an admin, never merged silently.
  `CREATE TABLE held_edits (
     id TEXT PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id),
     user_id TEXT NOT NULL REFERENCES users(id),
     data BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     state TEXT NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'suggested', 'discarded')),
     settled_by TEXT,
     settled_at INTEGER
   );
   CREATE INDEX held_edits_doc ON held_edits(doc_id, state, created_at);`,
];

/**
 * Opens (creating if needed) the database file in WAL mode and brings its schema up to date.
 * synchronous=NORMAL in WAL mode keeps every committed transaction across a process crash
 * (SIGKILL); only a power loss could lose the last few.
 */
export function openDatabase(file: string, options: { backgroundCheckpoints?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The server checkpoints from a worker thread (checkpointWorker.mjs); other users (CLI, tests) keep SQLite's default.
  if (options.backgroundCheckpoints) db.pragma('wal_autocheckpoint = 0');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v];
    if (sql === undefined) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
