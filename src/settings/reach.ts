// Which settings files Claude Code reads for a session, and so which sessions a file's hooks
// reach. Checked with Claude Code 2.1.331 (and read from its bundle):
// - user settings, <config>/settings.json: every session of the user;
// - project settings: only <start>/.claude/settings.json of the directory the session starts in,
//   never a parent's, never an --add-dir directory's;
// - local settings: <start>/.claude/settings.local.json, and also the one at the repository's
//   canonical root: the main checkout of the git repository the session starts in, for sessions
//   started in its subdirectories and in its linked worktrees, provided the current user owns the
//   root, its .git and its .claude (otherwise only the start directory's, as before).
// Hooks are never loaded from directories added with --add-dir.

import type * as nodeFs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export type ReachFs = Pick<typeof nodeFs, "lstatSync" | "readFileSync" | "realpathSync">;

/** Where a settings file sits, as install writes it and doctor reads it. */
export type Scope = "user" | "project" | "local";

/**
 * The sessions a settings file's hooks reach:
 * - `every`: every session of this user;
 * - `start-only`: sessions started in `root` itself, not in its subdirectories;
 * - `repository`: sessions started anywhere in the git repository `root` or its linked worktrees.
 */
export type Reach = { kind: "every" } | { kind: "start-only"; root: string } | { kind: "repository"; root: string };

/** What the reading needs to know about the machine. */
export interface ReachContext {
  fs: ReachFs;
  /** This process's user, where the platform has uids (local settings need the root to be theirs). */
  uid?: number | undefined;
  /** The user's home directory: a repository rooted there is never a canonical root. */
  home?: string | undefined;
}

/** The reach of hooks written into `scope`'s file under `root` (a workspace root, for project and local). */
export function reachOf(scope: Scope, root: string, context: ReachContext): Reach {
  if (scope === "user") return { kind: "every" };
  if (scope === "local" && canonicalRoot(root, context) === root) return { kind: "repository", root };
  return { kind: "start-only", root };
}

/** The local settings files Claude Code reads for a session started in `start` (a real path), nearest first. */
export function localSettingsPaths(start: string, context: ReachContext): string[] {
  const paths = [join(start, ".claude", "settings.local.json")];
  const root = canonicalRoot(start, context);
  if (root !== null && root !== start) paths.push(join(root, ".claude", "settings.local.json"));
  return paths;
}

/**
 * The canonical root of the git repository `start` is in: the main checkout, also for a linked
 * worktree; null outside git, for a repository whose root is the home directory, or when this
 * user does not own it.
 */
export function canonicalRoot(start: string, context: ReachContext): string | null {
  const { fs } = context;
  let top: string | null = null;
  for (let dir = start; ; dir = dirname(dir)) {
    if (fs.lstatSync(join(dir, ".git"), { throwIfNoEntry: false }) !== undefined) {
      top = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  if (top === null) return null;
  const root = mainCheckout(top, fs);
  if (context.home !== undefined && root === realpathOr(context.home, fs)) return null;
  return ownedByUser(root, context) ? root : null;
}

/** A linked worktree's `.git` file names its git dir, whose `commondir` leads to the main `.git`. */
function mainCheckout(top: string, fs: ReachFs): string {
  const entry = fs.lstatSync(join(top, ".git"), { throwIfNoEntry: false });
  if (entry === undefined || entry.isDirectory()) return top;
  try {
    const gitdir = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(join(top, ".git"), "utf8"))?.[1];
    if (gitdir === undefined) return top;
    const gitDir = resolve(top, gitdir);
    const common = resolve(gitDir, fs.readFileSync(join(gitDir, "commondir"), "utf8").trim());
    return basename(common) === ".git" ? realpathOr(dirname(common), fs) : top;
  } catch {
    // No commondir (a submodule) or an unreadable one: the checkout is its own root.
    return top;
  }
}

function ownedByUser(root: string, { fs, uid }: ReachContext): boolean {
  if (uid === undefined) return false;
  const owner = (path: string) => fs.lstatSync(path, { throwIfNoEntry: false })?.uid;
  const claude = owner(join(root, ".claude"));
  return owner(root) === uid && owner(join(root, ".git")) === uid && (claude === undefined || claude === uid);
}

function realpathOr(path: string, fs: ReachFs): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}
