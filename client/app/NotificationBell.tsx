import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api';
import { navigate } from './navigation';
import { formatDateTime } from './format';
import { subscribeUserEvents } from './eventStream';
import { isLang, type Lang } from '@shared/bill/Lang';

/** A notification as GET /api/notifications lists it. */
interface Notification {
  id: string;
  kind: 'mention';
  read: boolean;
  createdAt: string;
  docId: string;
  docTitle: Record<Lang, string>;
  threadId: string | null;
  actor: { id: string; name: string } | null;
  sectionId: string | null;
  sectionName: Partial<Record<Lang, string>>;
  excerpt: string;
}

/**
 * The bell in the top bar: how many notifications are unread (mentions of the signed-in person),
 * pushed by the server as they happen; opens the list, and a notification opens its thread.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const ui: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<Notification[]>([]);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const load = useCallback(() => {
    api<{ unread: number; items: Notification[] }>('/api/notifications').then((r) => { setUnread(r.unread); setItems(r.items); }).catch(() => undefined);
  }, []);
  useEffect(() => {
    load();
    let opened = false;
    return subscribeUserEvents({
      events: {
        notification: (data) => {
          const { notification, unread: count } = data as { notification: Notification; unread: number };
          setItems((list) => [notification, ...list.filter((n) => n.id !== notification.id)]);
          setUnread(count);
        },
        notificationsRead: load,
      },
      onOpen: () => {
        if (opened) load();
        opened = true;
      },
    });
  }, [load]);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  const markRead = (ids?: string[]) => {
    setItems((list) => list.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)));
    api<{ unread: number }>('/api/notifications/read', { method: 'POST', body: ids ? { ids } : {} }).then((r) => setUnread(r.unread)).catch(() => undefined);
  };
  const go = (n: Notification) => {
    if (!n.read) markRead([n.id]);
    setOpen(false);
    navigate(`/documents/${encodeURIComponent(n.docId)}${n.threadId ? `?thread=${encodeURIComponent(n.threadId)}` : ''}`);
  };
  const text = (n: Notification) => {
    const who = n.actor?.name ?? '';
    const section = n.sectionName[ui] ?? '';
    return section ? t('notifications.mention', { who, section }) : t('notifications.mentionNoSection', { who });
  };

  return (
    <div className="notification-bell" ref={box}>
      <button type="button" className={unread > 0 ? 'bell has-unread' : 'bell'} aria-label={t('notifications.bell', { count: unread })} aria-expanded={open}
        onClick={() => setOpen(!open)} data-testid="notification-bell">
        <svg className="bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" fill="currentColor" />
        </svg>
        {unread > 0 && <span className="bell-count" data-testid="notification-count">{unread}</span>}
      </button>
      {open && (
        <section className="notifications-panel" aria-labelledby="notifications-title" data-testid="notifications-panel">
          <h2 id="notifications-title">{t('notifications.title')}</h2>
          {unread > 0 && <button type="button" className="link-button" onClick={() => markRead()}>{t('notifications.markAllRead')}</button>}
          {items.length === 0 && <p className="muted small">{t('notifications.none')}</p>}
          <ul>
            {items.map((n) => (
              <li key={n.id} className={n.read ? 'read' : 'unread'}>
                <button type="button" className="notification" onClick={() => go(n)} data-testid="notification-item">
                  <strong data-testid="notification-text">{text(n)}</strong>
                  <span className="small">{n.docTitle[ui]}</span>
                  <q className="small">{n.excerpt}</q>
                  <span className="muted small">{formatDateTime(n.createdAt)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
