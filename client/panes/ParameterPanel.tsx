import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { setParamValue } from '../collab/useYMap';
import type { TemplateParameter } from '@shared/bill/templateFormat';
import { isLang, LANGS } from '@shared/bill/Lang';
import { setParameterValue } from '@shared/layout';

/** Parameters of the document: their values in both languages, editable by writers; unfilled ones flagged. */
export const ParameterPanel = memo(function ParameterPanel({ ydoc, params, declared, editable }: {
  ydoc: Y.Doc;
  params: Record<string, { en: string; es: string } | null>;
  declared: TemplateParameter[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ui = isLang(i18n.language) ? i18n.language : 'en';
  // The document's own parameters (a variant keeps only those its legislative form uses), in template order.
  const present = Object.keys(params);
  const order = declared.map((p) => p.key);
  const keys = [...present].sort((a, b) => (order.indexOf(a) + 1 || 999) - (order.indexOf(b) + 1 || 999));
  const [draft, setDraft] = useState<Record<string, { en: string; es: string }>>({});
  if (keys.length === 0) return null;
  const unfilled = keys.filter((k) => !params[k]?.en || !params[k]?.es).length;

  function commit(key: string) {
    const value = draft[key];
    if (!value) return;
    const clean = value.en.trim() || value.es.trim() ? { en: value.en.trim(), es: value.es.trim() } : null;
    setParamValue(ydoc, key, clean);
    for (const lang of LANGS) setParameterValue(ydoc, key, lang, clean?.[lang] || null);
    setDraft(({ [key]: _gone, ...rest }) => rest);
  }

  return (
    <section className="side-panel" aria-labelledby="params-title">
      <h2 id="params-title">{t('params.title')}</h2>
      {unfilled > 0 ? <p className="warn-note" data-testid="unfilled-count">{t('params.unfilled', { count: unfilled })}</p> : <p className="muted">{t('params.allFilled')}</p>}
      <dl className="param-list">
        {keys.map((key) => {
          const decl = declared.find((p) => p.key === key);
          const value = draft[key] ?? params[key] ?? { en: '', es: '' };
          const missing = !params[key]?.en || !params[key]?.es;
          return (
            <div key={key} className={missing ? 'param-row missing' : 'param-row'} data-testid={`param-${key}`}>
              <dt title={decl?.description[ui]}>
                {decl?.label[ui] ?? key}
                {decl?.source === 'drafter' && <span className="muted"> · {t('params.policyChoice')}</span>}
              </dt>
              {LANGS.map((lang) => (
                <dd key={lang}>
                  <label>
                    <span className="lang-tag">{lang.toUpperCase()}</span>
                    <input
                      value={value[lang]}
                      placeholder={t('params.unfilledPlaceholder')}
                      disabled={!editable}
                      onChange={(e) => setDraft((d) => ({ ...d, [key]: { ...value, [lang]: e.target.value } }))}
                      onBlur={() => commit(key)}
                      onKeyDown={(e) => { if (e.key === 'Enter') commit(key); }}
                      data-testid={`param-${key}-${lang}`}
                    />
                  </label>
                </dd>
              ))}
            </div>
          );
        })}
      </dl>
    </section>
  );
});
