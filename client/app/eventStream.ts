/** What a subscriber to an event stream wants: handlers by event name, and a call each time the stream (re)opens. */
export interface EventSubscriber {
  events: Record<string, (data: unknown) => void>;
  /** Called when the stream opens, and again after each reconnection (events may have been missed meanwhile). */
  onOpen?: () => void;
}

interface Shared {
  source: EventSource | null;
  subscribers: Set<EventSubscriber>;
  listening: Set<string>;
  retry: ReturnType<typeof setTimeout> | null;
  delay: number;
}

const streams = new Map<string, Shared>();
const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 60_000;

function connect(url: string, shared: Shared): void {
  const source = new EventSource(url, { withCredentials: true });
  shared.source = source;
  shared.listening.clear();
  listenAll(shared);
  source.onopen = () => {
    shared.delay = FIRST_DELAY_MS;
    for (const s of shared.subscribers) s.onOpen?.();
  };
  source.onerror = () => {
    // The browser reconnects by itself after a network error; a refused stream (signed out, a
    // proxy's error page) is closed for good: try again later, more and more slowly.
    if (source.readyState !== EventSource.CLOSED || shared.subscribers.size === 0) return;
    shared.retry = setTimeout(() => {
      shared.retry = null;
      if (shared.subscribers.size > 0) connect(url, shared);
    }, shared.delay);
    shared.delay = Math.min(shared.delay * 2, MAX_DELAY_MS);
  };
}

function listenAll(shared: Shared): void {
  const source = shared.source;
  if (!source) return;
  for (const s of shared.subscribers) {
    for (const name of Object.keys(s.events)) {
      if (shared.listening.has(name)) continue;
      shared.listening.add(name);
      source.addEventListener(name, (e) => {
        let data: unknown;
        try {
          data = JSON.parse((e as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const sub of shared.subscribers) sub.events[name]?.(data);
      });
    }
  }
}

/**
 * Follows a Server-Sent Events stream of the API. Every subscriber to one URL shares one
 * EventSource, opened with the first and closed with the last; returns the unsubscribe function.
 */
export function subscribeEvents(url: string, subscriber: EventSubscriber): () => void {
  let shared = streams.get(url);
  if (!shared) {
    shared = { source: null, subscribers: new Set(), listening: new Set(), retry: null, delay: FIRST_DELAY_MS };
    streams.set(url, shared);
  }
  shared.subscribers.add(subscriber);
  if (!shared.source) connect(url, shared);
  else {
    listenAll(shared);
    if (shared.source.readyState === EventSource.OPEN) subscriber.onOpen?.();
  }
  const own = shared;
  return () => {
    own.subscribers.delete(subscriber);
    if (own.subscribers.size > 0) return;
    own.source?.close();
    if (own.retry) clearTimeout(own.retry);
    streams.delete(url);
  };
}
