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

/** The stream of the signed-in person's own events, opened only while no document's stream carries them. */
const USER_URL = '/api/events';
/** Events every stream carries for the person who opened it, whatever it follows. */
const USER_EVENTS = ['notification', 'notificationsRead'];
const FIRST_DELAY_MS = 2000;
const MAX_DELAY_MS = 60_000;

const streams = new Map<string, Shared>();
const userSubscribers = new Set<EventSubscriber>();
const userCarrier: EventSubscriber = { events: {} };

function connect(url: string, shared: Shared): void {
  const source = new EventSource(url, { withCredentials: true });
  shared.source = source;
  shared.listening.clear();
  listenAll(shared);
  source.onopen = () => {
    shared.delay = FIRST_DELAY_MS;
    for (const s of [...shared.subscribers, ...userSubscribers]) s.onOpen?.();
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
  const names = new Set([...USER_EVENTS, ...[...shared.subscribers].flatMap((s) => Object.keys(s.events))]);
  for (const name of names) {
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
      if (USER_EVENTS.includes(name)) for (const sub of userSubscribers) sub.events[name]?.(data);
    });
  }
}

function attach(url: string, subscriber: EventSubscriber): void {
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
}

function detach(url: string, subscriber: EventSubscriber): void {
  const shared = streams.get(url);
  if (!shared) return;
  shared.subscribers.delete(subscriber);
  if (shared.subscribers.size > 0) return;
  shared.source?.close();
  if (shared.retry) clearTimeout(shared.retry);
  streams.delete(url);
}

/** One stream per page at most: the person's own events ride on a document's stream when there is one. */
function rebalance(): void {
  const documentStream = [...streams.keys()].some((url) => url !== USER_URL);
  const carried = streams.get(USER_URL)?.subscribers.has(userCarrier) ?? false;
  const wanted = userSubscribers.size > 0 && !documentStream;
  if (wanted && !carried) attach(USER_URL, userCarrier);
  else if (!wanted && carried) detach(USER_URL, userCarrier);
}

/**
 * Follows a Server-Sent Events stream of the API. Every subscriber to one URL shares one
 * EventSource, opened with the first and closed with the last; returns the unsubscribe function.
 */
export function subscribeEvents(url: string, subscriber: EventSubscriber): () => void {
  attach(url, subscriber);
  rebalance();
  return () => {
    detach(url, subscriber);
    rebalance();
  };
}

/**
 * Follows the signed-in person's own events (notifications), on whatever stream the page has open
 * (a document's carries them too), else on GET /api/events: a browser allows only a few open
 * requests per site, shared by all its tabs.
 */
export function subscribeUserEvents(subscriber: EventSubscriber): () => void {
  userSubscribers.add(subscriber);
  rebalance();
  if ([...streams.values()].some((s) => s.source?.readyState === EventSource.OPEN)) subscriber.onOpen?.();
  return () => {
    userSubscribers.delete(subscriber);
    rebalance();
  };
}
