// Checkpoints the SQLite write-ahead log from its own thread and connection, so that copying the
// log into the database (and its fsync) never stalls the main thread that appends updates.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // The next tick tries again; a checkpoint is never required for correctness.
  }
}, workerData.intervalMs);
parentPort?.on('message', (m) => {
  if (m === 'stop') {
    clearInterval(timer);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // closing anyway
    }
    db.close();
    parentPort?.close();
  }
});
