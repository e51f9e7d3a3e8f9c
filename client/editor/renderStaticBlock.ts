import { DOMSerializer, type Node as PMNode } from '@tiptap/pm/model';
import { blockRefLabel, provisionLabels, type BlockNumber } from '@shared/bill/numbering';
import type { Lang } from '@shared/bill/Lang';

/**
 * Draws one language of a block as the editor would (same elements, classes and labels), without an
 * editor: long bills show every block at once and mount editors only near the viewport.
 */
export function renderStaticBlock(node: PMNode, blockId: string, lang: Lang, numbers: Map<string, BlockNumber>): DocumentFragment {
  const dom = DOMSerializer.fromSchema(node.type.schema).serializeFragment(node.content) as DocumentFragment;
  const children = [...dom.children] as HTMLElement[];
  const own = numbers.get(blockId);
  const labels = provisionLabels(node, lang);
  let offset = 0;
  node.forEach((child, childOffset, index) => {
    const el = children[index];
    offset = childOffset;
    if (!el) return;
    if (index === 0 && own && child.type.name === 'sectionHeading') el.setAttribute('data-label', own.label);
    const label = labels.get(offset);
    if (label) el.setAttribute('data-label', label);
    if (child.isTextblock && child.content.size === 0) el.append(document.createElement('br'));
  });
  dom.querySelectorAll<HTMLElement>('span.xref').forEach((el) => {
    const target = el.getAttribute('data-target') ?? '';
    el.setAttribute('data-label', blockRefLabel(numbers, target, lang));
    if (!numbers.has(target)) el.classList.add('xref-missing');
  });
  return dom;
}
