import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadLogo } from '../../firmware-bridge/bridge.ts';
import { tempDir } from '../helpers/temp-dir.ts';

function png(width: number, height: number, dark: (x: number, y: number) => boolean): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = dark(x, y) ? 20 : 240;
      image.data.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(image);
}

describe('the ticket logo', () => {
  it('is read from a PNG as dots, and refused when wider than the paper', () => {
    const dir = tempDir('luot-logo');
    try {
      const file = join(dir.path, 'logo.png');
      writeFileSync(
        file,
        png(40, 10, (x) => x < 20),
      );
      const logo = loadLogo(file, 384);
      expect([logo.width, logo.height]).toEqual([40, 10]);
      expect(logo.bits[0]).toBe(1);
      expect(logo.bits[39]).toBe(0);
      writeFileSync(
        file,
        png(400, 10, () => true),
      );
      expect(() => loadLogo(file, 384)).toThrow(/400 dots wide/);
    } finally {
      dir.remove();
    }
  });
});
