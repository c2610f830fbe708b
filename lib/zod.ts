/**
 * zod, set up once for the whole app: every module takes `z` from here, never from "zod" directly.
 * jitless: zod would otherwise probe for `new Function` (to compile fast parsers), and our
 * Content-Security-Policy forbids eval, so a browser that parses a form reports a CSP violation even
 * though zod catches the error. The parsers it then uses are the same, only not generated code.
 */
import { z } from "zod";

z.config({ jitless: true });

export { z };
