import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import type { Comparison, SectionComparison } from '@shared/compare/compareSections';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';
import { Redline } from './Redline';

interface CompareResponse extends Comparison {
  left: { id: string; versionId: string | null; title: { en: string; es: string }; jurisdiction: string | null };
  right: CompareResponse['left'];
}

function SectionBlock({ s, index }: { s: SectionComparison; index: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(s.status !== 'same');
  return (
    <section className={`cmp-section cmp-${s.status}`} data-testid="cmp-section" data-status={s.status} data-section-id={s.id}>
      <header onClick={() => setOpen(!open)}>
        <span className={`cmp-badge cmp-badge-${s.parameterOnly ? 'param' : s.status}`}>
          {s.parameterOnly ? t('compare.parameterOnly') : t(`compare.status.${s.status}`)}
        </span>
        <strong>{s.kind === 'front' ? t('compare.front') : s.kind === 'back' ? t('compare.back') : (s.paragraphs[0]?.changes.map((c) => (c.type === 'delete' ? '' : c.text)).join('') || t('outline.untitled'))}</strong>
        {s.wordsChanged > 0 && <span className="muted"> · {t('compare.wordsChanged', { count: s.wordsChanged })}</span>}
        <span className="muted cmp-index">#{index + 1}</span>
      </header>
      {open && (
        <div className="cmp-body">
          {s.paragraphs.map((p, i) => (
            <p key={i} className={`cmp-p level-${p.level}`}>
              <Redline changes={p.changes} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

/** Two documents (or versions) side by side as a redline aligned by section, in one language. */
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

  useEffect(() => {
    setData(null);
    api<CompareResponse>(`/api/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(right)}&lang=${lang}`)
      .then(setData)
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [left, right, lang, t]);

  useEffect(() => {
    if (data && focus) document.querySelector(`[data-section-id="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: 'start' });
  }, [data, focus]);

  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const side = (s: CompareResponse['left']) => `${s.title[ui]}${s.versionId ? ` · ${t('compare.version')}` : ''}`;
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
      {error && <p className="error" role="alert">{error}</p>}
      {!data && !error && <p className="muted">{t('common.loading')}</p>}
      {data && (
        <>
          <p className="cmp-sides">
            <a href={`/documents/${data.left.id}`} onClick={(e) => { e.preventDefault(); navigate(`/documents/${data.left.id}`); }}>{side(data.left)}</a>
            {' → '}
            <a href={`/documents/${data.right.id}`} onClick={(e) => { e.preventDefault(); navigate(`/documents/${data.right.id}`); }}>{side(data.right)}</a>
          </p>
          <p className="cmp-stats" data-testid="cmp-stats">
            {t('compare.summary', { changed: data.stats.sectionsChanged, words: data.stats.wordsChanged, total: data.stats.words })}
            {data.stats.parameterDifferences > 0 && ` ${t('compare.parameterSummary', { count: data.stats.parameterDifferences })}`}
            {data.coarse && ` ${t('compare.coarse')}`}
          </p>
          <p className="legend"><ins className="rl-ins">{t('compare.legendIns')}</ins> <del className="rl-del">{t('compare.legendDel')}</del> <span className="rl-param">{t('compare.legendParam')}</span></p>
          {data.sections.filter((s) => !onlyChanges || (s.status !== 'same' && !s.parameterOnly)).map((s, i) => <SectionBlock key={`${s.id}-${i}`} s={s} index={i} />)}
        </>
      )}
    </main>
  );
}
