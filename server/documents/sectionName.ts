import type * as Y from 'yjs';
import type { i18n as I18n } from 'i18next';
import { LANGS, type Bilingual, type Lang } from '@shared/bill/Lang';
import { numberBlocks, type NumberingStyle } from '@shared/bill/numbering';
import { blockInfo, readBlock, visibleBlocks } from '@shared/layout';
import { isSectionKind } from '@shared/schema/blockSchemas';

/**
 * How a block is named in both languages ("Section 5 · Annual Report" / "Artículo 5 · Informe
 * anual"; "Preamble" for a block without a number), as the comment cards name it.
 */
export function sectionName(ydoc: Y.Doc, blockId: string, style: NumberingStyle, i18n: I18n): Bilingual | null {
  const info = blockInfo(ydoc, blockId);
  if (!info) return null;
  const blocks = visibleBlocks(ydoc);
  const name = (lang: Lang) => {
    const number = numberBlocks(blocks, lang, style).get(blockId);
    const label = number ? number.refLabel.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : i18n.t(`blocks.${info.kind}`, { lng: lang });
    const heading = isSectionKind(info.kind) ? (readBlock(ydoc, info, lang).firstChild?.textContent ?? '').trim() : '';
    return heading ? i18n.t('comments.sectionName', { lng: lang, label, heading }) : label;
  };
  const [en, es] = LANGS.map(name) as [string, string];
  return { en, es };
}
