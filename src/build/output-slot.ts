/**
 * The production build's output folder, replaced whole or not at all. A build writes into
 * a folder beside the output (`_site.build-<pid>-<random>`); only a build that fully
 * succeeded publishes it, by pointing the output path (a symlink) at it with one
 * rename(2), which is atomic: a reader, a deploy or a kill at any moment sees either the
 * previous complete site or the new one. A real folder has no atomic replacement (rename
 * onto a non-empty folder fails), hence the link.
 *
 * The site a publish replaces is kept as the spare (`_site.spare`), and the next build
 * writes into its folders: it takes the spare, deletes its files while Eleventy starts,
 * and removes the folders it wrote nothing into before it publishes. Making a few
 * hundred folders for every build, and deleting as many of the site before, was a large
 * part of a small site's build (BENCHMARKS.md). Every file published is one this build
 * wrote; only folders are reused.
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync } from "node:fs";
import { rm, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** A folder being built, and how to publish or drop it. */
export interface OutputSlot {
  /** Where this build writes, beside the output: the spare's folders, or an empty folder when there is none. */
  staging: string;
  /** Resolves once `staging` holds no file of an earlier site: write into it only after. */
  ready(): Promise<void>;
  /**
   * Deletes the spare's folders this build wrote nothing into, makes the output path show
   * `staging` (atomically), then keeps the previous site as the spare.
   */
  publish(): void;
  /** Deletes `staging` unless it was published: the output keeps showing the previous site. */
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

/** Where the site a publish replaced waits to be built over: `_site.spare`. */
export const spareOf = (output: string): string => `${output}.spare`;

/**
 * Takes the spare as `staging` (an empty folder: rename(2) replaces it atomically) and
 * starts deleting its files; its folders stay. Undefined when there is no spare (a first
 * build, or another build took it).
 */
function takeSpare(output: string, staging: string): { folders: string[]; clearing: Promise<PromiseSettledResult<void>[]> } | undefined {
  try {
    renameSync(spareOf(output), staging);
  } catch {
    return undefined;
  }
  const folders: string[] = [];
  const files: string[] = [];
  for (const entry of readdirSync(staging, { recursive: true, withFileTypes: true })) {
    (entry.isDirectory() ? folders : files).push(join(entry.parentPath, entry.name));
  }
  // Settled, never rejected: a build that stops before it is ready leaves no unhandled rejection.
  return { folders, clearing: Promise.allSettled(files.map((file) => unlink(file))) };
}

/** Deletes those of `folders` that hold nothing, deepest first (so a parent of emptied ones goes too). */
function removeEmptyFolders(folders: readonly string[]): void {
  const deepestFirst = [...folders].sort((a, b) => b.length - a.length);
  for (const folder of deepestFirst) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty: this build wrote into it.
    }
  }
}

/** Cleans up after earlier builds and opens a staging folder beside `output`: the spare when there is one. */
export function openOutputSlot(output: string): OutputSlot {
  // The list is taken now, before this build's folder exists; the deleting goes on beside the build.
  const removing: Promise<unknown>[] = [removeStaleBuilds(output)];
  const base = basename(output);
  const dir = dirname(output);
  const staging = mkdtempSync(join(dir, `${base}.build-${process.pid}-`));
  const spareTaken = takeSpare(output, staging);
  if (spareTaken) removing.push(spareTaken.clearing);
  // mkdtemp makes the folder private (0700); the published site is read by web servers.
  chmodSync(staging, 0o777 & ~process.umask());
  let published = false;
  /** Keeps `folder` (a site no longer published) as the spare, or deletes it when there already is one. */
  const spare = (folder: string) => {
    try {
      renameSync(folder, spareOf(output));
    } catch {
      removing.push(removeFolder(folder));
    }
  };
  return {
    staging,
    publish() {
      // Folders of the earlier site that this one has nothing in.
      if (spareTaken) removeEmptyFolders(spareTaken.folders);
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
      if (previous && previous !== basename(staging)) spare(join(dir, previous));
    },
    async ready() {
      const failed = (await spareTaken?.clearing)?.find((result) => result.status === "rejected");
      if (failed) throw new Error(`could not empty ${staging} of the previous site: ${(failed.reason as Error).message}`);
    },
    discard() {
      // Deleted, not kept as the spare: a build that failed in the spare's folders (a
      // folder of the earlier site where this one writes a file, say) must not leave the
      // next build the same folders to fail in.
      if (!published) removing.push(removeFolder(staging));
    },
    async removals() {
      await Promise.all(removing);
    },
  };
}
