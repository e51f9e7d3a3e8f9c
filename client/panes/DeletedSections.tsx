import { memo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isSectionKind } from '@shared/schema/blockSchemas';
import { LANGS, type Lang } from '@shared/bill/Lang';
import { formatDateTime } from '../app/format';
import type { BillStore } from '../bill/BillStore';

/** Sections deleted from the bill (who, when), each restorable with everything typed into it. */
export const DeletedSections = memo(function DeletedSections({ store, lang, canRestore }: { store: BillStore; lang: Lang; canRestore: boolean }) {
  const { t } = useTranslation();
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  // A section that never held any text (inserted, then undone) has nothing to restore.
  const hasText = (id: string) => LANGS.some((l) => (store.node(id, l)?.textContent ?? '').trim() !== '');
  const deleted = snapshot.deleted.filter((b) => isSectionKind(b.kind) && hasText(b.id));
  if (deleted.length === 0) return null;
  return (
    <section className="side-panel" aria-labelledby="deleted-title" data-testid="deleted-sections">
      <h2 id="deleted-title">{t('deleted.title')}</h2>
      <ul className="align-list">
        {deleted.map((b) => (
          <li key={b.id} data-testid={`deleted-${b.id}`}>
            <div>{store.node(b.id, lang)?.firstChild?.textContent || t('deleted.untitled')}</div>
            <div className="small muted">{t('deleted.byWhen', { name: b.deleted?.by || '—', when: b.deleted?.at ? formatDateTime(b.deleted.at) : '' })}</div>
            {canRestore && <button type="button" className="link-button" onClick={() => store.restoreSection(b.id)} data-testid={`restore-${b.id}`}>{t('deleted.restore')}</button>}
          </li>
        ))}
      </ul>
    </section>
  );
});
