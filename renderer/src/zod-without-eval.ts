/**
 * Imported first by main.tsx, before any schema is defined: the CSP has no
 * 'unsafe-eval', and zod otherwise probes `new Function` while building object
 * schemas, which the browser reports as a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
