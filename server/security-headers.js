/**
 * @fastify/helmet's options: what every response of the server carries (pages, assets, proxied
 * answers, the SPA fallback and JSON errors).
 * @type {import('@fastify/helmet').FastifyHelmetOptions}
 */
export const securityHeaders = {
  contentSecurityPolicy: {
    // Exactly these directives, none of helmet's defaults: in particular no
    // upgrade-insecure-requests, as the server is also used over plain http on loopback.
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      // No inline script: Vite emits external modules only. The demo's service worker
      // (/mockServiceWorker.js) is same-origin: worker-src 'self', and its fetches stay on 'self'.
      scriptSrc: ["'self'"],
      // Mantine sets inline style="" attributes (style props, CSS variables) and injects <style>
      // elements at run time (CSS variables of the theme, color scheme), so styles need
      // 'unsafe-inline'. Inline styles cannot run code; scripts stay strict.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      // The browser only ever talks to this server; the server talks to the 1NCE API.
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
  // Same as frame-ancestors 'none', for browsers that only know X-Frame-Options.
  xFrameOptions: { action: 'deny' },
  // The TLS reverse proxy in front sends HSTS (it knows whether there is TLS); plain http on
  // loopback has none.
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
};
