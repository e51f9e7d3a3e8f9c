import { diffArrays } from 'diff';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { PMJSON } from './yBill';
import type { SuggestionAttrs } from '../schema/Suggestion';

type Mark = { type: string; attrs?: Record<string, unknown> };
interface Token { key: string; json: PMJSON }

/** A text block's inline content as word and space tokens (each keeping its marks) and atoms. */
function tokens(block: PMJSON): Token[] {
  const out: Token[] = [];
  for (const child of block.content ?? []) {
    if (child.type === 'text') {
      for (const piece of (child.text ?? '').match(/\s+|[^\s]+/g) ?? []) out.push({ key: `t:${piece}`, json: { ...child, text: piece } });
    } else out.push({ key: `n:${JSON.stringify(child)}`, json: child });
  }
  return out;
}

function withMark(json: PMJSON, mark: Mark): PMJSON {
  if (json.type !== 'text') return json; // atoms stay as they are: a suggestion covers text
  return { ...json, marks: [...(json.marks ?? []).filter((m) => !m.type.startsWith('suggested')), mark] };
}

/** Joins adjacent text nodes with the same marks, as ProseMirror would. */
function normalize(inline: PMJSON[]): PMJSON[] {
  const out: PMJSON[] = [];
  for (const n of inline) {
    const last = out[out.length - 1];
    if (last && last.type === 'text' && n.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(n.marks ?? [])) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (n.text ?? '') };
    } else out.push(n);
  }
  return out;
}

function markBlock(block: PMJSON, mark: Mark): PMJSON {
  return block.content ? { ...block, content: normalize(block.content.map((c) => withMark(c, mark))) } : block;
}

/** One text block changed from `before` to `after`: unchanged words kept, removed words marked for deletion, new words marked as insertions. */
function diffBlock(before: PMJSON, after: PMJSON, ins: Mark, del: Mark): PMJSON {
  const parts = diffArrays(tokens(before), tokens(after), { comparator: (a, b) => a.key === b.key });
  const inline: PMJSON[] = [];
  for (const part of parts) {
    for (const t of part.value) inline.push(part.added ? withMark(t.json, ins) : part.removed ? withMark(t.json, del) : t.json);
  }
  return { ...after, content: normalize(inline) };
}

const same = (a: PMJSON, b: PMJSON) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One language of a block as it would read if `after` were proposed over `before`: the changes as
 * suggestions by `attrs.author` (insertions and deletions to accept or reject), the rest unchanged.
 * Text blocks are matched in order; a whole new or removed block is one suggestion.
 */
export function asSuggestions(before: PMNode | null, after: PMNode, attrs: SuggestionAttrs): PMJSON[] {
  const ins: Mark = { type: 'suggestedInsertion', attrs: { ...attrs } };
  const del: Mark = { type: 'suggestedDeletion', attrs: { ...attrs } };
  const a = before ? ((before.toJSON() as PMJSON).content ?? []) : [];
  const b = (after.toJSON() as PMJSON).content ?? [];
  if (!before) return b.map((block) => markBlock(block, ins));
  const out: PMJSON[] = [];
  const parts = diffArrays(a, b, { comparator: same });
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      out.push(...part.value);
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // Blocks replaced by others: pair them word by word, the rest whole.
      const removed = part.value;
      const added = next.value;
      const n = Math.min(removed.length, added.length);
      for (let k = 0; k < n; k++) out.push(diffBlock(removed[k]!, added[k]!, ins, del));
      for (const r of removed.slice(n)) out.push(markBlock(r, del));
      for (const x of added.slice(n)) out.push(markBlock(x, ins));
      i++;
      continue;
    }
    for (const block of part.value) out.push(markBlock(block, part.added ? ins : del));
  }
  return out;
}

/** One language of a block with all its text suggested for deletion (a block removed by the proposer). */
export function allAsDeletion(node: PMNode, attrs: SuggestionAttrs): PMJSON[] {
  return ((node.toJSON() as PMJSON).content ?? []).map((block) => markBlock(block, { type: 'suggestedDeletion', attrs: { ...attrs } }));
}
