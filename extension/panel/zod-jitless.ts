/**
 * Imported first by the extension's pages: extension pages forbid eval, which zod's JIT compiler
 * would try on the first parse. A module of its own so it runs before any module that parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
