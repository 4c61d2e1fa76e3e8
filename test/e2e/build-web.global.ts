import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * vitest globalSetup of the e2e project: builds the pages with the repository's vite.config.ts
 * so the browser tests never run against a stale dist/web. Building takes about a second.
 */
export default async function setup(): Promise<void> {
  const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
  // vitest sets NODE_ENV=test, which makes Vite resolve the "development" export conditions
  // (Lit's dev build, with its console warning); test what `npm run build` ships instead.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, mode: 'production', logLevel: 'warn' });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
