import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import type { DocumentSummary } from '../app/types';
import { formatDateTime } from '../app/format';
import { isLang, type Lang } from '@shared/bill/Lang';

interface VersionItem { id: string; name: string; createdAt: string }

/** One side of a comparison: a document, and one of its named versions or its current text. */
export interface CompareSide { docId: string; versionId: string }

/** `<documentId>` or `<documentId>@<versionId>`, as GET /api/compare takes it. */
export function sideRef(side: CompareSide): string {
  return side.versionId ? `${side.docId}@${side.versionId}` : side.docId;
}

/** The side named by a ref (empty when there is none). */
export function parseSide(ref: string | null): CompareSide {
  const [docId = '', versionId = ''] = (ref ?? '').split('@');
  return { docId, versionId };
}

/** A group of the document list: a model act with its variants by jurisdiction (or, without a model, variants alone). */
interface DocGroup { model: DocumentSummary | null; docs: DocumentSummary[] }

/** Models each with their variants (by jurisdiction), then variants whose model the reader cannot see. */
function grouped(docs: DocumentSummary[]): DocGroup[] {
  const byJurisdiction = (a: DocumentSummary, b: DocumentSummary) => (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '');
  const groups: DocGroup[] = docs.filter((d) => d.kind === 'model').map((m) => ({ model: m, docs: [m, ...docs.filter((d) => d.modelId === m.id).sort(byJurisdiction)] }));
  const placed = new Set(groups.flatMap((g) => g.docs));
  const rest = docs.filter((d) => !placed.has(d)).sort(byJurisdiction);
  return rest.length ? [...groups, { model: null, docs: rest }] : groups;
}

function SideChooser({ which, groups, value, onChange }: { which: 'left' | 'right'; groups: DocGroup[]; value: CompareSide; onChange: (side: CompareSide) => void }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [versions, setVersions] = useState<VersionItem[]>([]);
  useEffect(() => {
    setVersions([]);
    if (!value.docId) return;
    api<VersionItem[]>(`/api/documents/${encodeURIComponent(value.docId)}/versions`).then(setVersions).catch(() => setVersions([]));
  }, [value.docId]);
  return (
    <fieldset className="cmp-choose-side" data-testid={`choose-${which}`}>
      <legend>{t(`compare.choose.${which}`)}</legend>
      <label>
        <span>{t('compare.choose.document')}</span>
        <select value={value.docId} onChange={(e) => onChange({ docId: e.target.value, versionId: '' })} data-testid={`choose-${which}-doc`}>
          <option value="">{t('compare.choose.pickDocument')}</option>
          {groups.map((g) => (
            <optgroup key={g.model?.id ?? ''} label={g.model?.title[ui] ?? t('compare.choose.otherVariants')}>
              {/* A variant leads with its jurisdiction: titles of one model's variants differ only at their end. */}
              {g.docs.map((d) => <option key={d.id} value={d.id}>{d.jurisdiction ? `${d.jurisdiction} · ${d.title[ui]}` : d.title[ui]}</option>)}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <span>{t('compare.choose.version')}</span>
        <select value={value.versionId} disabled={!value.docId} onChange={(e) => onChange({ ...value, versionId: e.target.value })} data-testid={`choose-${which}-version`}>
          <option value="">{t('compare.choose.current')}</option>
          {versions.map((v) => <option key={v.id} value={v.id}>{t('compare.choose.versionOption', { name: v.name, when: formatDateTime(v.createdAt) })}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

/** Picks any two readable documents, or versions of them, and asks for their comparison. */
export function CompareChooser({ initial, onCompare }: { initial: { left: CompareSide; right: CompareSide }; onCompare: (left: CompareSide, right: CompareSide) => void }) {
  const { t } = useTranslation();
  const [groups, setGroups] = useState<DocGroup[]>([]);
  const [left, setLeft] = useState(initial.left);
  const [right, setRight] = useState(initial.right);
  useEffect(() => {
    api<DocumentSummary[]>('/api/documents').then((list) => setGroups(grouped(list))).catch(() => setGroups([]));
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (left.docId && right.docId) onCompare(left, right);
  };
  return (
    <form className="cmp-choose" onSubmit={submit} aria-label={t('compare.choose.title')} data-testid="compare-chooser">
      <SideChooser which="left" groups={groups} value={left} onChange={setLeft} />
      <button type="button" className="cmp-swap" onClick={() => { setLeft(right); setRight(left); }} data-testid="choose-swap" title={t('compare.choose.swap')} aria-label={t('compare.choose.swap')}>⇄</button>
      <SideChooser which="right" groups={groups} value={right} onChange={setRight} />
      <button type="submit" className="primary" disabled={!left.docId || !right.docId} data-testid="choose-run">{t('compare.choose.run')}</button>
      <p className="muted small cmp-choose-hint">{t('compare.choose.hint')}</p>
    </form>
  );
}
