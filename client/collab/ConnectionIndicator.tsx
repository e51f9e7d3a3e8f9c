import { useTranslation } from 'react-i18next';
import type { ConnectionState, SaveState } from './useCollabDoc';

/** "Connected · Saved", "Saving…", or "Offline — reconnecting; unsaved changes are kept". */
export function ConnectionIndicator({ connection, save }: { connection: ConnectionState; save: SaveState }) {
  const { t } = useTranslation();
  const label =
    connection === 'connected'
      ? `${t('collab.connected')} · ${save === 'saved' ? t('collab.saved') : t('collab.saving')}`
      : connection === 'connecting'
        ? t('collab.connecting')
        : save === 'unsaved'
          ? t('collab.offlineUnsaved')
          : t('collab.offline');
  const tone = connection === 'connected' ? (save === 'saved' ? 'ok' : 'busy') : connection === 'connecting' ? 'busy' : 'bad';
  return (
    <span className={`conn conn-${tone}`} role="status" aria-live="polite" data-testid="connection" data-connection={connection} data-save={save}>
      <span className="conn-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
