import type { TFunction } from 'i18next';
import type { BillSnapshot, BillStore } from '../bill/BillStore';
import type { Lang } from '@shared/bill/Lang';

/**
 * How a comment card or a history names a block: "Section 5 · Annual Report" / "Artículo 5 ·
 * Informe anual"; a block without a number by its kind ("Preamble"). Empty for an unknown block.
 */
export function sectionName(store: BillStore, snapshot: BillSnapshot, id: string, lang: Lang, t: TFunction): string {
  const number = snapshot.numbers[lang].get(id);
  const info = snapshot.blocks.find((b) => b.id === id) ?? snapshot.deleted.find((b) => b.id === id);
  if (!info) return '';
  const label = number ? number.refLabel.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : t(`blocks.${info.kind}`);
  const heading = (snapshot.headings[lang].get(id) ?? (info.kind === 'section' || info.kind === 'transitory' ? store.node(id, lang)?.firstChild?.textContent : '') ?? '').trim();
  return heading ? t('comments.sectionName', { label, heading }) : label;
}
