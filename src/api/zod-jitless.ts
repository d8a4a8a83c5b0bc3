import { z } from 'zod';

// Before any schema exists: zod otherwise probes `new Function` to compile fast parsers, and the
// server's CSP (script-src 'self') blocks it. The error is caught, but Chrome still reports a CSP
// issue (Lighthouse best practices). api/ builds schemas before any feature does, so it imports
// this first.
z.config({ jitless: true });
