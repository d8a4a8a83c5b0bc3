// The demo's service worker: MSW's own worker, except that the app decides when it goes.
// MSW's worker unregisters itself when the last page it serves sends CLIENT_CLOSED (on
// beforeunload). In a tab, every reload, Back or Forward closes the last page, so the worker
// unregistered while the next page was already starting MSW, whose un-awaited
// registration.update() then rejected with "Failed to update a ServiceWorker … Not found".
// The registration now stays for the tab's demo pages; live pages unregister it
// (unregisterDemoWorker in src/app/mode.ts).
self.addEventListener('message', (event) => {
  if (event.data === 'CLIENT_CLOSED') event.stopImmediatePropagation();
});

importScripts('/mockServiceWorker.js');
