import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import type { LabelledComparison, LabelledSection } from '@shared/compare/labelComparison';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';
import { Redline } from './Redline';
import { CompareChooser, parseSide, sideRef, type CompareSide } from './CompareChooser';

/** One side of a comparison as GET /api/compare names it. */
interface CompareSideInfo {
  id: string;
  versionId: string | null;
  versionName: string | null;
  title: { en: string; es: string };
  jurisdiction: string | null;
  docType: 'act' | 'mou';
}

interface CompareResponse extends LabelledComparison {
  left: CompareSideInfo;
  right: CompareSideInfo;
}

/** The heading's words as they read now (deletions left out). */
const headingText = (s: LabelledSection) => s.paragraphs[0]?.changes.map((c) => (c.type === 'delete' ? '' : c.text)).join('') ?? '';

function SectionBlock({ s, index, focused }: { s: LabelledSection; index: number; focused: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(s.status !== 'same' || focused);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  const name = s.kind === 'front' ? t('compare.front') : s.kind === 'back' ? t('compare.back') : headingText(s) || t('outline.untitled');
  return (
    <section ref={ref} className={`cmp-section cmp-${s.status}${focused ? ' cmp-focus' : ''}`} data-testid="cmp-section" data-status={s.status} data-section-id={s.id} aria-current={focused ? 'true' : undefined}>
      <header onClick={() => setOpen(!open)}>
        <span className={`cmp-badge cmp-badge-${s.parameterOnly ? 'param' : s.status}`}>
          {s.parameterOnly ? t('compare.parameterOnly') : t(`compare.status.${s.status}`)}
        </span>
        {s.label && <span className="outline-num cmp-label" data-testid="cmp-label">{s.label}</span>}
        <strong>{name}</strong>
        {s.leftLabel && s.label && s.leftLabel !== s.label && <span className="muted small" data-testid="cmp-formerly">{t('compare.formerly', { label: s.leftRefLabel })}</span>}
        {s.wordsChanged > 0 && <span className="muted"> · {t('compare.wordsChanged', { count: s.wordsChanged })}</span>}
        <span className="muted cmp-index">#{index + 1}</span>
      </header>
      {open && (
        <div className="cmp-body">
          {s.paragraphs.map((p, i) => (
            <p key={i} className={`cmp-p level-${p.level}${i === 0 && s.kind !== 'front' && s.kind !== 'back' ? ' cmp-heading' : ''}`}>
              {p.label && <span className="cmp-provision-label">{p.label} </span>}
              <Redline changes={p.changes} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

/** Two documents (or versions) side by side as a redline aligned by section, in one language; either side can be chosen. */
export function ComparePage() {
  const { t, i18n } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const left = params.get('left') ?? '';
  const right = params.get('right') ?? '';
  const initialLang = params.get('lang');
  const [lang, setLang] = useState<Lang>(isLang(initialLang) ? initialLang : isLang(i18n.language) ? i18n.language : 'en');
  const [data, setData] = useState<CompareResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(false);
  const focus = params.get('section');
  const ready = Boolean(left && right);

  useEffect(() => {
    setData(null);
    if (!ready) return;
    api<CompareResponse>(`/api/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}&lang=${lang}`)
      .then(setData)
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [left, right, lang, ready, t]);

  const compare = (l: CompareSide, r: CompareSide) => navigate(`/compare?left=${encodeURIComponent(sideRef(l))}&right=${encodeURIComponent(sideRef(r))}&lang=${lang}`);
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const which = (s: CompareSideInfo) => (s.versionId ? t('compare.versionNamed', { name: s.versionName ?? s.versionId }) : t('compare.currentText'));
  const sideLink = (s: CompareSideInfo, testId: string) => (
    <span className="cmp-side" data-testid={testId}>
      <a href={`/documents/${s.id}`} onClick={(e) => { e.preventDefault(); navigate(`/documents/${s.id}`); }}>{s.title[ui]}</a>
      {' · '}
      <span className="cmp-which">{which(s)}</span>
    </span>
  );
  const sectionsDiffer = (d: CompareResponse) => t('compare.sectionsDiffer', { count: d.stats.sectionsChanged, context: d.right.docType === 'mou' ? 'mou' : undefined });
  return (
    <main className="page compare-page">
      <div className="page-head">
        <h1>{t('compare.title')}</h1>
        <div className="page-actions">
          <label className="inline-check">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} /> {t('compare.onlyChanges')}
          </label>
          <div className="lang-switcher" role="group" aria-label={t('compare.language')}>
            {LANGS.map((l) => (
              <button key={l} type="button" className={lang === l ? 'active' : ''} onClick={() => {
                setLang(l);
                const next = new URLSearchParams(window.location.search);
                next.set('lang', l);
                window.history.replaceState(null, '', `/compare?${next.toString()}`);
              }}>{t(`languages.${l}`)}</button>
            ))}
          </div>
        </div>
      </div>
      <CompareChooser initial={{ left: parseSide(left), right: parseSide(right) }} onCompare={compare} />
      {!ready && <p className="muted" data-testid="compare-need-both">{t('compare.choose.needBoth')}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {ready && !data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="cmp-sides">
            {sideLink(data.left, 'cmp-left')}
            {' → '}
            {sideLink(data.right, 'cmp-right')}
          </p>
          <p className="cmp-stats" data-testid="cmp-stats">
            {t('compare.summary', { sections: sectionsDiffer(data), words: t('compare.wordsOf', { count: data.stats.wordsChanged, total: data.stats.words }) })}
            {data.stats.parameterDifferences > 0 && ` ${t('compare.parameterSummary', { count: data.stats.parameterDifferences })}`}
            {data.coarse && ` ${t('compare.coarse')}`}
          </p>
          <p className="legend"><ins className="rl-ins">{t('compare.legendIns')}</ins> <del className="rl-del">{t('compare.legendDel')}</del> <span className="rl-param">{t('compare.legendParam')}</span></p>
          {data.sections.filter((s) => !onlyChanges || (s.status !== 'same' && !s.parameterOnly) || s.id === focus).map((s, i) => <SectionBlock key={`${s.id}-${i}`} s={s} index={i} focused={s.id === focus} />)}
        </>
      )}
    </main>
  );
}
