// Classic content script (content scripts cannot be ES modules): loads the module graph from the
// packaged extension once per page. Registered for web.whatsapp.com by the manifest and for the
// agent's other sites by the background (scripting.registerContentScripts).
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  if (globalThis.__conformaLoaded) return;
  globalThis.__conformaLoaded = true;
  import(api.runtime.getURL("src/content/main.js"))
    .then((m) => m.start())
    .catch((err) => console.warn("Conforma: the checker could not start on this page:", err));
})();
