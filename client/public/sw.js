// Puente's service worker: keeps the app shell and the last-seen API answers so that a document can
// be reopened and edited while the server is unreachable (its text comes from IndexedDB).
const CACHE = 'puente-shell-v2';
const API_CACHED = [/^\/api\/me$/, /^\/api\/documents\/[0-9a-f-]{36}$/, /^\/api\/templates$/, /^\/api\/jurisdictions$/];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const res = await fetch('/', { cache: 'no-store' });
    if (res.ok) {
      const html = await res.clone().text();
      await cache.put('/', res);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll(assets);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

async function networkFirst(request, cacheKey) {
  const cache = await caches.open(CACHE);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(cacheKey, res.clone());
    // A server shutting down or restarting (5xx) counts as unreachable: the last answer stands.
    if (res.status >= 500) {
      const hit = await cache.match(cacheKey);
      if (hit) return hit;
    }
    return res;
  } catch (err) {
    const hit = await cache.match(cacheKey);
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit || networkFirst(request, request)));
  } else if (API_CACHED.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, request));
  }
});

self.addEventListener('message', (event) => {
  // Sent on sign-out: forget every cached answer.
  if (event.data === 'clear') event.waitUntil(caches.delete(CACHE));
});
