import * as Y from 'yjs';
import type { ContentMatch } from '@tiptap/pm/model';
import { isLang } from '../bill/Lang';
import { SECTION_ID_PATTERN } from '../bill/sectionIds';
import { billSchema } from '../schema/billSchema';
import { BLOCK_KINDS, blockSchema, isBlockKind, type BlockKind } from '../schema/blockSchemas';
import { BLOCKS_ROOT, LEGACY_ROOTS, META_ROOT, ORDER_ROOT } from './roots';

/**
 * Where a shared type stands in a bill's layout, as far as checking an incoming update needs to
 * know: the order, the blocks map, one block's map, one language of a block (with the block's kind
 * when known), an element or a text inside it, document-wide state, a legacy root, or a type a bill
 * never holds (nothing may be written inside it).
 */
export type ShapePlace =
  | { at: 'order' }
  | { at: 'blocks' }
  | { at: 'block' }
  | { at: 'fragment'; kind: BlockKind | null }
  | { at: 'element'; name: string }
  | { at: 'text' }
  | { at: 'meta'; depth: number }
  | { at: 'legacy' }
  | { at: 'nowhere' };

type Content = Y.Item['content'];
type SharedType = Y.ContentType['type'];

const KIND_KEY = 'kind';
const FORMS = new Set(['any', 'us', 'mx']);
/** Most levels of shared types under `meta` (its maps of parameter values and baselines are one). */
const META_DEPTH = 3;
/** Longest JSON of one element attribute, block value or text mark; bills hold ids, levels, names and short values there. */
const MAX_ATTRIBUTE_JSON = 10_000;
/** Keys a block map may hold besides its two languages; the last three are room for who made it and suggested blocks. */
const VALUE_KEYS = new Set([KIND_KEY, 'form', 'deleted', 'createdBy', 'createdAt', 'suggestion']);

function reachable(match: ContentMatch): Set<string> {
  const names = new Set<string>();
  const seen = new Set<ContentMatch>();
  const walk = (m: ContentMatch) => {
    if (seen.has(m)) return;
    seen.add(m);
    for (let i = 0; i < m.edgeCount; i++) {
      const edge = m.edge(i);
      names.add(edge.type.name);
      walk(edge.next);
    }
  };
  walk(match);
  return names;
}

const topNames = new Map<BlockKind | null, Set<string>>();
/** Node names that may stand directly in one language of a block of `kind` (any kind when null). */
function allowedAtTop(kind: BlockKind | null): Set<string> {
  let names = topNames.get(kind);
  if (!names) {
    names = kind ? reachable(blockSchema(kind).topNodeType.contentMatch) : new Set(BLOCK_KINDS.flatMap((k) => [...allowedAtTop(k)]));
    topNames.set(kind, names);
  }
  return names;
}

const childNames = new Map<string, Set<string>>();
/** Node names (`text` for a Y.XmlText) that may stand inside an element `name` of the bill schema. */
function allowedInside(name: string): Set<string> {
  let names = childNames.get(name);
  if (!names) {
    const type = billSchema.nodes[name];
    names = type ? reachable(type.contentMatch) : new Set();
    childNames.set(name, names);
  }
  return names;
}

/** The place of a root type by its name; null for a root a bill does not have. */
export function rootPlace(name: string): ShapePlace | null {
  if (name === ORDER_ROOT) return { at: 'order' };
  if (name === BLOCKS_ROOT) return { at: 'blocks' };
  if (name === META_ROOT) return { at: 'meta', depth: 0 };
  if ((LEGACY_ROOTS as readonly string[]).includes(name)) return { at: 'legacy' };
  return null;
}

/** The kind a block map holds, when it is a known one. */
export function blockMapKind(map: SharedType): BlockKind | null {
  const kind = map instanceof Y.Map ? map.get(KIND_KEY) : undefined;
  return isBlockKind(kind) ? kind : null;
}

/** The kind an entry of a block map sets, when it sets one (`kind` = a known kind). */
export function kindSetBy(key: string | null, content: Content): BlockKind | null {
  if (key !== KIND_KEY || !(content instanceof Y.ContentAny)) return null;
  const value: unknown = content.getContent()[0];
  return isBlockKind(value) ? value : null;
}

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);

/** Whether values are small enough for an attribute, block value or mark (they are bounded in size and depth before decoding). */
function small(values: unknown[]): boolean {
  try {
    return (JSON.stringify(values)?.length ?? 0) <= MAX_ATTRIBUTE_JSON;
  } catch {
    return false;
  }
}

function oneValue(content: Content): { value: unknown } | null {
  if (!(content instanceof Y.ContentAny)) return null;
  const values = content.getContent();
  return values.length === 1 ? { value: values[0] } : null;
}

function blockEntryRefusal(key: string | null, content: Content): string | null {
  if (key === null || (!VALUE_KEYS.has(key) && !isLang(key))) return `a block may not hold "${String(key)}"`;
  if (content instanceof Y.ContentDeleted) return null;
  if (isLang(key)) {
    const type = content instanceof Y.ContentType ? content.type : null;
    return type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement) ? null : `a block's "${key}" must be a fragment`;
  }
  const one = oneValue(content);
  const v = one?.value;
  const ok = !one ? false
    : key === KIND_KEY ? isBlockKind(v)
      : key === 'form' ? typeof v === 'string' && FORMS.has(v)
        : key === 'deleted' || key === 'suggestion' ? v === null || (isPlainObject(v) && small([v]))
          : typeof v === 'string' && v.length <= 200;
  return ok ? null : `bad value for a block's "${key}"`;
}

function nodeRefusal(names: Set<string>, content: Content, where: string): string | null {
  const type = content instanceof Y.ContentType ? content.type : null;
  if (type instanceof Y.XmlElement) return names.has(type.nodeName) ? null : `"${type.nodeName}" may not stand in ${where}`;
  if (type instanceof Y.XmlText) return names.has('text') ? null : `text may not stand in ${where}`;
  return `only elements and text may stand in ${where}`;
}

/** Refusals that hold wherever a value stands. */
function anywhereRefusal(content: Content): string | null {
  if (content instanceof Y.ContentDoc) return 'subdocuments are not used';
  if (!(content instanceof Y.ContentType)) return null;
  const type = content.type;
  if (type instanceof Y.XmlHook) return 'xml hooks are not used';
  if (type instanceof Y.XmlElement && !billSchema.nodes[type.nodeName]) return `unknown element "${type.nodeName}"`;
  return null;
}

/**
 * Why `content` may not stand under a type at `parent`, as entry `key` (null: a list item); null
 * when it may. Deleted content may stand wherever its parent allows anything.
 */
export function shapeRefusal(parent: ShapePlace, key: string | null, content: Content): string | null {
  const anywhere = anywhereRefusal(content);
  if (anywhere) return anywhere;
  if (parent.at === 'legacy') return 'the layout before blocks is read-only';
  if (parent.at === 'nowhere') return 'nothing may be written inside this type';
  if (parent.at === 'meta') {
    return content instanceof Y.ContentType && parent.depth >= META_DEPTH ? `document state nested deeper than ${META_DEPTH} levels` : null;
  }
  const deleted = content instanceof Y.ContentDeleted;
  switch (parent.at) {
    case 'order': {
      if (key !== null) return 'the order holds ids only';
      if (deleted) return null;
      const ids = content instanceof Y.ContentAny ? content.getContent() : null;
      return ids?.every((id) => typeof id === 'string' && SECTION_ID_PATTERN.test(id)) ? null : 'the order holds block ids only';
    }
    case 'blocks': {
      if (key === null || !SECTION_ID_PATTERN.test(key)) return 'blocks are keyed by block id';
      const type = content instanceof Y.ContentType ? content.type : null;
      return deleted || type instanceof Y.Map ? null : 'a block is a map';
    }
    case 'block':
      return blockEntryRefusal(key, content);
    case 'fragment':
      if (key !== null) return 'a block language has no attributes';
      return deleted ? null : nodeRefusal(allowedAtTop(parent.kind), content, `a ${parent.kind ?? ''} block`);
    case 'element':
      if (key !== null) {
        if (deleted) return null;
        if (!(content instanceof Y.ContentAny)) return 'attributes are plain values';
        return small(content.getContent()) ? null : `an attribute longer than ${MAX_ATTRIBUTE_JSON} characters`;
      }
      return deleted ? null : nodeRefusal(allowedInside(parent.name), content, `"${parent.name}"`);
    case 'text':
      if (key !== null) return 'text has no attributes';
      if (content instanceof Y.ContentFormat) return small([content.value]) ? null : `a mark longer than ${MAX_ATTRIBUTE_JSON} characters`;
      return deleted || content instanceof Y.ContentString ? null : 'text holds characters and formatting only';
  }
}

/**
 * The place of a type that stands under `parent` at `key` (check it with shapeRefusal first);
 * `blockKind` is the kind of the block when `parent` is a block's map.
 */
export function childPlace(parent: ShapePlace, key: string | null, type: SharedType, blockKind: BlockKind | null): ShapePlace {
  if (parent.at === 'meta') return { at: 'meta', depth: parent.depth + 1 };
  if (parent.at === 'blocks' && type instanceof Y.Map) return { at: 'block' };
  if (parent.at === 'block' && isLang(key)) return { at: 'fragment', kind: blockKind };
  if (parent.at === 'fragment' || parent.at === 'element') {
    if (type instanceof Y.XmlElement) return { at: 'element', name: type.nodeName };
    if (type instanceof Y.XmlText) return { at: 'text' };
  }
  return { at: 'nowhere' };
}
