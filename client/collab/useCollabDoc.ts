import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as decoding from 'lib0/decoding';
import { CloseCode, MessageType } from '@shared/collab/closeCodes';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'connected' | 'offline';
/** Whether everything typed here is on the server's disk. */
export type SaveState = 'saved' | 'saving' | 'unsaved';
/** Prefix of the IndexedDB databases that keep documents for offline editing. */
export const OFFLINE_DB_PREFIX = 'puente-doc-';
// Copies kept before the block layout (prefix 'puente-doc-' without the layout tag) are not reused: the server converted those documents.
const LAYOUT_TAG = 'b2-';
const pendingKey = (docId: string) => `puente.pending.${docId}`;

/**
 * Forgets this browser's copy of one document (its offline database and pending flag), so the next
 * load takes the server's state: used when the server held back what this copy would send.
 */
export async function forgetOfflineCopy(docId: string): Promise<void> {
  await new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(OFFLINE_DB_PREFIX + LAYOUT_TAG + docId);
    req.onsuccess = req.onerror = req.onblocked = () => resolve(undefined);
  });
  localStorage.removeItem(pendingKey(docId));
}

/** What the server says this connection may do now (sent when a status or permission changes). */
export interface AccessChange {
  canWrite: boolean;
  reason: string | null;
}

/** Forgets every document kept in this browser (on sign-out). */
export async function clearOfflineCopies(): Promise<void> {
  const dbs = (await indexedDB.databases?.()) ?? [];
  await Promise.all(dbs.filter((d) => d.name?.startsWith(OFFLINE_DB_PREFIX)).map((d) => new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(d.name as string);
    req.onsuccess = req.onerror = req.onblocked = () => resolve(undefined);
  })));
  for (const key of Object.keys(localStorage)) if (key.startsWith('puente.pending.')) localStorage.removeItem(key);
  navigator.serviceWorker?.controller?.postMessage('clear');
}

/** Why the server ended the session for good (no reconnect). */
export type FatalClose = 'unauthenticated' | 'forbidden' | 'notFound' | null;

/** The shared document of one bill, its provider and live status. */
export interface CollabDoc {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  connection: ConnectionState;
  save: SaveState;
  synced: boolean;
  fatal: FatalClose;
  /** The last access change the server announced on this connection, if any. */
  access: AccessChange | null;
  /** The id of edits the server held back instead of applying (the document had become final). */
  held: string | null;
}

function collabUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/collab`;
}

/**
 * Connects one Y.Doc to /collab/<docId>. The server acknowledges each update once it is on disk
 * (`?ack=1`), which is how "saving" becomes "saved".
 */
export function useCollabDoc(docId: string): CollabDoc {
  const { ydoc, provider } = useMemo(() => {
    const doc = new Y.Doc();
    const prov = new WebsocketProvider(collabUrl(), docId, doc, { params: { ack: '1' }, disableBc: true, connect: false });
    return { ydoc: doc, provider: prov };
  }, [docId]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [save, setSave] = useState<SaveState>('saved');
  const [synced, setSynced] = useState(false);
  const [fatal, setFatal] = useState<FatalClose>(null);
  const [access, setAccess] = useState<AccessChange | null>(null);
  const [held, setHeld] = useState<string | null>(null);

  useEffect(() => {
    let expected = 0;
    let acked = 0;
    // Edits typed offline survive a reload in IndexedDB; this flag remembers they are not on the server yet.
    let dirty = localStorage.getItem(pendingKey(docId)) === '1';
    const setDirty = (value: boolean) => {
      dirty = value;
      if (value) localStorage.setItem(pendingKey(docId), '1');
      else localStorage.removeItem(pendingKey(docId));
    };
    const offline = new IndexeddbPersistence(OFFLINE_DB_PREFIX + LAYOUT_TAG + docId, ydoc);
    let wasConnected = false;
    const refresh = () => {
      if (!provider.wsconnected) setSave(dirty ? 'unsaved' : 'saved');
      else setSave(acked >= expected && !dirty ? 'saved' : 'saving');
    };
    provider.messageHandlers[MessageType.Ack] = (_encoder, decoder) => {
      acked = decoding.readVarUint(decoder);
      if (acked >= expected && dirty) setDirty(false);
      refresh();
    };
    const readJson = (decoder: decoding.Decoder): Record<string, unknown> => {
      try {
        const value: unknown = JSON.parse(decoding.readVarString(decoder));
        return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };
    provider.messageHandlers[MessageType.Access] = (_encoder, decoder) => {
      const body = readJson(decoder);
      setAccess({ canWrite: body.canWrite === true, reason: typeof body.reason === 'string' ? body.reason : null });
    };
    provider.messageHandlers[MessageType.Held] = (_encoder, decoder) => {
      const body = readJson(decoder);
      if (typeof body.held === 'string') setHeld(body.held);
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') {
        expected = 1; // our reply to the server's sync step 1
        acked = 0;
        wasConnected = true;
        setConnection('connected');
      } else {
        setConnection(wasConnected ? 'offline' : 'connecting');
      }
      refresh();
    };
    const onSync = (isSynced: boolean) => setSynced(isSynced);
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin === provider || origin === offline) return;
      if (!dirty) setDirty(true);
      if (provider.wsconnected) expected++;
      refresh();
    };
    const onClose = (event: CloseEvent | null) => {
      if (!event) return;
      if (event.code === CloseCode.Unauthenticated) setFatal('unauthenticated');
      else if (event.code === CloseCode.Forbidden) setFatal('forbidden');
      else if (event.code === CloseCode.NotFound) setFatal('notFound');
    };
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    ydoc.on('update', onUpdate);
    // Connect once the offline copy is loaded, so what was typed offline goes out in the first sync.
    let cancelled = false;
    void offline.whenSynced.then(() => {
      if (cancelled) return;
      refresh();
      provider.connect();
    });
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      ydoc.off('update', onUpdate);
      cancelled = true;
      provider.destroy();
      void offline.destroy();
      ydoc.destroy();
    };
  }, [provider, ydoc, docId]);

  return { ydoc, provider, connection, save, synced, fatal, access, held };
}
