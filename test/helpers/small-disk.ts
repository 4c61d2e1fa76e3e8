import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { tempDir } from './temp-dir.ts';

const IS_ROOT = process.getuid?.() === 0;
const IN_CI = process.env.CI === 'true';

/** Root may still be refused a mount (a container without CAP_SYS_ADMIN): try once. */
function probeMount(): boolean {
  if (!IS_ROOT) return false;
  const probe = tempDir('luot-mount-probe');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.path], { stdio: 'ignore' });
    execFileSync('umount', [probe.path], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.remove();
  }
}

/** This process can mount a tmpfs (root, and allowed to). */
export const CAN_MOUNT = probeMount();

/**
 * `describe` for tests on a real small disk (a tmpfs mounted by the test; only root may mount).
 * Not root (or mounting refused): skipped with a loud warning, except under CI=true where it fails
 * the run instead of passing it silently (.ci/run runs as root).
 */
export function describeOnSmallDisk(name: string, body: () => void): void {
  if (!CAN_MOUNT && !IN_CI) {
    console.warn(
      [
        '',
        '#'.repeat(78),
        `#  SMALL-DISK TESTS SKIPPED ("${name}"): ${IS_ROOT ? 'root, but mount is refused here' : 'not root'}: cannot mount a tmpfs.`,
        '#  A full or read-only store was NOT tested. Run as root (CI=true makes this fail).',
        '#'.repeat(78),
        '',
      ].join('\n'),
    );
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

export interface SmallDisk {
  path: string;
  /** Fills every free byte with a filler file (ENOSPC reached). */
  fill(): void;
  /** Deletes the filler: space is back. */
  free(): void;
  /** Remounts read-only (`ro: true`) or read-write. */
  remount(options: { ro: boolean }): void;
  remove(): void;
}

/** A tmpfs of `sizeMb` MiB mounted on a fresh temp folder. */
export function mountSmallDisk(sizeMb: number): SmallDisk {
  if (!CAN_MOUNT)
    throw new Error(
      `cannot mount a tmpfs (${IS_ROOT ? 'mount refused: a container without CAP_SYS_ADMIN?' : 'not root'}); CI=true requires it (.ci/run runs as root)`,
    );
  const dir = tempDir('luot-small-disk');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir.path]);
  const filler = join(dir.path, 'filler');
  return {
    path: dir.path,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then smaller ones for the tail, down to single bytes.
        for (let size = 1 << 16; size >= 1; size >>= 4) {
          const chunk = Buffer.alloc(size, 0x55);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    remount({ ro }) {
      execFileSync('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir.path]);
    },
    remove() {
      try {
        execFileSync('umount', ['-l', dir.path]);
      } finally {
        dir.remove();
      }
    },
  };
}
