import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The three front-ends as one multi-page build. The root is the repository so each page keeps
 * its folder in dist/web (kiosk/touchscreen/index.html, counter-display/console/index.html, …), which is where
 * server/http/static.routes.ts looks for them; hashed assets land in dist/web/assets.
 * (Tests have their own vitest.config.ts; this file is only for the browser build.)
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The announcement clips (counter-display/voice/, docs/voice.md) go to dist/web/voice unhashed:
 * the display finds them through manifest.json, and a centre may swap files without a rebuild.
 */
const voiceClips = (): Plugin => ({
  name: 'luot-voice-clips',
  apply: 'build',
  writeBundle() {
    cpSync(page('counter-display/voice'), page('dist/web/voice'), { recursive: true });
  },
});

export default defineConfig({
  root,
  base: '/',
  plugins: [voiceClips()],
  // No public/ folder: every file the pages need goes through the build and gets a hash.
  publicDir: false,
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Kiosks and hall PCs run whatever Chromium they were installed with; source maps make
    // a field bug report readable without shipping unminified code.
    sourcemap: true,
    rolldownOptions: {
      input: {
        kiosk: page('kiosk/touchscreen/index.html'),
        // The citizen's status page, served for /t/<ticket id> (server/http/static.routes.ts).
        status: page('kiosk/status/index.html'),
        console: page('counter-display/console/index.html'),
        display: page('counter-display/display/index.html'),
        admin: page('admin/index.html'),
        // The rating screen of a counter without a keypad, served for /rate/<counter id> (issue #5).
        rate: page('counter-display/rate/index.html'),
        // The managers' reports, /reports (issue #6).
        reports: page('reports/index.html'),
        // The citizen's booking page, /booking/<centre id> (issue #14).
        booking: page('kiosk/booking/index.html'),
      },
      output: {
        // Named vendor chunks instead of shared code landing in whichever module rolldown picks:
        // every page loads Lit, and socket.io-client and zod for its live view.
        codeSplitting: {
          groups: [
            { name: 'lit', test: /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            // Only the reports page draws charts: keep chart.js out of the kiosk's and displays' vendor chunk.
            { name: 'charts', test: /node_modules[\\/](chart\.js|@kurkle)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  // `npx vite` for front-end work against a server on :3000 (`npm start`):
  // open /kiosk/touchscreen/index.html, /counter-display/console/index.html, /counter-display/display/index.html,
  // /admin/index.html, /reports/index.html.
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/voice': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
  optimizeDeps: {
    entries: [
      'kiosk/touchscreen/index.html',
      'kiosk/status/index.html',
      'counter-display/console/index.html',
      'counter-display/display/index.html',
      'admin/index.html',
      'counter-display/rate/index.html',
      'reports/index.html',
      'kiosk/booking/index.html',
    ],
  },
});
