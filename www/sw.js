// Service worker of the estimator: after the first visit the page and the engine work
// offline. Strategy: cache first, from one versioned cache filled at install, so the page,
// its script and the WebAssembly engine always come from the same release.
//
// Bump CACHE_VERSION whenever any cached file changes (the page, app.mjs, style.css or a new
// wasm build); the new worker then refills the cache and deletes the old one.

const CACHE_VERSION = 3;
const CACHE_PREFIX = 'bhxh-estimator-';
const CACHE = `${CACHE_PREFIX}v${CACHE_VERSION}`;

/**
 * Everything the page needs, relative to this file (www/). The bare directory URL is left
 * out (not every static host maps it to index.html); offline, a navigation to it gets
 * index.html from the fallback below.
 */
const ASSETS = [
  './index.html',
  './app.mjs',
  './family.mjs',
  './engine-worker.mjs',
  './handout.html',
  './handout.mjs',
  './handout.css',
  './style.css',
  './manifest.webmanifest',
  './icon.svg',
  '../bindings/wasm/pkg/web/bhxh_wasm.js',
  '../bindings/wasm/pkg/web/bhxh_wasm_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: bypass the HTTP cache so a new version never caches stale files.
      await cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // The share link's inputs live in the hash, which never reaches the worker; a query
      // string is ignored too.
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        // Offline and not cached: a navigation still gets the page.
        if (request.mode === 'navigate') {
          const page = await cache.match('./index.html');
          if (page) return page;
        }
        throw error;
      }
    })(),
  );
});
