import type { ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../http/respond';

/** One open Server-Sent Events stream: whose it is, which document it follows, and its session. */
export interface EventStream {
  userId: string;
  token: string;
  /** The document whose comments it receives; null for a stream of notifications only. */
  docId: string | null;
  /** When the session that opened it ends (ms since the epoch); the stream closes then. */
  expiresAt: number;
}

interface OpenStream extends EventStream {
  res: ServerResponse;
  expiry: NodeJS.Timeout | null;
  heartbeat: NodeJS.Timeout;
}

/** A comment line keeps proxies and the browser from thinking an idle stream is dead. */
const HEARTBEAT_MS = 25_000;
/** How often every stream's session and access are checked again (a revoked session's stream closes within this). */
const RECHECK_MS = 5000;
/** How long a browser waits before reconnecting on its own. */
const RETRY_MS = 2000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Every open event stream, so the server can push what changed to the people concerned at once:
 * a document's comment threads to everyone following it, a notification to its recipient. A stream
 * closes when its session expires, is revoked or loses access (see revalidate).
 */
export class EventHub {
  private readonly streams = new Set<OpenStream>();
  private recheck: NodeJS.Timeout | null = null;

  /** `allowed` says whether a stream's session is still live and its user may still read what it follows. */
  constructor(private readonly allowed: (s: EventStream) => boolean) {}

  /** Answers the request with an event stream and keeps it until the client or the session goes. */
  open(res: ServerResponse, stream: EventStream): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const open: OpenStream = { ...stream, res, heartbeat, expiry: null };
    this.streams.add(open);
    this.armExpiry(open);
    res.on('close', () => this.drop(open));
    if (!this.recheck) {
      this.recheck = setInterval(() => this.revalidate(() => true, this.allowed), RECHECK_MS);
      this.recheck.unref();
    }
  }

  /** Sends an event to every stream following `docId`; `data` gives each user's view (undefined: nothing for them). */
  toDocument(docId: string, event: string, data: (userId: string) => unknown): void {
    const views = new Map<string, unknown>();
    for (const s of [...this.streams]) {
      if (s.docId !== docId || !this.stillAllowed(s)) continue;
      if (!views.has(s.userId)) views.set(s.userId, data(s.userId));
      const view = views.get(s.userId);
      if (view !== undefined) send(s, event, view);
    }
  }

  /** Sends an event to every stream of one user (on any page). */
  toUser(userId: string, event: string, data: unknown): void {
    for (const s of [...this.streams]) if (s.userId === userId && this.stillAllowed(s)) send(s, event, data);
  }

  /** Closes the streams `filter` selects that `keep` no longer allows (session ended, access lost). */
  revalidate(filter: (s: EventStream) => boolean, keep: (s: EventStream) => boolean): number {
    let closed = 0;
    for (const s of [...this.streams]) {
      if (!filter(s) || keep(s)) continue;
      this.close(s);
      closed++;
    }
    return closed;
  }

  count(): number {
    return this.streams.size;
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const s of [...this.streams]) this.close(s);
  }

  /** Checks a stream before sending: nothing reaches a session that ended; such a stream closes. */
  private stillAllowed(s: OpenStream): boolean {
    if (this.allowed(s)) return true;
    this.close(s);
    return false;
  }

  private close(s: OpenStream): void {
    this.drop(s);
    s.res.end();
  }

  private drop(s: OpenStream): void {
    if (!this.streams.delete(s)) return;
    clearInterval(s.heartbeat);
    if (s.expiry) clearTimeout(s.expiry);
    if (this.streams.size === 0 && this.recheck) {
      clearInterval(this.recheck);
      this.recheck = null;
    }
  }

  private armExpiry(s: OpenStream): void {
    const remaining = s.expiresAt - Date.now();
    if (remaining <= 0) return this.close(s);
    s.expiry = setTimeout(() => this.armExpiry(s), Math.min(remaining, MAX_TIMER_MS));
    s.expiry.unref();
  }
}

function send(s: OpenStream, event: string, data: unknown): void {
  s.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
