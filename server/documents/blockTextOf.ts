import type { Node as PMNode } from '@tiptap/pm/model';
import type { PMJSON } from '@shared/bill/yBill';
import { sectionText } from '@shared/bill/alignment';

/** A block language's comparable text (one line per text block, parameters by key). */
export function blockTextOf(node: PMNode): string {
  return sectionText(((node.toJSON() as PMJSON).content ?? []));
}
