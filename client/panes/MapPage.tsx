import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../app/api';
import { navigate } from '../app/navigation';
import { isLang, LANGS, type Lang } from '@shared/bill/Lang';

interface MapCell { status: string; words: number; wordsChanged: number; share: number; parameterOnly: boolean }
interface StateMap {
  modelId: string;
  sections: { id: string; label: string; refLabel: string; heading: string; form: string }[];
  variants: { id: string; jurisdiction: string | null; title: { en: string; es: string }; added: number; share: number }[];
  cells: MapCell[][];
}

const HEAT = ['#fff4d6', '#ffe0a3', '#ffc266', '#f59b42', '#e0662b', '#b42318'];

/** Colour for a share of words changed: white (none) to deep red (all). */
function heat(share: number): string {
  if (share <= 0) return '#ffffff';
  return HEAT[Math.min(HEAT.length - 1, Math.floor(share * HEAT.length))] ?? '#b42318';
}

/** What the marks of the map mean, each shown as it appears in a cell. */
function MapLegend({ mou }: { mou: boolean }) {
  const { t } = useTranslation();
  const context = mou ? 'mou' : undefined;
  return (
    <section className="map-legend" aria-labelledby="map-legend-title" data-testid="map-legend">
      <h2 id="map-legend-title">{t('map.legend.title')}</h2>
      <dl>
        <div data-testid="legend-share">
          <dt><span className="map-swatch-scale">{HEAT.map((c) => <span key={c} style={{ background: c }} />)}</span> 12 %</dt>
          <dd>{t('map.legend.share')}</dd>
        </div>
        <div data-testid="legend-parameterOnly"><dt><span className="map-mark">≈</span></dt><dd>{t('map.legend.parameterOnly')}</dd></div>
        <div data-testid="legend-removed"><dt><span className="map-mark map-removed">{t('compare.status.removed')}</span></dt><dd>{t('map.legend.removed', { context })}</dd></div>
        <div data-testid="legend-notInForm"><dt><span className="map-mark map-not-in-form">—</span></dt><dd>{t('map.legend.notInForm')}</dd></div>
        <div data-testid="legend-added"><dt><span className="map-mark">+2</span></dt><dd>{t('map.legend.added')}</dd></div>
      </dl>
    </section>
  );
}

/** One cell: a button to the section's redline, or a plain mark where there is nothing to compare. */
function MapCellView({ c, testId, onOpen }: { c: MapCell; testId: string; onOpen: () => void }) {
  const { t } = useTranslation();
  if (c.status === 'notInForm') {
    return <td className="map-not-in-form" data-testid={testId} data-status={c.status} title={t('map.notInForm')} aria-label={t('map.notInForm')}>—</td>;
  }
  const mark = c.status === 'removed' ? t('compare.status.removed') : c.parameterOnly ? '≈' : `${Math.round(c.share * 100)} %`;
  return (
    <td className={c.status === 'removed' ? 'map-removed' : undefined} style={c.status === 'removed' ? undefined : { background: heat(c.share) }} data-testid={testId} data-status={c.status}>
      <button type="button" className="cell-link" onClick={onOpen} title={c.parameterOnly ? t('map.legend.parameterOnly') : t('map.cellTitle', { words: c.wordsChanged, total: c.words })}>{mark}</button>
    </td>
  );
}

/** A row per section of the model, a column per variant: how far each state departs, coloured by size. */
export function MapPage({ modelId }: { modelId: string }) {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [lang, setLang] = useState<Lang>(ui);
  const [country, setCountry] = useState<'' | 'US' | 'MX'>('');
  const [map, setMap] = useState<StateMap | null>(null);
  const [mou, setMou] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = `lang=${lang}${country ? `&country=${country}` : ''}`;

  useEffect(() => {
    setMap(null);
    api<StateMap>(`/api/documents/${modelId}/map?${query}`)
      .then(setMap)
      .catch((err: unknown) => setError(err instanceof ApiError ? err.message : t('errors:internal')));
  }, [modelId, query, t]);
  useEffect(() => {
    api<{ docType: string }>(`/api/documents/${modelId}`).then((d) => setMou(d.docType === 'mou')).catch(() => setMou(false));
  }, [modelId]);

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
            {LANGS.map((l) => <button key={l} type="button" className={lang === l ? 'active' : ''} onClick={() => setLang(l)} data-testid={`map-lang-${l}`}>{t(`languages.${l}`)}</button>)}
          </div>
          <a className="button-link" href={`/api/documents/${modelId}/map?${query}&format=csv`} download data-testid="map-csv">{t('map.csv')}</a>
        </div>
      </div>
      <p className="muted">{t('map.explain')}</p>
      <MapLegend mou={mou} />
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
                  <th scope="row"><span className="outline-num" data-testid="map-row-label">{s.label}</span> {s.heading}</th>
                  {map.variants.map((v, col) => {
                    const c = map.cells[row]?.[col];
                    if (!c) return <td key={v.id} />;
                    return (
                      <MapCellView key={v.id} c={c} testId={`cell-${s.id}-${v.jurisdiction}`}
                        onOpen={() => navigate(`/compare?left=${modelId}&right=${v.id}&lang=${lang}&section=${encodeURIComponent(s.id)}`)} />
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
