import type { BlockKind } from '../schema/blockSchemas';
import type { BlockForm } from '../schema/FormAttribute';
import { SECTION_ID_PATTERN, newSectionId } from '../bill/sectionIds';

/** What grouping needs to know of one top-level node of a whole-document language. */
export interface TopNodeInfo {
  type: string;
  form: BlockForm;
  sectionId: string | null;
  transitory: boolean;
}

/** Top-level nodes that make one block. */
export interface NodeGroup<T> {
  key: string;
  kind: BlockKind;
  form: BlockForm;
  nodes: T[];
}

const SLUG: Record<BlockKind, string> = {
  title: 'title', enactingClause: 'enacting-clause', preamble: 'preamble', section: 'section',
  transitory: 'transitory', closing: 'closing', signature: 'signature',
};

/**
 * Splits one language of a whole-document bill into blocks: each section is a block keyed by its
 * section id; the title, the enacting clause and each signature are blocks; a heading with the
 * paragraphs after it (or paragraphs on their own) make a preamble before the sections and a closing
 * after them. Keys of unnumbered blocks count per kind and form (`preamble-mx-1`), so the same
 * content grouped in either language, or in a model and its variant, gets the same keys.
 */
export function groupTopLevel<T>(nodes: readonly T[], describe: (node: T) => TopNodeInfo): NodeGroup<T>[] {
  const groups: NodeGroup<T>[] = [];
  const counts = new Map<string, number>();
  const usedIds = new Set<string>();
  let seenSection = false;
  let open: NodeGroup<T> | null = null;
  const keyed = (kind: BlockKind, form: BlockForm) => {
    const base = `${SLUG[kind]}-${form}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return `${base}-${n}`;
  };
  for (const node of nodes) {
    const info = describe(node);
    if (info.type === 'section') {
      open = null;
      seenSection = true;
      const id = info.sectionId && SECTION_ID_PATTERN.test(info.sectionId) && !usedIds.has(info.sectionId) ? info.sectionId : newSectionId();
      usedIds.add(id);
      groups.push({ key: id, kind: info.transitory ? 'transitory' : 'section', form: info.form, nodes: [node] });
      continue;
    }
    const textKind: BlockKind = seenSection ? 'closing' : 'preamble';
    if (info.type === 'paragraph' && open && open.kind === textKind && open.form === info.form) {
      open.nodes.push(node);
      continue;
    }
    const kind: BlockKind | null =
      info.type === 'billTitle' ? 'title'
        : info.type === 'enactingClause' ? 'enactingClause'
          : info.type === 'signatureBlock' ? 'signature'
            : info.type === 'frontHeading' || info.type === 'paragraph' ? textKind
              : null;
    if (!kind) continue; // nothing else may stand between blocks
    const group: NodeGroup<T> = { key: keyed(kind, info.form), kind, form: info.form, nodes: [node] };
    groups.push(group);
    open = kind === 'preamble' || kind === 'closing' ? group : null;
  }
  for (const g of groups) if (g.kind !== 'section' && g.kind !== 'transitory' && usedIds.has(g.key)) g.key = newSectionId();
  return groups;
}

/**
 * Pairs the blocks of two languages by key into one reading order: the first language's order, with
 * blocks only the second has placed after the block they follow there.
 */
export function pairGroups<T>(first: NodeGroup<T>[], second: NodeGroup<T>[]): { key: string; a: NodeGroup<T> | null; b: NodeGroup<T> | null }[] {
  const inFirst = new Map(first.map((g) => [g.key, g]));
  const inSecond = new Map(second.map((g) => [g.key, g]));
  const secondIndex = new Map(second.map((g, i) => [g.key, i]));
  const out: { key: string; a: NodeGroup<T> | null; b: NodeGroup<T> | null }[] = [];
  const placed = new Set<string>();
  let next = 0;
  const flushUntil = (end: number) => {
    for (; next < end; next++) {
      const g = second[next];
      if (g && !inFirst.has(g.key) && !placed.has(g.key)) {
        placed.add(g.key);
        out.push({ key: g.key, a: null, b: g });
      }
    }
  };
  for (const g of first) {
    if (placed.has(g.key)) continue;
    const j = secondIndex.get(g.key);
    if (j !== undefined && j >= next) {
      flushUntil(j);
      next = j + 1;
    }
    placed.add(g.key);
    out.push({ key: g.key, a: g, b: inSecond.get(g.key) ?? null });
  }
  flushUntil(second.length);
  return out;
}
