/**
 * The production build's output folder, replaced whole or not at all. A build writes into
 * a fresh folder beside the output (`_site.build-<pid>-<random>`); only a build that fully
 * succeeded publishes it, by pointing the output path (a symlink) at it with one
 * rename(2), which is atomic: a reader, a deploy or a kill at any moment sees either the
 * previous complete site or the new one. A real folder has no atomic replacement (rename
 * onto a non-empty folder fails), hence the link.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A folder being built, and how to publish or drop it. */
export interface OutputSlot {
  /** Where this build writes: an empty folder beside the output. */
  staging: string;
  /** Makes the output path show `staging` (atomically), then removes the previous site. */
  publish(): void;
  /** Removes `staging` unless it was published: the output keeps showing the previous site. */
  discard(): void;
  /**
   * Earlier builds' folders are deleted in the background, while this one builds (a few
   * thousand files each): resolves when that is done. A build awaits it before it exits.
   */
  removals(): Promise<void>;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `_site.build-<pid>-<random>` (and `.link-<pid>` leftovers of an interrupted publish). */
function ownedPattern(base: string): RegExp {
  return new RegExp(`^${escapeRegExp(base)}\\.(?:build|link)-(\\d+)(?:-[A-Za-z0-9-]+)?$`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The folder name the output link points at, or undefined when it is a folder or absent. */
export function currentTarget(output: string): string | undefined {
  try {
    return lstatSync(output).isSymbolicLink() ? basename(readlinkSync(output)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes what killed or failed builds left beside `output`: staging folders whose build
 * process is gone, except the one the output shows. Folders of a build still running
 * (another `npm run build`) are left alone. Resolves, with their names, once they are gone.
 */
export async function removeStaleBuilds(output: string): Promise<string[]> {
  const dir = dirname(output);
  const pattern = ownedPattern(basename(output));
  const keep = currentTarget(output);
  const stale = readdirSync(dir).filter((name) => {
    const pid = pattern.exec(name)?.[1];
    return pid !== undefined && name !== keep && (Number(pid) === process.pid || !isRunning(Number(pid)));
  });
  await Promise.all(stale.map((name) => removeFolder(join(dir, name))));
  return stale;
}

/** Deletes a folder; one that cannot be deleted is left for the next build's {@link removeStaleBuilds}. */
const removeFolder = (path: string): Promise<void> => rm(path, { recursive: true, force: true }).catch(() => undefined);

/** Cleans up after earlier builds and opens a fresh staging folder beside `output`. */
export function openOutputSlot(output: string): OutputSlot {
  // The list is taken now, before this build's folder exists; the deleting goes on beside the build.
  const removing: Promise<unknown>[] = [removeStaleBuilds(output)];
  const base = basename(output);
  const dir = dirname(output);
  const staging = mkdtempSync(join(dir, `${base}.build-${process.pid}-`));
  // mkdtemp makes the folder private (0700); the published site is read by web servers.
  chmodSync(staging, 0o777 & ~process.umask());
  let published = false;
  return {
    staging,
    publish() {
      const previous = currentTarget(output);
      const link = join(dir, `${base}.link-${process.pid}`);
      rmSync(link, { force: true });
      // Relative, so the project folder can move.
      symlinkSync(basename(staging), link);
      try {
        renameSync(link, output);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EISDIR" && code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
        // A real folder from before (Eleventy's own CLI, an old build): moved aside once,
        // then removed; only this first switch to a link has a moment without `output`.
        const aside = `${staging}-old`;
        renameSync(output, aside);
        renameSync(link, output);
        removing.push(removeFolder(aside));
      }
      published = true;
      if (previous && previous !== basename(staging)) removing.push(removeFolder(join(dir, previous)));
    },
    discard() {
      if (!published) rmSync(staging, { recursive: true, force: true });
    },
    async removals() {
      await Promise.all(removing);
    },
  };
}
