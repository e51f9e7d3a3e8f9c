import type { UpdateStore } from '../storage/UpdateStore';
import { DocRoom, type RoomHooks } from './DocRoom';

/** Open rooms by document id; loads a room on first use and unloads it after a grace period with no clients. */
export class RoomRegistry {
  private readonly rooms = new Map<string, DocRoom>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: UpdateStore,
    private readonly options: { unloadGraceMs: number; compactEvery: number } & Pick<RoomHooks, 'onLoaded' | 'onPersisted'>,
  ) {}

  /** The room of a document, loading it from SQLite synchronously if needed. */
  open(docId: string): DocRoom {
    this.cancelUnload(docId);
    let room = this.rooms.get(docId);
    if (!room) {
      room = new DocRoom(docId, this.store, {
        onLoaded: this.options.onLoaded,
        onPersisted: this.options.onPersisted,
        onEmpty: (r) => this.scheduleUnload(r),
      }, this.options.compactEvery);
      this.rooms.set(docId, room);
    }
    return room;
  }

  /** Lets a room opened by the server itself (not a socket) unload after the grace period. */
  release(room: DocRoom): void {
    if (room.conns.size === 0) this.scheduleUnload(room);
  }

  /** The room if it is loaded. */
  get(docId: string): DocRoom | undefined {
    return this.rooms.get(docId);
  }

  loadedCount(): number {
    return this.rooms.size;
  }

  private scheduleUnload(room: DocRoom): void {
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
