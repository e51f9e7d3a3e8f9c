import type { Services } from '../services';
import type { TrackedConnection } from '../collab/ConnectionRegistry';
import { canRead, canWrite } from './permissions';

/**
 * Re-checks live collaboration sockets against the current sessions, accounts and documents, and
 * closes those that lost access (see ConnectionRegistry.revalidate). Returns how many were closed.
 */
export function revalidateConnections(services: Services, filter: (c: TrackedConnection) => boolean): number {
  return services.connections.revalidate(filter, (conn) => {
    const userId = services.sessions.userIdFor(conn.token);
    const user = userId === conn.userId ? services.users.byId(conn.userId) : undefined;
    if (!user || user.disabled) return 'unauthenticated';
    const doc = services.documents.get(conn.docId);
    if (!doc || !canRead(user, doc)) return 'forbidden';
    return conn.canWrite && !canWrite(user, doc) ? 'readOnly' : 'keep';
  });
}
