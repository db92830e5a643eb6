// Scola's service worker: keeps the app's own files so that a page reloaded without network
// still opens (registered by public/offline.js, which the exercises area loads).
//
// - The page (index.html, the same for every address of the app): network first, the last copy
//   when the network fails.
// - A build's files (/app-<hash>/…, the hashed style, public/): cache first; their names change
//   with every build, so a kept file is never stale. The page hands over, at registration, the
//   list of those it has loaded already (they came before the worker was there).
// - Everything else goes to the network untouched: server functions (/api/), people's files
//   (/files/), other sites. Nothing anyone signed in reads is ever kept here.
// - When a page of a new build hands over its files, the files of other builds are removed.

const CACHE = 'scola-app';
const PAGE = '/';
const BUILD_DIR = /^\/app-[0-9a-f]{16}\//;

function isBuildFile(url) {
  return url.origin === self.location.origin &&
    (BUILD_DIR.test(url.pathname) || /^\/[^/]+-[0-9a-f]{8,16}\.css$/.test(url.pathname) ||
      url.pathname.startsWith('/public/'));
}

// An address of the app itself, the one page (not a file, not the server's): as the server's
// `app_page` decides.
function isAppAddress(url) {
  const last = url.pathname.split('/').pop();
  return url.origin === self.location.origin && !last.includes('.') &&
    !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/files/');
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('message', (event) => {
  const files = Array.isArray(event.data && event.data.keep) ? event.data.keep : [];
  event.waitUntil(keep(files.map((f) => new URL(f, self.location.origin)).filter(isBuildFile)));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  // The page that registered the worker came before it: asked again (revalidated).
  if (!(await cache.match(PAGE))) {
    try {
      await page(new Request(PAGE));
    } catch (_) {
      // Offline already: kept at the next visit.
    }
  }
  for (const url of urls) {
    if (!(await cache.match(url))) {
      try {
        const response = await fetch(url);
        if (response.ok) await cache.put(url, response);
      } catch (_) {
        // Offline already: kept at the next visit.
      }
    }
  }
  // The build this page runs: the files of any other one go.
  const build = urls.map((u) => u.pathname.match(BUILD_DIR)).find(Boolean);
  if (!build) return;
  const wanted = new Set(urls.map((u) => u.href));
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    const otherBuild = BUILD_DIR.test(url.pathname) && !url.pathname.startsWith(build[0]);
    const oldStyle = url.pathname.endsWith('.css') && !wanted.has(url.href);
    if (otherBuild || oldStyle) await cache.delete(request);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && isAppAddress(url)) {
    event.respondWith(page(request));
  } else if (isBuildFile(url)) {
    event.respondWith(buildFile(request));
  }
});

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    const html = (response.headers.get('content-type') || '').startsWith('text/html');
    if (response.ok && html) await cache.put(PAGE, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw error;
  }
}

async function buildFile(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
