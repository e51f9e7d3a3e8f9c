import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import type { SessionUser } from './types';
import { TopBar } from './TopBar';
import { SignInPage } from './SignInPage';
import { DocumentListPage } from './DocumentListPage';
import { DocumentPage } from '../panes/DocumentPage';
import { AdminPage } from './AdminPage';
import { ComparePage } from '../panes/ComparePage';
import { MapPage } from '../panes/MapPage';
import { VersionPage } from '../panes/VersionPage';
import { navigate, usePathname } from './navigation';
import { clearOfflineCopies } from '../collab/useCollabDoc';

/** Routes: sign-in when signed out; the document list at "/"; a document at "/documents/:id". */
export function App() {
  const { t } = useTranslation();
  const path = usePathname();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    api<{ user: SessionUser }>('/api/me')
      .then((r) => setUser(r.user))
      .catch(() => setUser(null));
  }, []);

  const signOut = useCallback(() => {
    void api('/api/session', { method: 'DELETE' }).catch(() => undefined).then(clearOfflineCopies).finally(() => {
      setUser(null);
      navigate('/');
    });
  }, []);
  const sessionExpired = useCallback(() => setUser(null), []);

  const [pathname = '/', search = ''] = path.split('?');
  const docMatch = /^\/documents\/([^/]+)$/.exec(pathname);
  const mapMatch = /^\/documents\/([^/]+)\/map$/.exec(pathname);
  const versionMatch = /^\/documents\/([^/]+)\/versions\/([^/]+)$/.exec(pathname);
  const page = !user ? null
    : docMatch?.[1] ? <DocumentPage key={docMatch[1]} docId={decodeURIComponent(docMatch[1])} user={user} onSessionExpired={sessionExpired} />
    : versionMatch?.[1] && versionMatch[2] ? <VersionPage key={pathname} docId={decodeURIComponent(versionMatch[1])} versionId={decodeURIComponent(versionMatch[2])} />
    : mapMatch?.[1] ? <MapPage key={mapMatch[1]} modelId={decodeURIComponent(mapMatch[1])} />
    : pathname === '/compare' ? <ComparePage key={search} />
    : pathname === '/admin' && user.role === 'admin' ? <AdminPage />
    : <DocumentListPage user={user} />;
  return (
    <>
      <TopBar user={user ?? null} onSignOut={signOut} />
      {user === undefined && <main className="page"><p className="muted">{t('common.loading')}</p></main>}
      {user === null && <SignInPage onSignedIn={setUser} />}
      {page}
    </>
  );
}
