import { useTranslation } from 'react-i18next';
import type { SessionUser } from './types';
import { LanguageSwitcher } from './LanguageSwitcher';
import { navigate } from './navigation';
import { NotificationBell } from './NotificationBell';

/** The bar at the top of every page. */
export function TopBar({ user, onSignOut }: { user: SessionUser | null; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <a className="brand" href="/" onClick={(e) => { e.preventDefault(); navigate('/'); }}>
        {t('app.name')}
        <span className="tagline">{t('app.tagline')}</span>
      </a>
      <div className="top-bar-right">
        <LanguageSwitcher />
        {user && (
          <>
            {user.role === 'admin' && (
              <a href="/admin" className="nav-link" onClick={(e) => { e.preventDefault(); navigate('/admin'); }}>{t('admin.title')}</a>
            )}
            <NotificationBell />
            <span className="who" data-testid="current-user">
              {user.name} · {t(`roles.${user.role}`)}
            </span>
            <button type="button" className="link-button" onClick={onSignOut}>
              {t('auth.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
