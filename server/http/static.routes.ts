import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Hono, type Context } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.webm': 'audio/webm',
  '.flac': 'audio/flac',
};

/** Page paths and the built HTML file each serves (see vite.config.ts). */
export const pages: Record<string, string> = {
  '/kiosk': 'kiosk/touchscreen/index.html',
  '/counter': 'counter-display/console/index.html',
  '/display': 'counter-display/display/index.html',
  '/admin': 'admin/index.html',
  // The citizen's status page, /t/<ticket id>, linked from the ticket's QR code.
  '/t': 'kiosk/status/index.html',
  // The customer-facing rating screen of a counter without a keypad, /rate/<counter id> (issue #5).
  '/rate': 'counter-display/rate/index.html',
  // The managers' reports (issue #6).
  '/reports': 'reports/index.html',
  // The citizen's booking page, /booking/<centre id>, and its cancel link (issue #14).
  '/booking': 'kiosk/booking/index.html',
};

/**
 * Serves the Vite build from `webRoot` with plain fs reads, so the same code runs on Node and Bun.
 * Hashed assets are cached for a year; pages are revalidated so a display picks up a new build.
 */
export function staticRoutes(webRoot: string, options: { voiceDir?: string } = {}) {
  const app = new Hono();
  const send = async (relative: string, cache: string, root = webRoot) => {
    const file = normalize(join(root, relative));
    if (!file.startsWith(normalize(root) + sep)) return null;
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': cache },
      });
    } catch {
      return null;
    }
  };
  const missingBuild = (c: Context) => c.text('Front-ends are not built yet: run `npm run build` (npm start does it for you).', 503);

  app.get('/', (c) => c.redirect('/kiosk'));
  for (const [path, file] of Object.entries(pages)) {
    const handler = async (c: Context) => (await send(file, 'no-cache')) ?? missingBuild(c);
    app.get(path, handler);
    app.get(`${path}/*`, handler);
  }
  app.get('/assets/*', async (c, next) => (await send(c.req.path, 'public, max-age=31536000, immutable')) ?? next());
  // Announcement clips (docs/voice.md): a centre's own recordings in VOICE_DIR first, then the
  // default set the build copied to <webRoot>/voice. Not hashed, so they can be swapped in place;
  // displays fetch them once at start-up.
  app.get('/voice/:file{[A-Za-z0-9][A-Za-z0-9._-]*}', async (c, next) => {
    const file = c.req.param('file');
    const own = options.voiceDir ? await send(file, 'no-cache', options.voiceDir) : null;
    return own ?? (await send(`voice/${file}`, 'no-cache')) ?? next();
  });
  return app;
}
