import { Worker } from 'node:worker_threads';
import type { i18n as I18n } from 'i18next';
import type { Config } from './config';
import { openDatabase, type Db } from './storage/openDatabase';
import { UserStore } from './storage/UserStore';
import { SessionStore } from './storage/SessionStore';
import { DocumentStore } from './storage/DocumentStore';
import { UpdateStore } from './storage/UpdateStore';
import { AuditLog } from './storage/AuditLog';
import { RoomRegistry } from './collab/RoomRegistry';
import { loadLocales } from './i18n';
import { VersionStore } from './storage/VersionStore';
import { ConnectionRegistry } from './collab/ConnectionRegistry';
import { ExportPool } from './export/ExportPool';
import { GlossaryStore } from './storage/GlossaryStore';
import { CommentStore } from './storage/CommentStore';
import { HeldEditStore } from './storage/HeldEditStore';
import { loadTemplates, type TemplateLibrary } from './templates/loadTemplates';
import { ensureBlockLayout } from './documents/ensureBlockLayout';
import { NotificationStore } from './storage/NotificationStore';
import { EventHub } from './events/EventHub';
import { streamAllowed } from './events/streamAllowed';
import { AutoHistory } from './documents/AutoHistory';
import { withDocState } from './documents/documentContent';
import * as Y from 'yjs';

/** Everything a request handler or the collaboration server needs, built once at start-up. */
export interface Services {
  config: Config;
  db: Db;
  users: UserStore;
  sessions: SessionStore;
  documents: DocumentStore;
  updates: UpdateStore;
  audit: AuditLog;
  versions: VersionStore;
  library: TemplateLibrary;
  rooms: RoomRegistry;
  connections: ConnectionRegistry;
  exports: ExportPool;
  glossary: GlossaryStore;
  comments: CommentStore;
  notifications: NotificationStore;
  /** Open event streams: what changed is pushed to the people concerned. */
  events: EventHub;
  /** Automatic versions after bursts of editing, and who edited what since the last version. */
  history: AutoHistory;
  held: HeldEditStore;
  /** Stops the WAL checkpoint thread after a last full checkpoint. */
  stopCheckpoints: () => Promise<void>;
  i18n: I18n;
  log: (line: string) => void;
}

/** Opens the database and wires the stores. */
export function createServices(config: Config, log: (line: string) => void = (l) => console.log(l)): Services {
  const library = loadTemplates(config.templatesDir);
  const db = openDatabase(config.dbFile, { backgroundCheckpoints: true });
  const checkpointer = new Worker(new URL('./storage/checkpointWorker.mjs', import.meta.url), { workerData: { file: config.dbFile, intervalMs: 2000 } });
  checkpointer.unref();
  const documents = new DocumentStore(db);
  const glossary = new GlossaryStore(db);
  glossary.seedIfEmpty(library.glossarySeed);
  const updates = new UpdateStore(db);
  const comments = new CommentStore(db);
  const versions = new VersionStore(db);
  const events = new EventHub((stream) => streamAllowed(services as Services, stream));
  // The history reads the current state through the services, complete once built below.
  let services: Services | undefined;
  const history = new AutoHistory(versions, {
    quietMs: config.autoVersionQuietMs,
    maxMs: config.autoVersionMaxMs,
    stateOf: (docId) => withDocState(services as Services, docId, (ydoc) => Y.encodeStateAsUpdate(ydoc)),
    storedState: (docId) => {
      const stored = updates.load(docId);
      return Y.mergeUpdates([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
    },
    onVersion: (version) => events.toDocument(version.docId, 'versions', () => ({ id: version.id })),
    log,
  });
  const lastTouch = new Map<string, number>();
  const rooms = new RoomRegistry(updates, {
    unloadGraceMs: config.unloadGraceMs,
    compactEvery: config.compactEvery,
    log,
    onLoaded: (docId, ydoc, through) => {
      const rewritten = ensureBlockLayout({ db, updates, comments }, docId, ydoc, through);
      history.track(docId, ydoc);
      return rewritten;
    },
    onPersisted: (docId) => {
      // updated_at is advisory: write it at most every two seconds per document.
      const now = Date.now();
      if ((lastTouch.get(docId) ?? 0) + 2000 > now) return;
      lastTouch.set(docId, now);
      documents.touch(docId, now);
    },
  });
  services = {
    config,
    db,
    users: new UserStore(db),
    sessions: new SessionStore(db, config.sessionTtlMs),
    documents,
    updates,
    audit: new AuditLog(db),
    versions,
    library,
    rooms,
    connections: new ConnectionRegistry(),
    exports: new ExportPool(),
    glossary,
    comments,
    notifications: new NotificationStore(db),
    events,
    history,
    held: new HeldEditStore(db),
    stopCheckpoints: () => new Promise<void>((resolve) => {
      checkpointer.once('exit', () => resolve());
      checkpointer.postMessage('stop');
      setTimeout(() => void checkpointer.terminate().then(() => resolve()), 2000).unref();
    }),
    i18n: loadLocales(config.localesDir),
    log,
  };
  return services;
}
