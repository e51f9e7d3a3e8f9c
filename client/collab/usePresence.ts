import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';

/** Someone in the document, as the server stamped them. */
export interface PresentUser {
  id: string;
  name: string;
  color: string;
  role: string;
}

/** The people connected to the document, one entry per user, oneself included. */
export function usePresence(provider: WebsocketProvider): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const read = () => {
      const byId = new Map<string, PresentUser>();
      for (const state of provider.awareness.getStates().values()) {
        const u = (state as { user?: Partial<PresentUser> }).user;
        if (u?.id && u.name) byId.set(u.id, { id: u.id, name: u.name, color: u.color ?? '#555', role: u.role ?? '' });
      }
      setUsers([...byId.values()].sort((a, b) => a.name.localeCompare(b.name)));
    };
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return users;
}
