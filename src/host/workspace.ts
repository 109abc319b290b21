// Which workspace a hook call belongs to, and the key its lock is stored under.
//
// The workspace of a call is where it acts: the file a Write or Edit changes, the directory a
// command runs in. Every path is resolved (symlinks too, so every spelling of a place is one
// workspace), then the nearest ancestor holding a `.git` entry is the workspace. A `.git` file
// counts too, which makes each linked git worktree a workspace of its own.

import * as nodeFs from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { errnoOf, messageOf, WorkspaceError } from "../errors.js";
import { md5Hex } from "../lock/md5.js";
import { workspace as M } from "../messages.js";

export interface Workspace {
  /** The resolved workspace path. */
  path: string;
  /** First 12 hex chars of MD5 of the workspace id (CLAUDE_SESSION_GUARD_WORKSPACE_ID) or path. */
  key: string;
}

export type WorkspaceFs = Pick<typeof nodeFs, "realpathSync" | "lstatSync">;

/**
 * The workspace of a place: CLAUDE_SESSION_GUARD_WORKSPACE names it outright. Otherwise `cwd`
 * (the payload's, which follows `cd` and EnterWorktree; CLAUDE_PROJECT_DIR, the start directory,
 * only when there is none) resolved and climbed to the nearest `.git`; a directory inside no
 * repository is its own workspace.
 */
export function resolveWorkspace(env: NodeJS.ProcessEnv, cwd: string | null, fs: WorkspaceFs = nodeFs): Workspace {
  const explicit = nonEmpty(env.CLAUDE_SESSION_GUARD_WORKSPACE);
  if (explicit !== undefined) return named(env, realpathOrResolved(explicit, fs));
  const start = startDirectory(env, cwd, fs);
  return named(env, gitRoot(start, fs) ?? start);
}

/**
 * The workspace a call that changes `target` (a file path, relative to `cwd` when not absolute)
 * acts in. A path that does not exist yet resolves through its nearest existing ancestor. A target
 * inside no git repository belongs to the workspace of `cwd`, so scratch files in /tmp and Claude
 * Code's own files under ~/.claude never make two sessions deny each other.
 */
export function workspaceOfTarget(env: NodeJS.ProcessEnv, target: string, cwd: string | null, fs: WorkspaceFs = nodeFs): Workspace {
  const explicit = nonEmpty(env.CLAUDE_SESSION_GUARD_WORKSPACE);
  if (explicit !== undefined) return named(env, realpathOrResolved(explicit, fs));
  const base = cwd ?? nonEmpty(env.CLAUDE_PROJECT_DIR);
  if (!isAbsolute(target) && base === undefined) throw new WorkspaceError(M.noCwd);
  const root = gitRoot(existingDirectory(isAbsolute(target) ? target : resolve(base!, target), fs), fs);
  return root === null ? resolveWorkspace(env, cwd, fs) : named(env, root);
}

export function workspaceKey(identity: string): string {
  return md5Hex(identity).slice(0, 12);
}

function named(env: NodeJS.ProcessEnv, path: string): Workspace {
  return { path, key: workspaceKey(nonEmpty(env.CLAUDE_SESSION_GUARD_WORKSPACE_ID) ?? path) };
}

function startDirectory(env: NodeJS.ProcessEnv, cwd: string | null, fs: WorkspaceFs): string {
  const start = cwd ?? nonEmpty(env.CLAUDE_PROJECT_DIR) ?? null;
  if (start === null) throw new WorkspaceError(M.noCwd);
  try {
    return fs.realpathSync(start);
  } catch (error) {
    throw new WorkspaceError(M.unresolvable(start, messageOf(error)), { cause: error });
  }
}

/** The real directory a path is in: its own, if it is one, else the nearest existing ancestor's. */
function existingDirectory(path: string, fs: WorkspaceFs): string {
  for (let at = path; ; at = dirname(at)) {
    let real: string;
    try {
      real = fs.realpathSync(at);
    } catch (error) {
      const code = errnoOf(error);
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(at) !== at) continue;
      throw new WorkspaceError(M.unresolvable(at, messageOf(error)), { cause: error });
    }
    // The target itself (a file) or its nearest existing directory: climbing starts at a directory.
    return at === path && !isDirectory(real, fs) ? dirname(real) : real;
  }
}

function isDirectory(path: string, fs: WorkspaceFs): boolean {
  return fs.lstatSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
}

/** The nearest directory from `start` up holding a `.git` entry, or null inside no repository. */
function gitRoot(start: string, fs: WorkspaceFs): string | null {
  try {
    if (exists(join(start, ".git"), fs)) return start;
  } catch (error) {
    // The start is a file: no workspace can be found from it (checked here, not by an extra stat).
    if (errnoOf(error) === "ENOTDIR") throw new WorkspaceError(M.notDirectory(start));
    throw error;
  }
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (exists(join(dir, ".git"), fs)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

function exists(path: string, fs: WorkspaceFs): boolean {
  return fs.lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function realpathOrResolved(path: string, fs: WorkspaceFs): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
