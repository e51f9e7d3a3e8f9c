import { CloseCode } from '@shared/collab/closeCodes';
import type { UpdateStore } from '../storage/UpdateStore';
import { DocRoom, type RoomHooks } from './DocRoom';

/** Open rooms by document id; loads a room on first use and unloads it after a grace period with no clients. */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocRoom>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: UpdateStore,
    private readonly options: { unloadGraceMs: number; compactEvery: number; log?: (line: string) => void } & Pick<RoomHooks, 'onLoaded' | 'onPersisted'>,
  ) {}

  /**
   * The room of a document, loading it from SQLite synchronously if needed. Updates still waiting
   * for their commit are committed first, so that code outside the sockets only sees what is on disk.
   */
  open(docId: string): DocRoom {
    this.store.flush();
    this.cancelUnload(docId);
    let room = this.rooms.get(docId);
    if (!room) {
      room = new DocRoom(docId, this.store, {
        onLoaded: this.options.onLoaded,
        onPersisted: this.options.onPersisted,
        onEmpty: (r) => this.scheduleUnload(r),
        onBroken: (r, err) => this.discard(r, err),
      }, this.options.compactEvery);
      this.rooms.set(docId, room);
    }
    return room;
  }

  /** Lets a room opened by the server itself (not a socket) unload after the grace period. */
  release(room: DocRoom): void {
    if (room.conns.size === 0) this.scheduleUnload(room);
  }

  /** The room if it is loaded (queued updates committed first, as for `open`). */
  get(docId: string): DocRoom | undefined {
    this.store.flush();
    return this.rooms.get(docId);
  }

  /**
   * Drops a room whose updates could not be stored, without saving it: its sockets close with 1011,
   * the clients reconnect to a room loaded afresh from disk and send again what it lacks.
   */
  private discard(room: DocRoom, err: unknown): void {
    this.options.log?.(`collab: could not store updates of ${room.docId}, reloading it: ${err instanceof Error ? err.message : String(err)}`);
    if (this.rooms.get(room.docId) === room) this.rooms.delete(room.docId);
    this.cancelUnload(room.docId);
    for (const conn of room.conns) conn.ws.close(CloseCode.ServerError, 'storage error');
    // Not inside the commit or the update handler that found the failure.
    setImmediate(() => room.destroy());
  }

  loadedCount(): number {
    return this.rooms.size;
  }

  private scheduleUnload(room: DocRoom): void {
    if (this.rooms.get(room.docId) !== room) return; // a discarded room; another may hold its id now
    this.cancelUnload(room.docId);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.docId);
      if (room.conns.size === 0 && this.rooms.get(room.docId) === room) {
        this.rooms.delete(room.docId);
        room.destroy();
      }
    }, this.options.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(room.docId, timer);
  }

  private cancelUnload(docId: string): void {
    const t = this.unloadTimers.get(docId);
    if (t) {
      clearTimeout(t);
      this.unloadTimers.delete(docId);
    }
  }

  /** Compacts and frees every room (server shutdown). */
  closeAll(): void {
    for (const t of this.unloadTimers.values()) clearTimeout(t);
    this.unloadTimers.clear();
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}
