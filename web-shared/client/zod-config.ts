/**
 * Imported (for its effect) by every front-end module that parses with zod, before it parses:
 * zod's compiled parsers probe `new Function`, which the pages' Content-Security-Policy forbids
 * (script-src 'self', no 'unsafe-eval'); the browser reports the probe as a violation even though
 * zod catches it. Jitless parsing is plenty fast for socket payloads. docs/security.md.
 */
import { config } from 'zod';

config({ jitless: true });
