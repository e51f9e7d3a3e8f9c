/**
 * WebSocket close codes of the collaboration socket, shared by server and client. 44xx: do not retry
 * (y-websocket stops reconnecting); 45xx and 1xxx: reconnect and resync, nothing is lost.
 */
export const CloseCode = {
  /** Not signed in, or the session expired. */
  Unauthenticated: 4401,
  /** Signed in but not permitted to read this document, or the permission was revoked. */
  Forbidden: 4403,
  /** No such document. */
  NotFound: 4404,
  /** A message that is not a valid y-websocket message, or an update Yjs cannot apply. */
  ProtocolError: 4400,
  /** Too many messages in too short a time. */
  RateLimited: 4429,
  /** The server is shutting down; clients reconnect. */
  GoingAway: 1001,
  /** A message larger than the limit. */
  TooLarge: 1009,
  /** The server could not store updates; clients reconnect and send them again. */
  ServerError: 1011,
  /** The socket stopped reading: its unsent data passed the limit. Clients reconnect and resync. */
  SlowConsumer: 4500,
  /** Too many sockets open for this user or from this address, or too many documents open by this user; clients retry later. */
  TooManyConnections: 4529,
} as const;

/** y-websocket message types, plus Puente's acknowledgement. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  /** Server to client, only when asked with `?ack=1`: how many updates of this connection are on disk. */
  Ack: 100,
  /**
   * Server to client: what this connection may do now, as JSON `{canWrite, reason}`, sent when a
   * status or permission change reaches an open socket (it stays open, read-only or writable).
   */
  Access: 101,
  /** Server to client: updates this connection sent were not applied but held for review, as JSON `{held}`. */
  Held: 102,
} as const;
