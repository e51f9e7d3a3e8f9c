import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { CloseCode } from '@shared/collab/closeCodes';
import type { Services } from '../services';
import { canRead, canWrite } from '../auth/permissions';
import { holdRefusedUpdate } from '../documents/heldEdits';
import { isSameOrigin, requestToken } from '../auth/requestToken';
import { presenceColor } from './presenceColor';
import { greet, handleMessage, ProtocolError } from './handleMessage';
import type { TrackedConnection } from './ConnectionRegistry';
import { Outlet } from './Outlet';

const PREFIX = '/collab/';

/** Maps a request path to a document id; the one place room names meet document ids. */
export function roomDocumentId(pathname: string): string | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const rest = pathname.slice(PREFIX.length);
  return rest && !rest.includes('/') ? decodeURIComponent(rest) : null;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The collaboration endpoint: authenticate, authorize, load the room, then relay messages.
 * Authentication and permission failures are reported as close codes after the upgrade, so that
 * clients (browsers included) can read them.
 */
export function attachCollab(server: Server, services: Services): { wss: WebSocketServer } {
  const { config } = services;
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  const connections = services.connections;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const docId = roomDocumentId(url.pathname);
    if (docId === null) return refuse(socket, 404, 'Not Found');
    if (!isSameOrigin(req, config.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req, url, docId));
  });

  function accept(ws: WebSocket, req: IncomingMessage, url: URL, docId: string): void {
    const token = requestToken(req, url, true);
    const session = token ? services.sessions.live(token.token) : undefined;
    const user = session ? services.users.byId(session.userId) : undefined;
    if (!token || !session || !user || user.disabled) return ws.close(CloseCode.Unauthenticated, 'unauthenticated');
    const doc = services.documents.get(docId);
    if (!doc) return ws.close(CloseCode.NotFound, 'not found');
    if (!canRead(user, doc)) return ws.close(CloseCode.Forbidden, 'forbidden');
    const address = req.socket.remoteAddress ?? '';
    const refusal = connections.refusal(user.id, address, docId, config);
    if (refusal) return ws.close(CloseCode.TooManyConnections, refusal);

    const room = services.rooms.open(docId);
    const outlet = new Outlet(ws, docId, services.updates, config.maxBufferedBytes, (buffered) => {
      services.log(`collab: closing ${user.email} on ${docId}: too slow (${buffered} bytes unsent)`);
    });
    const conn: TrackedConnection = {
      ws,
      docId,
      token: token.token,
      expiresAt: session.expiresAt,
      address,
      userId: user.id,
      identity: { id: user.id, name: user.name, color: presenceColor(user.id), role: user.role },
      canWrite: canWrite(user, doc),
      wantsAck: url.searchParams.get('ack') === '1',
      received: 0,
      applied: 0,
      openedAt: Date.now(),
      awarenessIds: new Set(),
    };
    conn.onRefused = (update) => holdRefusedUpdate(services, room, conn, update);
    room.join(conn);
    connections.add(conn);
    const bucket = { tokens: config.messageBurst, at: Date.now() };
    // A refused message (now, or once a large update it started is checked) closes this socket alone, logged with who and where.
    const refuse = (err: unknown) => {
      services.log(`collab: closing ${user.email} on ${docId}: ${err instanceof Error ? err.message : String(err)}`);
      outlet.close(err instanceof ProtocolError ? err.closeCode : CloseCode.ProtocolError, 'protocol error');
    };

    ws.on('message', (data, isBinary) => {
      // A socket being closed (too slow, flooding, refused) gets nothing more done for it.
      if (outlet.closing || ws.readyState !== ws.OPEN || room.isBroken()) return;
      const now = Date.now();
      if (now >= conn.expiresAt) return connections.expire(conn); // before its timer fires: nothing after expiry counts
      bucket.tokens = Math.min(config.messageBurst, bucket.tokens + ((now - bucket.at) / 1000) * config.messageRate);
      bucket.at = now;
      if (--bucket.tokens < 0) return outlet.close(CloseCode.RateLimited, 'rate limited');
      if (!isBinary || !(data instanceof Buffer)) return outlet.close(CloseCode.ProtocolError, 'binary messages only');
      try {
        handleMessage(room, conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength), refuse);
      } catch (err) {
        refuse(err);
      }
    });
    ws.on('close', () => {
      connections.delete(conn);
      room.leave(conn);
      // Who edited which document when, one audit line per editing session.
      if (conn.applied > 0) {
        services.audit.record('document.edit', user.id, docId, { updates: conn.applied, from: new Date(conn.openedAt).toISOString(), to: new Date().toISOString() });
      }
    });
    ws.on('error', () => ws.terminate());
    greet(room, conn);
  }

  return { wss };
}
