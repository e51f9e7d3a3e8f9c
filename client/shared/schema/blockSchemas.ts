import { getSchema, Node, type AnyExtension } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { billExtensions } from './billExtensions';
import { BillDocument } from './BillDocument';

/** What a block is: its kind decides what its content may hold and how it is numbered and printed. */
export type BlockKind = 'title' | 'enactingClause' | 'preamble' | 'section' | 'transitory' | 'closing' | 'signature';

/** Every block kind, in no particular order. */
export const BLOCK_KINDS: readonly BlockKind[] = ['title', 'enactingClause', 'preamble', 'section', 'transitory', 'closing', 'signature'];

/** Narrows an untrusted value to a block kind. */
export function isBlockKind(value: unknown): value is BlockKind {
  return typeof value === 'string' && (BLOCK_KINDS as readonly string[]).includes(value);
}

/** Kinds that are numbered sections ("Section 3." / "Artículo 3.-" / "Primero.-"). */
export function isSectionKind(kind: BlockKind): kind is 'section' | 'transitory' {
  return kind === 'section' || kind === 'transitory';
}

/** The ProseMirror content expression of one language of a block of each kind. */
export const BLOCK_CONTENT: Record<BlockKind, string> = {
  title: 'billTitle',
  enactingClause: 'enactingClause',
  preamble: '(frontHeading | paragraph)+',
  section: 'sectionHeading provision+',
  transitory: 'sectionHeading provision+',
  closing: '(frontHeading | paragraph)+',
  signature: 'signatureBlock+',
};

const withoutDoc = billExtensions.filter((e) => e !== BillDocument);

const extensionCache = new Map<BlockKind, AnyExtension[]>();

/** The TipTap extensions of one language of a block of `kind` (the editor builds its schema from them). */
export function blockExtensions(kind: BlockKind): AnyExtension[] {
  let list = extensionCache.get(kind);
  if (!list) {
    list = [Node.create({ name: 'doc', topNode: true, content: BLOCK_CONTENT[kind] }), ...withoutDoc];
    extensionCache.set(kind, list);
  }
  return list;
}

function build(kind: BlockKind): Schema {
  return getSchema(blockExtensions(kind));
}

const cache = new Map<BlockKind, Schema>();

/**
 * The schema of one language of a block of `kind`: the bill's nodes and marks, with a top node that
 * admits only what that kind holds (a section: one heading, then provisions), so nothing typed or
 * pasted into a block can leave it.
 */
export function blockSchema(kind: BlockKind): Schema {
  let schema = cache.get(kind);
  if (!schema) {
    schema = build(kind);
    cache.set(kind, schema);
  }
  return schema;
}
