import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { ContentMatch, NodeType, Schema } from '@tiptap/pm/model';
import type { PMJSON } from '../bill/yBill';

/** Nesting allowed when a schema's content is recursive (the bill's is not). */
const RECURSIVE_SCHEMA_DEPTH = 32;

function childTypes(match: ContentMatch): Set<NodeType> {
  const out = new Set<NodeType>();
  const seen = new Set<ContentMatch>();
  const stack = [match];
  for (let m = stack.pop(); m; m = stack.pop()) {
    if (seen.has(m)) continue;
    seen.add(m);
    for (let i = 0; i < m.edgeCount; i++) {
      const edge = m.edge(i);
      out.add(edge.type);
      stack.push(edge.next);
    }
  }
  return out;
}

const depths = new WeakMap<Schema, number>();

/**
 * How many levels of elements a schema allows below its top node (the bill: section, provision,
 * parameter = 3; a section block: 2). Text is not an element level.
 */
export function schemaDepth(schema: Schema): number {
  const known = depths.get(schema);
  if (known !== undefined) return known;
  const below = new Map<NodeType, number>();
  const depthBelow = (type: NodeType, path: Set<NodeType>): number => {
    const memo = below.get(type);
    if (memo !== undefined) return memo;
    if (path.has(type)) return Infinity;
    path.add(type);
    let most = 0;
    for (const child of childTypes(type.contentMatch)) if (!child.isText) most = Math.max(most, 1 + depthBelow(child, path));
    path.delete(type);
    below.set(type, most);
    return most;
  };
  const depth = depthBelow(schema.topNodeType, new Set());
  const result = Number.isFinite(depth) ? depth : RECURSIVE_SCHEMA_DEPTH;
  depths.set(schema, result);
  return result;
}

/** Whether `element` holds elements more than `max` levels deep (itself being the first), found without recursion and without walking past that depth. */
export function nestedDeeperThan(element: Y.XmlElement, max: number): boolean {
  const stack: [Y.XmlElement, number][] = [[element, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [el, depth] = next;
    if (depth > max) return true;
    for (const child of el.toArray()) if (child instanceof Y.XmlElement) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The elements directly in `fragment` as ProseMirror JSON (as y-tiptap reads them), leaving out
 * those nested deeper than `schema` allows below its top node, which no reader could take (the
 * conversion recurses) and no editor could have made. Returns how many were left out.
 */
export function readShallowChildren(fragment: Y.XmlFragment, schema: Schema): { content: PMJSON[]; dropped: number } {
  const max = schemaDepth(schema);
  const content: PMJSON[] = [];
  let dropped = 0;
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue; // loose text cannot stand at the top of a bill or a block
    if (nestedDeeperThan(child, max)) {
      dropped++;
      continue;
    }
    const node: PMJSON = { type: child.nodeName };
    const attrs = child.getAttributes();
    if (Object.keys(attrs).length) node.attrs = attrs;
    const inner = (yXmlFragmentToProsemirrorJSON(child) as PMJSON).content ?? [];
    if (inner.length) node.content = inner.flat() as PMJSON[];
    content.push(node);
  }
  return { content, dropped };
}

/**
 * Deletes an element and everything in it, deepest first, and frees their content the same way,
 * so that Yjs, whose delete and garbage collection recurse into a type's children, meets nothing
 * left to recurse into, however deep the element is nested. Runs inside `transaction`.
 */
export function deleteDeepestFirst(element: Y.XmlElement, transaction: Y.Transaction): void {
  const all: Y.XmlElement[] = [element];
  for (let i = 0; i < all.length; i++) {
    for (const child of (all[i] as Y.XmlElement).toArray()) if (child instanceof Y.XmlElement) all.push(child);
  }
  const items = all.map((el) => el._item).filter((item): item is Y.Item => item !== null);
  for (let i = items.length - 1; i >= 0; i--) (items[i] as Y.Item).delete(transaction);
  const doc = transaction.doc;
  if (!doc.gc) return;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i] as Y.Item;
    if (item.deleted && !item.keep && item.content instanceof Y.ContentType) item.gc(doc.store, false);
  }
}
