import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import type { GlossaryEntry } from '@shared/bill/glossary';

const split = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);

function EntryRow({ entry, onSaved, onError }: { entry: GlossaryEntry; onSaved: () => void; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const [en, setEn] = useState(entry.en.join('; '));
  const [es, setEs] = useState(entry.es.join('; '));
  const dirty = en !== entry.en.join('; ') || es !== entry.es.join('; ');
  async function save() {
    try {
      await api(`/api/glossary/${entry.id}`, { method: 'PUT', body: { en: split(en), es: split(es), note: entry.note, check: entry.check } });
      onSaved();
    } catch (err) {
      onError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }
  return (
    <tr data-testid={`glossary-row-${entry.id}`}>
      <td><input value={en} onChange={(e) => setEn(e.target.value)} aria-label={t('glossary.en')} /></td>
      <td><input value={es} onChange={(e) => setEs(e.target.value)} aria-label={t('glossary.es')} /></td>
      <td className="small muted">{entry.check === false ? t('glossary.highlightOnly') : ''}</td>
      <td><button type="button" disabled={!dirty} onClick={() => void save()}>{t('glossary.save')}</button></td>
    </tr>
  );
}

/** Administrators add and edit the pairs of the shared bilingual glossary. */
export function GlossaryAdmin() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<GlossaryEntry[]>([]);
  const [filter, setFilter] = useState('');
  const [form, setForm] = useState({ en: '', es: '' });
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<GlossaryEntry[]>('/api/glossary').then(setEntries).catch(() => setEntries([]));
  }, []);
  useEffect(load, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    const en = split(form.en);
    const id = (en[0] ?? '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    try {
      await api('/api/glossary', { method: 'POST', body: { id, en, es: split(form.es) } });
      setForm({ en: '', es: '' });
      load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  const q = filter.toLowerCase();
  const shown = entries.filter((x) => !q || [...x.en, ...x.es].some((f) => f.toLowerCase().includes(q)));
  return (
    <section aria-labelledby="glossary-title">
      <h2 id="glossary-title">{t('glossary.title', { count: entries.length })}</h2>
      <p className="muted small">{t('glossary.explain')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      <form className="inline-form wrap" onSubmit={add}>
        <input placeholder={t('glossary.en')} value={form.en} onChange={(e) => setForm({ ...form, en: e.target.value })} required />
        <input placeholder={t('glossary.es')} value={form.es} onChange={(e) => setForm({ ...form, es: e.target.value })} required />
        <button type="submit" className="primary">{t('glossary.add')}</button>
        <input placeholder={t('glossary.search')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('glossary.search')} />
      </form>
      <table className="doc-table">
        <thead><tr><th>{t('glossary.en')}</th><th>{t('glossary.es')}</th><th /><th /></tr></thead>
        <tbody>{shown.map((x) => <EntryRow key={`${x.id}:${x.en.join()}:${x.es.join()}`} entry={x} onSaved={load} onError={setError} />)}</tbody>
      </table>
    </section>
  );
}
