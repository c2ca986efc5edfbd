/*
 * Service worker of the site (plain JS; scripts/lib/offline.ts stamps the version and writes it to
 * dist/sw.js after each build, so every deploy installs a new worker).
 *
 * Strategy:
 *   - hashed build assets (/_astro/, /pagefind/ fragments and index chunks): cache first, they never change;
 *   - everything else of our own origin (pages, pagefind.js, entry JSON, manifest): network first,
 *     falling back to any cached copy when the network fails; successful responses refresh the cache;
 *   - the "Lưu để đọc offline" action (components/offline/SaveOffline.astro) fills CACHE_SAVED with every
 *     file listed in offline-manifest.json.
 * A page can ask whether it was served from the cache ({type: 'from-cache?', url}); on activation of a new
 * version every open page is told ({type: 'updated'}) so it can offer a reload.
 */
const VERSION = '__TT_VERSION__';
const CACHE_RUNTIME = 'tt-runtime';
const CACHE_SAVED = 'tt-saved';
const servedFromCache = new Set();

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      // Caches of older worker generations (other names) are dropped; ours are refreshed in place.
      await Promise.all(keys.filter((k) => ![CACHE_RUNTIME, CACHE_SAVED].includes(k)).map((k) => caches.delete(k)));
      const hadController = (await self.clients.matchAll({ includeUncontrolled: true })).length > 0;
      await self.clients.claim();
      const previous = await readVersion();
      await writeVersion(VERSION);
      if (hadController && previous && previous !== VERSION) {
        for (const client of await self.clients.matchAll({ includeUncontrolled: true })) {
          client.postMessage({ type: 'updated', version: VERSION });
        }
      }
    })(),
  );
});

async function readVersion() {
  const res = await caches.open(CACHE_RUNTIME).then((c) => c.match('__tt-version'));
  return res ? res.text() : null;
}
async function writeVersion(v) {
  const c = await caches.open(CACHE_RUNTIME);
  await c.put('__tt-version', new Response(v));
}

const IMMUTABLE = /\/(_astro\/|pagefind\/(fragment|index|filter)\/)/;

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (IMMUTABLE.test(url.pathname)) event.respondWith(cacheFirst(req));
  else event.respondWith(networkFirst(req));
});

async function cacheFirst(req) {
  const hit = (await caches.match(req)) || (await caches.match(req, { ignoreSearch: true }));
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) (await caches.open(CACHE_RUNTIME)).put(req, res.clone());
  return res;
}

async function networkFirst(req) {
  try {
    const res = await fetch(req);
    if (res.ok && res.type === 'basic') (await caches.open(CACHE_RUNTIME)).put(req, res.clone());
    return res;
  } catch (err) {
    // Exact copy first; else the saved copy of the same path (saved files carry no query string,
    // while Pagefind asks for its entry file with a cache tag, e.g. pagefind-entry.json?ts=…).
    const hit = (await caches.match(req)) || (await caches.match(req, { ignoreSearch: true })) ||
      (req.mode === 'navigate' ? await caches.match(new URL('404.html', self.registration.scope).href) : undefined);
    if (!hit) throw err;
    if (req.mode === 'navigate') servedFromCache.add(stripHash(req.url));
    return hit;
  }
}

function stripHash(u) {
  const url = new URL(u);
  url.hash = '';
  return url.href;
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'from-cache?' && event.ports[0]) {
    const key = stripHash(data.url);
    event.ports[0].postMessage({ fromCache: servedFromCache.has(key), version: VERSION });
    servedFromCache.delete(key);
  }
  if (data.type === 'version?' && event.ports[0]) event.ports[0].postMessage({ version: VERSION });
});
