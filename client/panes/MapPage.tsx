import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';

interface MapCell { status: string; words: number; wordsChanged: number; share: number; parameterOnly: boolean }
interface StateMap {
  modelId: string;
  sections: { id: string; label: string; heading: string }[];
  variants: { id: string; jurisdiction: string | null; title: { en: string; es: string }; added: number; share: number }[];
  cells: MapCell[][];
}

/** Colour for a share of words changed: white (none) to deep red (all). */
function heat(share: number): string {
  if (share <= 0) return '#ffffff';
  const steps = ['#fff4d6', '#ffe0a3', '#ffc266', '#f59b42', '#e0662b', '#b42318'];
  return steps[Math.min(steps.length - 1, Math.floor(share * steps.length))] ?? '#b42318';
}

/** A row per section of the model, a column per variant: how far each state departs, coloured by size. */
export function MapPage({ modelId }: { modelId: string }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [lang, setLang] = useState<Lang>(ui);
  const [country, setCountry] = useState<'' | 'US' | 'MX'>('');
  const [map, setMap] = useState<StateMap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = `lang=${lang}${country ? `&country=${country}` : ''}`;

  useEffect(() => {
    setMap(null);
    api<StateMap>(`/api/documents/${modelId}/map?${query}`)
      .then(setMap)
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [modelId, query, t]);

  return (
    <main className="page map-page">
      <div className="page-head">
        <h1>{t('map.title')}</h1>
        <div className="page-actions">
          <select value={country} onChange={(e) => setCountry(e.target.value as '' | 'US' | 'MX')} aria-label={t('map.country')} data-testid="map-country">
            <option value="">{t('map.allCountries')}</option>
            <option value="US">{t('dashboard.countryUS')}</option>
            <option value="MX">{t('dashboard.countryMX')}</option>
          </select>
          <div className="lang-switcher" role="group" aria-label={t('compare.language')}>
            {LANGS.map((l) => <button key={l} type="button" className={lang === l ? 'active' : ''} onClick={() => setLang(l)}>{t(`languages.${l}`)}</button>)}
          </div>
          <a className="button-link" href={`/api/documents/${modelId}/map?${query}&format=csv`} download data-testid="map-csv">{t('map.csv')}</a>
        </div>
      </div>
      <p className="muted">{t('map.explain')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {map && map.variants.length === 0 && <p className="muted">{t('map.noVariants')}</p>}
      {map && map.variants.length > 0 && (
        <div className="map-scroll">
          <table className="state-map" data-testid="state-map">
            <thead>
              <tr>
                <th>{t('map.section')}</th>
                {map.variants.map((v) => <th key={v.id} title={v.title[ui]}>{v.jurisdiction}</th>)}
              </tr>
            </thead>
            <tbody>
              {map.sections.map((s, row) => (
                <tr key={s.id} data-section-id={s.id}>
                  <th scope="row"><span className="outline-num">{s.label}</span> {s.heading}</th>
                  {map.variants.map((v, col) => {
                    const c = map.cells[row]?.[col];
                    if (!c) return <td key={v.id} />;
                    const pct = Math.round(c.share * 100);
                    return (
                      <td key={v.id} style={{ background: c.status === 'removed' ? '#e5e7eb' : heat(c.share) }} data-testid={`cell-${s.id}-${v.jurisdiction}`}>
                        <button type="button" className="cell-link" onClick={() => navigate(`/compare?left=${modelId}&right=${v.id}&lang=${lang}&section=${encodeURIComponent(s.id)}`)}
                          title={t('map.cellTitle', { words: c.wordsChanged, total: c.words })}>
                          {c.status === 'removed' ? t('compare.status.removed') : c.parameterOnly ? '≈' : `${pct} %`}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="map-total">
                <th scope="row">{t('map.total')}</th>
                {map.variants.map((v) => <td key={v.id}>{Math.round(v.share * 100)} %{v.added ? ` · +${v.added}` : ''}</td>)}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
