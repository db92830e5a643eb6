// Loaded by the exercises area (app/src/offline.rs): registers the service worker (public/sw.js)
// and hands it the files of this build the page has loaded already, for a reload without network.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const keep = performance.getEntriesByType('resource')
        .map((entry) => entry.name)
        .concat([document.querySelector('link[rel=stylesheet]')?.href])
        .filter((name) => name && new URL(name).origin === location.origin);
      registration.active?.postMessage({ keep });
    })
    .catch(() => {
      // No worker (private browsing, an old browser): the app works as before, online only.
    });
}
