import type { Services } from '../services';
import type { EventStream } from './EventHub';
import { canRead } from '../auth/permissions';

/** Whether an event stream may stay open: its session is live, its account enabled, and it may read the document it follows. */
export function streamAllowed(services: Services, stream: EventStream): boolean {
  const live = services.sessions.live(stream.token);
  const user = live?.userId === stream.userId ? services.users.byId(stream.userId) : undefined;
  if (!user || user.disabled) return false;
  if (stream.docId === null) return true;
  const doc = services.documents.get(stream.docId);
  return doc !== undefined && canRead(user, doc);
}
