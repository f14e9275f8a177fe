/**
 * Imported first by every extension entry point that validates with zod: extension pages and
 * content scripts forbid eval, which zod's JIT compiler would try on the first parse. A module
 * of its own so it runs before any module that builds a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
