import { useTranslation } from 'react-i18next';
import type { PresentUser } from './usePresence';

/** Who is in the document now. */
export function PresenceList({ users, selfId }: { users: PresentUser[]; selfId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="presence" aria-label={t('collab.presence')} data-testid="presence">
      {users.map((u) => (
        <li key={u.id} style={{ borderColor: u.color }} title={u.role ? t(`roles.${u.role}`) : undefined}>
          <span className="presence-dot" style={{ background: u.color }} aria-hidden="true" />
          {u.name}
          {u.id === selfId ? ` (${t('collab.you')})` : ''}
        </li>
      ))}
    </ul>
  );
}
