import type { Lang } from '../../client/shared/bill/Lang';
import type { PMJSON } from '../../client/shared/bill/yBill';
import { isSectionKind } from '../../client/shared/schema/blockSchemas';
import {
  deleteBlock, deletedBlocks, insertBlock, moveBlockAfter, moveSection, restoreBlock, visibleBlocks, visibleOrder, STRUCTURE_ORIGIN,
} from '../../client/shared/layout';
import { addProvision, typeToken } from './blockText';
import { TYPING_ORIGIN, type StructurePeer } from './structurePeer';

/** A token typed by a peer, and the block and language it was typed into. */
export interface TypedToken {
  token: string;
  blockId: string;
  lang: Lang;
}

/** The random edits a fuzz peer makes. */
export type FuzzOp = 'type' | 'provision' | 'insert' | 'move' | 'moveAfter' | 'delete' | 'restore' | 'undo' | 'redo' | 'offline' | 'online';

/**
 * How often each edit is chosen (relative weights). Undo weighs much: the entries of `order` an undo
 * re-creates, racing another writer's clean-up of duplicates, are where sections have been lost.
 */
const WEIGHTS: Record<FuzzOp, number> = {
  type: 30, provision: 4, insert: 9, move: 12, moveAfter: 5, delete: 9, restore: 7, undo: 20, redo: 5, offline: 6, online: 15,
};

/** One trial's random state: the generator, the peers, every token typed, the op log and op counts. */
export interface FuzzRun {
  rng: () => number;
  peers: StructurePeer[];
  /** Prefix of every id and token of this trial. */
  prefix: string;
  tokens: TypedToken[];
  log: string[];
  counts: Record<FuzzOp, number>;
  serial: number;
}

/** A fresh count of each op. */
export function zeroCounts(): Record<FuzzOp, number> {
  return { type: 0, provision: 0, insert: 0, move: 0, moveAfter: 0, delete: 0, restore: 0, undo: 0, redo: 0, offline: 0, online: 0 };
}

/** One of `items` at random, or undefined when there are none. */
export function pick<T>(rng: () => number, items: readonly T[]): T | undefined {
  return items[Math.floor(rng() * items.length)];
}

function chooseOp(rng: () => number): FuzzOp {
  const entries = Object.entries(WEIGHTS) as [FuzzOp, number][];
  let r = rng() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [op, w] of entries) {
    r -= w;
    if (r < 0) return op;
  }
  return 'type';
}

const shownSections = (p: StructurePeer) => visibleBlocks(p.doc).filter((b) => isSectionKind(b.kind)).map((b) => b.id);
const removedSections = (p: StructurePeer) => deletedBlocks(p.doc).filter((b) => isSectionKind(b.kind)).map((b) => b.id);

function newToken(run: FuzzRun, p: StructurePeer, lang: Lang, blockId: string): string {
  const token = `⟦${run.prefix}${p.name}t${run.serial++}⟧`;
  run.tokens.push({ token, blockId, lang });
  return token;
}

function sectionContent(run: FuzzRun, p: StructurePeer, id: string): Record<Lang, PMJSON[]> {
  const lang = (l: Lang): PMJSON[] => [
    { type: 'sectionHeading', content: [{ type: 'text', text: newToken(run, p, l, id) }] },
    { type: 'provision', attrs: { level: 0 }, content: [{ type: 'text', text: newToken(run, p, l, id) }] },
  ];
  return { en: lang('en'), es: lang('es') };
}

/** Runs one edit of `op` by `p`; returns a log line, or null when the op had nothing to act on. */
function applyOp(run: FuzzRun, p: StructurePeer, op: FuzzOp): string | null {
  const { rng } = run;
  const { doc } = p;
  const lang: Lang = rng() < 0.5 ? 'en' : 'es';
  switch (op) {
    case 'type':
    case 'provision': {
      // Mostly a shown section; sometimes one deleted meanwhile (what an offline colleague still sees).
      const id = rng() < 0.8 ? pick(rng, shownSections(p)) ?? pick(rng, removedSections(p)) : pick(rng, removedSections(p)) ?? pick(rng, shownSections(p));
      if (!id) return null;
      const token = newToken(run, p, lang, id);
      const where = op === 'type'
        ? typeToken(doc, id, lang, token, Math.floor(rng() * 4), Math.floor(rng() * 8), TYPING_ORIGIN)
        : addProvision(doc, id, lang, token, Math.floor(rng() * 4), Math.floor(rng() * 3), TYPING_ORIGIN);
      return `${op} ${token} into ${id} ${lang} ${where}`;
    }
    case 'insert': {
      const id = `${run.prefix}${p.name}n${run.serial++}`;
      const afterId = rng() < 0.1 ? null : pick(rng, visibleOrder(doc)) ?? null;
      const content = rng() < 0.5 ? sectionContent(run, p, id) : undefined;
      insertBlock(doc, { kind: 'section', id, afterId, content }, STRUCTURE_ORIGIN, p.name);
      return `insert ${id} after ${afterId}${content ? ' with tokens' : ''}`;
    }
    case 'move': {
      const id = pick(rng, shownSections(p));
      const dir = rng() < 0.5 ? -1 : 1;
      return id ? `move ${id} ${dir}: ${moveSection(doc, id, dir)}` : null;
    }
    case 'moveAfter': {
      const id = pick(rng, shownSections(p));
      const afterId = rng() < 0.15 ? null : pick(rng, visibleOrder(doc).filter((b) => b !== id)) ?? null;
      return id ? `moveAfter ${id} after ${afterId}: ${moveBlockAfter(doc, id, afterId)}` : null;
    }
    case 'delete': {
      const id = pick(rng, shownSections(p));
      return id ? `delete ${id}: ${deleteBlock(doc, id, p.name)}` : null;
    }
    case 'restore': {
      const id = pick(rng, removedSections(p));
      return id ? `restore ${id}: ${restoreBlock(doc, id)}` : null;
    }
    case 'undo':
      return p.undo.canUndo() ? `undo: ${p.undo.undo() !== null}` : null;
    case 'redo':
      return p.undo.canRedo() ? `redo: ${p.undo.redo() !== null}` : null;
    case 'offline':
      if (!p.online()) return null;
      p.goOffline();
      return 'offline';
    case 'online':
      if (p.online()) return null;
      p.goOnline();
      return 'online';
  }
}

/**
 * Runs `count` random edits by random peers, in Yjs's manner: small ops, and random points where
 * the network is let through (a macrotask, or a pause of up to 4 ms) so that some edits cross in
 * flight and others are seen first.
 */
export async function randomEdits(run: FuzzRun, count: number): Promise<void> {
  for (let k = 0; k < count; k++) {
    const p = pick(run.rng, run.peers);
    if (!p) return;
    const op = chooseOp(run.rng);
    const state = p.online() ? '' : ' (offline)';
    const line = applyOp(run, p, op);
    if (line !== null) run.counts[op]++;
    run.log.push(`${k} ${p.name}${state} ${line ?? `${op}: nothing to do`}`);
    const r = run.rng();
    if (r < 0.25) await new Promise((resolve) => setImmediate(resolve));
    else if (r < 0.4) await new Promise((resolve) => setTimeout(resolve, Math.floor(run.rng() * 5)));
  }
}
