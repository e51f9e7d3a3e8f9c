import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState, SaveState } from './useCollabDoc';

/** "Connected · Saved", "Saving…", or "Offline — reconnecting; unsaved changes are kept". */
export function ConnectionIndicator({ connection, save }: { connection: ConnectionState; save: SaveState }) {
  const { t } = useTranslation();
  // "Saving…" shows only when saving takes a moment: a keystroke acknowledged in a few milliseconds does not flicker.
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (save !== 'saving') {
      setSlow(false);
      return;
    }
    const timer = window.setTimeout(() => setSlow(true), 700);
    return () => window.clearTimeout(timer);
  }, [save]);
  const shown: SaveState = save === 'saving' && !slow ? 'saved' : save;
  const label =
    connection === 'connected'
      ? `${t('collab.connected')} · ${shown === 'saved' ? t('collab.saved') : t('collab.saving')}`
      : connection === 'connecting'
        ? t('collab.connecting')
        : save === 'unsaved'
          ? t('collab.offlineUnsaved')
          : t('collab.offline');
  const tone = connection === 'connected' ? (shown === 'saved' ? 'ok' : 'busy') : connection === 'connecting' ? 'busy' : 'bad';
  return (
    <span className={`conn conn-${tone}`} role="status" aria-live="polite" data-testid="connection" data-connection={connection} data-save={save}>
      <span className="conn-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
