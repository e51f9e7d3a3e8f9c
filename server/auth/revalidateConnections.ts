import type { Services } from '../services';
import type { TrackedConnection } from '../collab/ConnectionRegistry';
import { sendAccess } from '../collab/accessMessage';
import { canRead, canWrite, readOnlyReason } from './permissions';

/**
 * Re-checks live collaboration sockets against the current sessions, accounts and documents: those
 * that lost access are closed; those whose right to edit changed stay open and are told at once
 * (see ConnectionRegistry.revalidate). Returns how many were closed.
 */
export function revalidateConnections(services: Services, filter: (c: TrackedConnection) => boolean): number {
  const lookup = (conn: TrackedConnection) => {
    const userId = services.sessions.userIdFor(conn.token);
    const user = userId === conn.userId ? services.users.byId(conn.userId) : undefined;
    return { user, doc: services.documents.get(conn.docId) };
  };
  return services.connections.revalidate(filter, (conn) => {
    const { user, doc } = lookup(conn);
    if (!user || user.disabled) return 'unauthenticated';
    if (!doc || !canRead(user, doc)) return 'forbidden';
    const may = canWrite(user, doc);
    if (conn.canWrite && !may) return 'readOnly';
    if (!conn.canWrite && may) return 'writable';
    return 'keep';
  }, (conn) => {
    const { user, doc } = lookup(conn);
    if (user && doc) sendAccess(conn, readOnlyReason(user, doc));
  });
}
