/** One Server-Sent Event as received, with when it arrived (performance.now()). */
export interface ReceivedEvent {
  event: string;
  data: unknown;
  at: number;
}

/** A real event-stream client over HTTP (what a browser's EventSource does, minus reconnecting). */
export interface EventClient {
  status: number;
  received: ReceivedEvent[];
  /** Resolves with the first event named `event` received after `from` events (the next one by default). */
  next(event: string, timeoutMs?: number, from?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `path` as an event stream with a bearer token (or a cookie header). */
export async function openEvents(server: { url: string }, token: string, path: string, headers: Record<string, string> = {}): Promise<EventClient> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}${path}`, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}`, ...headers }, signal: abort.signal });
  const received: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const lines = frame.split('\n');
            const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
            const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
            if (event) {
              received.push({ event, data: JSON.parse(data) as unknown, at: performance.now() });
              for (const w of [...waiters]) w();
            }
          }
        }
      } catch {
        // aborted by close()
      }
      markEnded();
    })();
  } else markEnded();
  return {
    status: res.status,
    received,
    ended,
    next: (event, timeoutMs = 3000, from = received.length) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = received.slice(from).find((e) => e.event === event);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${event}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => abort.abort(),
  };
}
