// `install` / `uninstall`: wire the guard into one Claude Code settings file, or unwire it.
// Idempotent and reversible: everything that is not ours stays as it was (keys, other hooks,
// indentation), a second install writes nothing, and uninstall removes exactly our entries (and
// the file, and a project's `.claude/`, when that leaves them empty).
// The command written must keep working after npx's cache is gone: the bare name when a shell
// finds it on PATH, else the absolute path of this installation, never `npx`.

import { dirname, join } from "node:path";
import { SettingsError, UserError, WorkspaceError } from "../errors.js";
import { claudeConfigDir } from "../host/paths.js";
import { resolveWorkspace } from "../host/workspace.js";
import { operator as M, shellQuote } from "../messages.js";
import { findOnPath } from "../settings/executable.js";
import { type HookChange, installGuardHooks, type Json, uninstallGuardHooks } from "../settings/guardHooks.js";
import { readSettingsFile, removeSettingsFile, renderSettings, type SettingsText, writeSettingsFile } from "../settings/settingsFile.js";
import type { CommandDeps, CommandResult } from "./deps.js";

export const SCOPES = ["project", "local", "user"] as const;
export type Scope = (typeof SCOPES)[number];

export const BIN_NAME = "claude-session-guard";

export interface InstallOptions {
  scope?: string;
  dryRun?: boolean;
}

type InstallDeps = Pick<CommandDeps, "env" | "cwd" | "fs" | "writeFileAtomic" | "argv1">;

export function parseScope(scope: string | undefined): Scope {
  const value = scope ?? "project";
  if (!(SCOPES as readonly string[]).includes(value)) throw new UserError(M.invalidScope(value), 2);
  return value as Scope;
}

/**
 * Project and local settings live under the workspace root of the current directory (the same
 * nearest-`.git` rule as the lock), so running install from a subdirectory wires the repository.
 */
export function projectRoot(deps: Pick<CommandDeps, "cwd" | "fs">): string {
  try {
    return resolveWorkspace({}, deps.cwd, deps.fs).path;
  } catch (error) {
    if (error instanceof WorkspaceError) throw new UserError(error.message, 1, error.code);
    throw error;
  }
}

function realCwd(deps: Pick<CommandDeps, "cwd" | "fs">): string {
  try {
    return deps.fs.realpathSync(deps.cwd);
  } catch {
    return deps.cwd;
  }
}

export function settingsPathFor(scope: Scope, deps: Pick<CommandDeps, "env" | "cwd" | "fs">): string {
  switch (scope) {
    case "user":
      return join(claudeConfigDir(deps.env), "settings.json");
    case "project":
      return join(projectRoot(deps), ".claude", "settings.json");
    case "local":
      return join(projectRoot(deps), ".claude", "settings.local.json");
  }
}

export interface Launcher {
  /** What goes before the subcommand in the settings file. */
  prefix: string;
  onPath: boolean;
}

/** The command prefix to write: see the module comment. */
export function launcher(deps: Pick<CommandDeps, "env" | "fs" | "argv1">): Launcher {
  if (findOnPath(BIN_NAME, deps.env.PATH, { statSync: deps.fs.statSync, accessSync: deps.fs.accessSync }) !== null) {
    return { prefix: BIN_NAME, onPath: true };
  }
  let self: string;
  try {
    self = deps.fs.realpathSync(deps.argv1);
  } catch {
    self = deps.argv1;
  }
  // npx runs packages from a cache that npm may prune at any time; a hook pointing there breaks
  // silently later. Ask for a real installation instead.
  if (/[\\/]_npx[\\/]/.test(self)) throw new UserError(M.runningFromNpx, 1, "ENPX");
  return { prefix: shellQuote(self), onPath: false };
}

export async function installCommand(options: InstallOptions, deps: InstallDeps): Promise<CommandResult> {
  const scope = parseScope(options.scope);
  const path = settingsPathFor(scope, deps);
  const file = read(path, deps);
  const { prefix, onPath } = launcher(deps);
  const { settings, changes } = edit(() => installGuardHooks(file.value, prefix), path);
  const notes = !onPath && scope !== "user" ? [M.absolutePathInShared(prefix)] : [];
  if (scope !== "user") {
    const here = realCwd(deps);
    const root = projectRoot(deps);
    if (here !== root) notes.push(M.subdirectoryNote(root, here));
  }
  return apply(file, settings, changes, options.dryRun === true, deps, "install", notes);
}

export async function uninstallCommand(options: InstallOptions, deps: InstallDeps): Promise<CommandResult> {
  const scope = parseScope(options.scope);
  const path = settingsPathFor(scope, deps);
  const file = read(path, deps);
  const { settings, changes } = edit(() => uninstallGuardHooks(file.value), path);
  // A file that held only our hooks goes, and with it a project's `.claude/` if nothing else is there.
  if (changes.length > 0 && Object.keys(settings).length === 0) return remove(file, scope, changes, options.dryRun === true, deps);
  return apply(file, settings, changes, options.dryRun === true, deps, "uninstall", []);
}

function remove(file: SettingsText, scope: Scope, changes: HookChange[], dryRun: boolean, deps: InstallDeps): CommandResult {
  const lines = [dryRun ? M.wouldChange(file.path) : M.uninstalled(file.path), ...changes.map(changeLine)];
  if (dryRun) {
    lines.push(M.wouldRemoveEmptyFile(file.path), M.dryRunNothingWritten);
    return { exitCode: 0, stdout: `${lines.join("\n")}\n` };
  }
  let removed;
  try {
    removed = removeSettingsFile(file, deps.fs, scope !== "user");
  } catch (error) {
    throw settingsProblem(error);
  }
  lines.push(M.removedEmptyFile(file.path), ...(removed.directory ? [M.removedEmptyDirectory(dirname(file.path))] : []), M.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}\n` };
}

function read(path: string, deps: InstallDeps): SettingsText {
  try {
    return readSettingsFile(path, deps.fs);
  } catch (error) {
    throw settingsProblem(error);
  }
}

function edit(change: () => { settings: Json; changes: HookChange[] }, path: string) {
  try {
    return change();
  } catch (error) {
    if (error instanceof SettingsError && error.code === "ESHAPE") throw new UserError(M.settingsShape(path, error.message), 1, error.code);
    throw error;
  }
}

function apply(
  file: SettingsText,
  settings: Json,
  changes: HookChange[],
  dryRun: boolean,
  deps: InstallDeps,
  verb: "install" | "uninstall",
  notes: string[],
): CommandResult {
  if (changes.length === 0) {
    const line = verb === "install" ? M.alreadyInstalled(file.path) : M.nothingToUninstall(file.path);
    return { exitCode: 0, stdout: `${[line, ...notes].join("\n")}\n` };
  }
  const lines = [dryRun ? M.wouldChange(file.path) : verb === "install" ? M.installed(file.path) : M.uninstalled(file.path), ...changes.map(changeLine)];
  if (!dryRun) {
    try {
      writeSettingsFile(file, renderSettings(settings, file.layout), deps.fs, deps.writeFileAtomic);
    } catch (error) {
      throw settingsProblem(error);
    }
  }
  lines.push(...notes, dryRun ? M.dryRunNothingWritten : M.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}\n` };
}

function settingsProblem(error: unknown): UserError {
  if (!(error instanceof SettingsError)) throw error;
  switch (error.code) {
    case "EJSON":
      return new UserError(M.settingsInvalidJson(error.message), 1, error.code);
    case "EREADONLY":
      return new UserError(M.settingsReadOnly(error.path ?? "", error.message), 1, error.code);
    default:
      return new UserError(error.message, 1, error.code);
  }
}

/** One line of what install or uninstall changed. */
function changeLine(change: HookChange): string {
  switch (change.kind) {
    case "add":
      return M.added(change.event, change.command);
    case "update":
      if (change.previous !== change.command) return M.updated(change.event, change.previous ?? "", change.command);
      return change.why === "matcher" ? M.movedToOwnGroup(change.event, change.command) : M.timeoutSet(change.event, change.command);
    case "remove":
      return M.removed(change.event, change.command, change.why === "duplicate" || change.why === "wrong-event" ? change.why : null);
  }
}

