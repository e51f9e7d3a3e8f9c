import * as Y from 'yjs';
import { blockIdOf, blocksOf } from '@shared/layout';
import type { VersionEdits, VersionMeta, VersionStore } from '../storage/VersionStore';

/** Edits of one document since its last version: who, and who changed which block. */
interface Pending {
  by: Set<string>;
  blocks: Map<string, Set<string>>;
  quiet: NodeJS.Timeout | null;
  max: NodeJS.Timeout | null;
}

/** The user behind a transaction: a collaboration connection, or a server edit made for someone. */
function originUser(origin: unknown): string | null {
  if (origin === null || typeof origin !== 'object' || !('userId' in origin)) return null;
  const { userId } = origin as { userId: unknown };
  return typeof userId === 'string' ? userId : null;
}

/** The blocks a transaction changed (content, kind, deletion, or the block itself created). */
function changedBlocks(ydoc: Y.Doc, tr: Y.Transaction): Set<string> {
  const out = new Set<string>();
  const root: unknown = blocksOf(ydoc);
  for (const [type, keys] of tr.changed) {
    if (type === root) {
      for (const k of keys) if (k) out.add(k);
      continue;
    }
    const id = blockIdOf(ydoc, type as unknown as Y.AbstractType<Y.YEvent<never>>);
    if (id) out.add(id);
  }
  return out;
}

/**
 * Automatic history: the server keeps a version of a document after each burst of editing (once
 * edits pause for `quietMs`, and at least every `maxMs` while they go on), recording who edited and
 * who changed which block since the version before. Any version made meanwhile (named, or before a
 * restore) takes the edits recorded so far instead.
 */
export class AutoHistory {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly versions: VersionStore,
    private readonly options: {
      quietMs: number;
      maxMs: number;
      /** The document's current state, encoded. */
      stateOf: (docId: string) => Uint8Array;
      /** The document's state as storage holds it (without a change being applied now). */
      storedState: (docId: string) => Uint8Array;
      onVersion: (version: VersionMeta) => void;
      log: (line: string) => void;
    },
  ) {}

  /**
   * Follows a document just loaded into memory: notes who changes which block in each transaction.
   * A document with no version at all gets one at its first change, of the text before it (still
   * what storage holds then: a change is stored after its transaction), where its history starts;
   * a document only read keeps none.
   */
  track(docId: string, ydoc: Y.Doc): void {
    let needsBaseline = !this.versions.hasAny(docId);
    ydoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size === 0) return;
      if (needsBaseline) {
        needsBaseline = false;
        if (!this.versions.hasAny(docId)) this.versions.create(docId, '', this.options.storedState(docId), '', { kind: 'automatic' });
      }
      this.note(docId, originUser(tr.origin), changedBlocks(ydoc, tr));
    });
  }

  /** Records edits of `docId` by `userId` (null: the server's own) to the given blocks, and arms the timers. */
  note(docId: string, userId: string | null, blocks: Iterable<string>): void {
    let p = this.pending.get(docId);
    if (!p) {
      p = { by: new Set(), blocks: new Map(), quiet: null, max: null };
      this.pending.set(docId, p);
      p.max = setTimeout(() => this.snapshot(docId), this.options.maxMs);
      p.max.unref();
    }
    for (const id of blocks) {
      let who = p.blocks.get(id);
      if (!who) p.blocks.set(id, (who = new Set()));
      if (userId) who.add(userId);
    }
    if (userId) p.by.add(userId);
    if (p.quiet) clearTimeout(p.quiet);
    p.quiet = setTimeout(() => this.snapshot(docId), this.options.quietMs);
    p.quiet.unref();
  }

  /** The edits recorded since the last version, forgotten here: a version is being made now. */
  take(docId: string): VersionEdits {
    const p = this.pending.get(docId);
    if (!p) return { by: [], blocks: {} };
    this.pending.delete(docId);
    if (p.quiet) clearTimeout(p.quiet);
    if (p.max) clearTimeout(p.max);
    return { by: [...p.by], blocks: Object.fromEntries([...p.blocks].map(([id, who]) => [id, [...who]])) };
  }

  /** Edits recorded and not yet in a version (for the section history's "now"). */
  peek(docId: string): VersionEdits | null {
    const p = this.pending.get(docId);
    return p ? { by: [...p.by], blocks: Object.fromEntries([...p.blocks].map(([id, who]) => [id, [...who]])) } : null;
  }

  /** Keeps the automatic version of every burst still open (server shutdown). */
  flushAll(): void {
    for (const docId of [...this.pending.keys()]) this.snapshot(docId);
  }

  private snapshot(docId: string): void {
    if (!this.pending.has(docId)) return;
    try {
      const state = this.options.stateOf(docId);
      const version = this.versions.create(docId, '', state, '', { kind: 'automatic', edits: this.take(docId) });
      this.options.onVersion(version);
    } catch (err) {
      this.take(docId);
      this.options.log(`automatic version of ${docId} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
