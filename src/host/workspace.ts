// Which workspace a hook call belongs to, and the key its lock is stored under.

import * as nodeFs from "node:fs";
import { dirname, join, resolve } from "node:path";
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
 * CLAUDE_SESSION_GUARD_WORKSPACE names the workspace outright. Otherwise start from
 * CLAUDE_PROJECT_DIR (where the session started) or the payload's cwd, resolve symlinks so every
 * spelling of a directory is one workspace, and take the nearest ancestor holding a `.git` entry.
 * A `.git` file counts too, which makes each linked git worktree a workspace of its own.
 */
export function resolveWorkspace(
  env: NodeJS.ProcessEnv,
  cwd: string | null,
  fs: WorkspaceFs = nodeFs,
): Workspace {
  const explicit = nonEmpty(env.CLAUDE_SESSION_GUARD_WORKSPACE);
  const path = explicit !== undefined ? realpathOrResolved(explicit, fs) : gitRoot(startDirectory(env, cwd, fs), fs);
  return { path, key: workspaceKey(nonEmpty(env.CLAUDE_SESSION_GUARD_WORKSPACE_ID) ?? path) };
}

export function workspaceKey(identity: string): string {
  return md5Hex(identity).slice(0, 12);
}

function startDirectory(env: NodeJS.ProcessEnv, cwd: string | null, fs: WorkspaceFs): string {
  const start = nonEmpty(env.CLAUDE_PROJECT_DIR) ?? cwd;
  if (start === null) throw new WorkspaceError(M.noCwd);
  try {
    return fs.realpathSync(start);
  } catch (error) {
    throw new WorkspaceError(M.unresolvable(start, messageOf(error)), { cause: error });
  }
}

function gitRoot(start: string, fs: WorkspaceFs): string {
  try {
    if (exists(join(start, ".git"), fs)) return start;
  } catch (error) {
    // The start is a file: no workspace can be found from it (checked here, not by an extra stat).
    if (errnoOf(error) === "ENOTDIR") throw new WorkspaceError(M.notDirectory(start));
    throw error;
  }
  for (let dir = dirname(start); ; dir = dirname(dir)) {
    if (exists(join(dir, ".git"), fs)) return dir;
    if (dirname(dir) === dir) return start;
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
