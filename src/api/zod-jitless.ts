import { config } from 'zod/v4/core';

// Before any schema exists: zod otherwise probes `new Function` to compile fast parsers, and the
// server's CSP (script-src 'self') blocks it. The error is caught, but Chrome still reports a CSP
// issue (Lighthouse best practices). So main.tsx imports this first, before any module that
// builds a schema is evaluated, and the tests' setup does the same, so they parse as the page does.
config({ jitless: true });
