import * as Y from 'yjs';
import type { Lang } from '../bill/Lang';
import { isBlockKind, type BlockKind } from '../schema/blockSchemas';
import type { BlockForm } from '../schema/FormAttribute';

/** The roots of a bill's Y.Doc: the reading order, the blocks by id, and document-wide state. */
export const ORDER_ROOT = 'order';
export const BLOCKS_ROOT = 'blocks';
export const META_ROOT = 'meta';

/** Roots of the layout before blocks (one whole-document fragment per language), read only to convert. */
export const LEGACY_ROOTS: readonly Lang[] = ['en', 'es'];

/** Origin of structure edits made through this module, so an undo manager can track them as the user's. */
export const STRUCTURE_ORIGIN = 'puente:structure';

/** Who removed a block from the order, when, and after which block it stood. */
export interface DeletedInfo {
  by: string;
  at: string;
  after: string | null;
}

/** A block's identity and kind, as stored beside its content. */
export interface BlockInfo {
  id: string;
  kind: BlockKind;
  form: BlockForm;
  deleted: DeletedInfo | null;
}

/** The shared reading order of block ids. */
export function orderOf(ydoc: Y.Doc): Y.Array<string> {
  return ydoc.getArray<string>(ORDER_ROOT);
}

/** The shared map of blocks by id. */
export function blocksOf(ydoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return ydoc.getMap<Y.Map<unknown>>(BLOCKS_ROOT);
}

/** The block map with `id`, if it exists and is one. */
export function blockMap(ydoc: Y.Doc, id: string): Y.Map<unknown> | null {
  const block = blocksOf(ydoc).get(id);
  return block instanceof Y.Map ? block : null;
}

function toForm(value: unknown): BlockForm {
  return value === 'us' || value === 'mx' ? value : 'any';
}

function toDeleted(value: unknown): DeletedInfo | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  return { by: typeof v.by === 'string' ? v.by : '', at: typeof v.at === 'string' ? v.at : '', after: typeof v.after === 'string' ? v.after : null };
}

/** A block's kind, form and deletion, or null when `id` names no well-formed block. */
export function blockInfo(ydoc: Y.Doc, id: string): BlockInfo | null {
  const block = blockMap(ydoc, id);
  if (!block) return null;
  const kind = block.get('kind');
  if (!isBlockKind(kind)) return null;
  return { id, kind, form: toForm(block.get('form')), deleted: toDeleted(block.get('deleted')) };
}

/** One language's content of a block, or null when it has none. */
export function blockFragment(ydoc: Y.Doc, id: string, lang: Lang): Y.XmlFragment | null {
  const fragment = blockMap(ydoc, id)?.get(lang);
  return fragment instanceof Y.XmlFragment ? fragment : null;
}

/**
 * The blocks shown, in reading order: the first occurrence of each id in `order` whose block exists
 * and is not deleted. Later duplicates (left by concurrent moves) are never shown.
 */
export function visibleOrder(ydoc: Y.Doc): string[] {
  const blocks = blocksOf(ydoc);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const id of orderOf(ydoc).toArray()) {
    if (typeof id !== 'string' || seen.has(id)) continue;
    seen.add(id);
    const block = blocks.get(id);
    if (block instanceof Y.Map && isBlockKind(block.get('kind')) && !block.get('deleted')) out.push(id);
  }
  return out;
}

/** The shown blocks with their kinds, in reading order. */
export function visibleBlocks(ydoc: Y.Doc): BlockInfo[] {
  return visibleOrder(ydoc).map((id) => blockInfo(ydoc, id)).filter((b): b is BlockInfo => b !== null);
}

/** Blocks removed from the order (deleted sections), newest first. */
export function deletedBlocks(ydoc: Y.Doc): BlockInfo[] {
  const out: BlockInfo[] = [];
  for (const id of blocksOf(ydoc).keys()) {
    const info = blockInfo(ydoc, id);
    if (info?.deleted) out.push(info);
  }
  return out.sort((a, b) => (b.deleted?.at ?? '').localeCompare(a.deleted?.at ?? ''));
}

/** The id of the block a shared type (a fragment, element or text) belongs to, or null. */
export function blockIdOf(ydoc: Y.Doc, type: Y.AbstractType<Y.YEvent<never>> | null): string | null {
  const blocks = blocksOf(ydoc) as unknown as Y.AbstractType<Y.YEvent<never>>;
  let t = type;
  while (t?._item && t._item.parent !== blocks) t = t._item.parent as Y.AbstractType<Y.YEvent<never>> | null;
  return t?._item && t._item.parent === blocks ? t._item.parentSub : null;
}

/** The block an encoded Yjs relative position (a comment anchor) points into, or null. */
export function blockIdOfPosition(ydoc: Y.Doc, relative: Y.RelativePosition): string | null {
  const abs = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
  return abs ? blockIdOf(ydoc, abs.type as unknown as Y.AbstractType<Y.YEvent<never>>) : null;
}

/**
 * The plain text of a section's heading in one language, read straight from the shared document
 * (no schema conversion), for outlines and messages that need it often.
 */
export function sectionHeadingText(ydoc: Y.Doc, id: string, lang: Lang): string {
  const first = blockFragment(ydoc, id, lang)?.get(0);
  if (!(first instanceof Y.XmlElement) || first.nodeName !== 'sectionHeading') return '';
  let out = '';
  for (const child of first.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
  }
  return out;
}
