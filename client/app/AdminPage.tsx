import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from './api';
import { formatDateTime } from './format';
import type { SessionUser } from './types';
import { GlossaryAdmin } from './GlossaryAdmin';
import type { AuditEntry } from '@shared/api/AuditEntry';

interface AdminUser extends SessionUser {
  disabled: boolean;
  createdAt: string;
}

const ROLES = ['admin', 'drafter', 'reviewer'] as const;

function parseCodes(text: string): string[] {
  return text.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
}

function UserRow({ user, onSaved, onError }: { user: AdminUser; onSaved: () => void; onError: (m: string) => void }) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState(user.jurisdictions.join(', '));
  async function patch(body: Record<string, unknown>) {
    try {
      await api(`/api/users/${user.id}`, { method: 'PATCH', body });
      onSaved();
    } catch (err) {
      onError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }
  return (
    <tr className={user.disabled ? 'disabled-row' : ''} data-testid={`user-${user.email}`}>
      <td>{user.name}<div className="muted small">{user.email}</div></td>
      <td>
        <select value={user.role} onChange={(e) => void patch({ role: e.target.value })} aria-label={t('admin.role')}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
      </td>
      <td>
        <input value={codes} onChange={(e) => setCodes(e.target.value)} onBlur={() => { if (codes !== user.jurisdictions.join(', ')) void patch({ jurisdictions: parseCodes(codes) }); }} aria-label={t('admin.jurisdictions')} placeholder="US-NM, MX-CHH" />
      </td>
      <td>
        <button type="button" onClick={() => void patch({ disabled: !user.disabled })}>{user.disabled ? t('admin.enable') : t('admin.disable')}</button>
      </td>
    </tr>
  );
}

/** Administrators: accounts, roles, jurisdictions, and the audit log. */
export function AdminPage() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'drafter', jurisdictions: '' });

  const load = useCallback(async () => {
    try {
      setUsers(await api<AdminUser[]>('/api/users'));
      setAudit(await api<AuditEntry[]>('/api/audit?limit=100'));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/api/users', { method: 'POST', body: { ...form, jurisdictions: parseCodes(form.jurisdictions) } });
      setForm({ email: '', name: '', password: '', role: 'drafter', jurisdictions: '' });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors:internal'));
    }
  }

  const names = new Map(users.map((u) => [u.id, u.name]));
  return (
    <main className="page">
      <h1>{t('admin.title')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <h2>{t('admin.users')}</h2>
      <table className="doc-table">
        <thead><tr><th>{t('admin.name')}</th><th>{t('admin.role')}</th><th>{t('admin.jurisdictions')}</th><th /></tr></thead>
        <tbody>{users.map((u) => <UserRow key={u.id} user={u} onSaved={() => void load()} onError={setError} />)}</tbody>
      </table>
      <form className="inline-form wrap" onSubmit={create} aria-label={t('admin.newUser')}>
        <input placeholder={t('admin.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required />
        <input placeholder={t('auth.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} required />
        <input placeholder={t('auth.password')} type="password" minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required />
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })} aria-label={t('admin.role')}>
          {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
        </select>
        <input placeholder="US-NM, MX-CHH" value={form.jurisdictions} onChange={(e) => setForm({ ...form, jurisdictions: e.target.value })} aria-label={t('admin.jurisdictions')} />
        <button type="submit" className="primary">{t('admin.create')}</button>
      </form>
      <GlossaryAdmin />
      <h2>{t('admin.audit')}</h2>
      <table className="doc-table">
        <thead><tr><th>{t('admin.when')}</th><th>{t('admin.who')}</th><th>{t('admin.action')}</th><th>{t('admin.detail')}</th></tr></thead>
        <tbody>
          {audit.map((a) => (
            <tr key={a.id}>
              <td>{formatDateTime(a.at)}</td>
              <td>{a.userId ? (names.get(a.userId) ?? a.userId) : '—'}</td>
              <td>{t(`admin.actions.${a.action}`, { defaultValue: a.action })}</td>
              <td className="small">{a.docId ? `${a.docId.slice(0, 8)}… ` : ''}{JSON.stringify(a.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
