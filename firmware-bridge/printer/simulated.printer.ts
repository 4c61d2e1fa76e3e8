import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { toRgba } from './bitmap.ts';
import type { PrinterJob, PrinterPort } from './printer.port.ts';

/**
 * `--simulate` (and the demo): a printer that is always ready and writes each ticket as
 * `<job id>.png` (the raster as the paper would show it) and `<job id>.bin` (the exact ESC/POS
 * bytes a real printer would get) into `dir`. Files appear whole (written, then renamed), so a
 * page showing the PNG never reads half of one.
 */
export function createSimulatedPrinter(dir: string): PrinterPort {
  return {
    description: `simulated printer in ${dir}`,
    status: async () => ({ status: 'ok' }),
    async print(job: PrinterJob) {
      await mkdir(dir, { recursive: true });
      const image = job.preview();
      const png = PNG.sync.write(Object.assign(new PNG({ width: image.width, height: image.height }), { data: Buffer.from(toRgba(image).buffer) }));
      const put = async (name: string, data: Uint8Array) => {
        const tmp = join(dir, `.${name}.tmp`);
        await writeFile(tmp, data);
        await rename(tmp, join(dir, name));
      };
      await put(`${job.jobId}.bin`, job.bytes);
      await put(`${job.jobId}.png`, png);
    },
    close: async () => {},
  };
}
