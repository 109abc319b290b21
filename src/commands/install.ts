// `install` / `uninstall`: wire the guard into one Claude Code settings file (or, with --agent,
// another agent's hooks file), or unwire it. Idempotent and reversible: everything that is not
// ours stays as it was (keys, other hooks, indentation), a second install writes nothing, and
// uninstall removes exactly our entries (and the file, and a project's `.claude/`, when that
// leaves them empty). Codex CLI also needs its hooks trusted (settings/codexTrust.ts).
// The default is the user's settings: Claude Code reads them for every session, where a
// project's settings reach only sessions started at its root (see settings/reach.ts); a narrower
// scope says which sessions it leaves unguarded.
// The command written must keep working after npx's cache is gone: the bare name when a shell
// finds it on PATH, else the absolute path of this installation, never `npx`.

import { dirname, join } from "node:path";
import { isAgentName } from "../agents/names.js";
import { errnoOf, messageOf, SettingsError, UserError, WorkspaceError } from "../errors.js";
import { claudeConfigDir, homeDir } from "../host/paths.js";
import { resolveWorkspace } from "../host/workspace.js";
import { operator as M, shellQuote } from "../messages.js";
import { findOnPath } from "../settings/executable.js";
import { AGENT_WIRING, COPILOT_FILE, type OtherAgent } from "../settings/agentFiles.js";
import { projectTrusted, trustEntries, withoutTrust, withTrust } from "../settings/codexTrust.js";
import { keepLocalSettingsOutOfGit } from "../settings/gitIgnore.js";
import { enabledGuardPlugins } from "../settings/guardPlugin.js";
import { type HookChange, installGuardHooks, isObject, type Json, uninstallGuardHooks } from "../settings/guardHooks.js";
import { type Reach, reachOf } from "../settings/reach.js";
import { readSettingsFile, removeSettingsFile, renderSettings, type SettingsText, writeSettingsFile } from "../settings/settingsFile.js";
import type { CommandDeps, CommandResult } from "./deps.js";

export const SCOPES = ["user", "project", "local"] as const;
export type Scope = (typeof SCOPES)[number];
export const DEFAULT_SCOPE: Scope = "user";

export const BIN_NAME = "claude-session-guard";

export const AGENTS = ["claude", "codex", "gemini", "cursor", "copilot"] as const;

export interface InstallOptions {
  scope?: string;
  dryRun?: boolean;
  /** claude (the default), or the agent whose hooks file to wire. */
  agent?: string;
}

type InstallDeps = Pick<CommandDeps, "env" | "cwd" | "fs" | "writeFileAtomic" | "argv1" | "git" | "uid">;

export function parseScope(scope: string | undefined): Scope {
  const value = scope ?? DEFAULT_SCOPE;
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

/** The settings file a command works on, and which sessions read it. */
interface Target {
  scope: Scope;
  path: string;
  reach: Reach;
}

function targetOf(options: InstallOptions, deps: InstallDeps): Target {
  const scope = parseScope(options.scope);
  const path = settingsPathFor(scope, deps);
  const root = scope === "user" ? "" : dirname(dirname(path));
  return { scope, path, reach: reachOf(scope, root, { fs: deps.fs, uid: deps.uid, home: homeDir(deps.env) }) };
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
  const agent = otherAgent(options);
  if (agent !== null) return installAgent(agent, options, deps);
  const target = targetOf(options, deps);
  const dryRun = options.dryRun === true;
  const file = read(target.path, deps);
  const { prefix, onPath } = launcher(deps);
  const { settings, changes } = edit(() => installGuardHooks(file.value, prefix), target.path);
  const lines = changes.length === 0 ? [M.alreadyInstalled(file.path)] : write(file, settings, changes, dryRun, deps, "install");
  if (target.scope === "local") lines.push(...outOfGit(target, deps, dryRun));
  if (!onPath && target.scope === "project") lines.push(M.absolutePathInShared(prefix));
  const unguarded = unguardedNote(target, realCwd(deps));
  if (unguarded !== null) lines.push(unguarded);
  const plugin = pluginAlsoWiring(target, file, deps);
  if (plugin !== null) lines.push(M.pluginAlsoEnabled(plugin.id, plugin.path, target.scope));
  if (changes.length > 0) lines.push(dryRun ? M.dryRunNothingWritten : M.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}\n` };
}

export async function uninstallCommand(options: InstallOptions, deps: InstallDeps): Promise<CommandResult> {
  const agent = otherAgent(options);
  if (agent !== null) return uninstallAgent(agent, options, deps);
  const target = targetOf(options, deps);
  const dryRun = options.dryRun === true;
  const file = read(target.path, deps);
  const { settings, changes } = edit(() => uninstallGuardHooks(file.value), target.path);
  if (changes.length === 0) return { exitCode: 0, stdout: `${M.nothingToUninstall(file.path)}\n` };
  // A file that held only our hooks goes, and with it a project's `.claude/` if nothing else is there.
  const lines =
    Object.keys(settings).length === 0 ? remove(file, target.scope !== "user", changes, dryRun, deps) : write(file, settings, changes, dryRun, deps, "uninstall");
  lines.push(dryRun ? M.dryRunNothingWritten : M.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}\n` };
}

/**
 * The guard's plugin enabled in the target file or the user's settings: it runs the same hooks,
 * so with both every hook would run twice (doctor warns too; install says so at once).
 */
function pluginAlsoWiring(target: Target, file: SettingsText, deps: InstallDeps): { id: string; path: string } | null {
  const files = [file];
  if (target.scope !== "user") {
    try {
      files.push(readSettingsFile(settingsPathFor("user", deps), deps.fs));
    } catch {
      // Unreadable user settings enable nothing that Claude Code would load either.
    }
  }
  for (const { value, path } of files) {
    const [id] = enabledGuardPlugins(value);
    if (id !== undefined) return { id, path };
  }
  return null;
}

/** Which sessions the target's hooks leave out, said once per install; null when none. */
function unguardedNote(target: Target, here: string): string | null {
  switch (target.reach.kind) {
    case "every":
      return null;
    case "start-only":
      return M.unguardedStartOnly(target.scope === "local" ? "local" : "project", target.reach.root, here === target.reach.root ? null : here);
    case "repository":
      return M.unguardedRepository(target.reach.root);
  }
}

function outOfGit(target: Target, deps: InstallDeps, dryRun: boolean): string[] {
  const root = dirname(dirname(target.path));
  const outcome = keepLocalSettingsOutOfGit(root, { git: deps.git, fs: deps.fs, env: deps.env, home: homeDir(deps.env) }, dryRun);
  switch (outcome.kind) {
    case "no-repository":
    case "ignored":
      return [];
    case "added":
      return [outcome.dryRun ? M.wouldIgnoreLocal(outcome.file) : M.ignoredLocal(outcome.file), ...(outcome.tracked ? [M.localTracked] : [])];
    case "tracked":
      return [M.localTracked];
    case "unread":
      return [M.ignoreUnread(outcome.file)];
    case "failed":
      return [M.ignoreFailed(outcome.file, outcome.detail)];
  }
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

/** Writes the edited settings (unless a dry run) and returns the lines that say what changed. */
function write(file: SettingsText, settings: Json, changes: HookChange[], dryRun: boolean, deps: InstallDeps, verb: "install" | "uninstall"): string[] {
  if (!dryRun) {
    try {
      writeSettingsFile(file, renderSettings(settings, file.layout), deps.fs, deps.writeFileAtomic);
    } catch (error) {
      throw settingsProblem(error);
    }
  }
  return [dryRun ? M.wouldChange(file.path) : verb === "install" ? M.installed(file.path) : M.uninstalled(file.path), ...changes.map(changeLine)];
}

function remove(file: SettingsText, removeDirectory: boolean, changes: HookChange[], dryRun: boolean, deps: InstallDeps): string[] {
  const lines = [dryRun ? M.wouldChange(file.path) : M.uninstalled(file.path), ...changes.map(changeLine)];
  const dir = dirname(file.path);
  if (dryRun) return [...lines, M.wouldRemoveEmptyFile(file.path)];
  let removed;
  try {
    removed = removeSettingsFile(file, deps.fs, removeDirectory);
  } catch (error) {
    throw settingsProblem(error);
  }
  return [...lines, M.removedEmptyFile(file.path), ...(removed.directory ? [M.removedEmptyDirectory(dir)] : [])];
}

/** The agent --agent names, when it is not Claude Code. */
function otherAgent(options: InstallOptions): OtherAgent | null {
  const agent = options.agent ?? "claude";
  if (!isAgentName(agent)) throw new UserError(M.invalidAgent(agent), 2);
  return agent === "claude" ? null : agent;
}

/** Codex CLI's home as it names it: CODEX_HOME resolved (Codex canonicalises it), else ~/.codex as is. */
export function codexHome(deps: Pick<CommandDeps, "env" | "fs">): string {
  const set = deps.env.CODEX_HOME;
  if (set === undefined || set === "") return join(homeDir(deps.env), ".codex");
  try {
    return deps.fs.realpathSync(set);
  } catch {
    return set;
  }
}

/** The hooks file of `agent` at `scope`: project files under the workspace root, as for Claude Code. */
export function agentHooksPath(agent: OtherAgent, scope: Scope, deps: Pick<CommandDeps, "env" | "cwd" | "fs">): string {
  if (scope === "local") throw new UserError(M.agentScope(agent), 2);
  const home = homeDir(deps.env);
  const project = scope === "project";
  switch (agent) {
    case "codex":
      return project ? join(projectRoot(deps), ".codex", "hooks.json") : join(codexHome(deps), "hooks.json");
    case "gemini":
      return join(project ? projectRoot(deps) : home, ".gemini", "settings.json");
    case "cursor":
      return join(project ? projectRoot(deps) : home, ".cursor", "hooks.json");
    case "copilot": {
      const copilotHome = deps.env.COPILOT_HOME || join(home, ".copilot");
      return project ? join(projectRoot(deps), ".github", "hooks", COPILOT_FILE) : join(copilotHome, "hooks", COPILOT_FILE);
    }
  }
}

async function installAgent(agent: OtherAgent, options: InstallOptions, deps: InstallDeps): Promise<CommandResult> {
  const scope = parseScope(options.scope);
  const dryRun = options.dryRun === true;
  const path = agentHooksPath(agent, scope, deps);
  const file = read(path, deps);
  const { prefix, onPath } = launcher(deps);
  const { settings, changes } = edit(() => AGENT_WIRING[agent].install(file.value, prefix), path);
  const trust = agent === "codex" ? codexTrust(path, settings, deps) : null;
  const lines = changes.length === 0 ? [M.alreadyInstalled(file.path)] : write(file, settings, changes, dryRun, deps, "install");
  if (trust?.text != null) lines.push(...trustWrite(trust, dryRun, deps));
  if (!onPath && scope === "project") lines.push(M.absolutePathInShared(prefix));
  if (agent === "gemini" && isObject(settings.hooksConfig) && settings.hooksConfig.enabled === false) lines.push(M.geminiHooksOff(path));
  if (agent === "codex" && scope === "project" && !projectTrusted(readText(trust!.path, deps) ?? "", dirname(dirname(path)))) {
    lines.push(M.codexProjectUntrusted(dirname(dirname(path)), trust!.path));
  }
  if (changes.length > 0 || trust?.text != null) lines.push(dryRun ? M.dryRunNothingWritten : M.runningSessionsKeepHooks);
  return trustResult(lines, trust);
}

async function uninstallAgent(agent: OtherAgent, options: InstallOptions, deps: InstallDeps): Promise<CommandResult> {
  const scope = parseScope(options.scope);
  const dryRun = options.dryRun === true;
  const path = agentHooksPath(agent, scope, deps);
  const wiring = AGENT_WIRING[agent];
  const file = read(path, deps);
  const { settings, changes } = edit(() => wiring.uninstall(file.value), path);
  const trust = agent === "codex" ? codexTrust(path, null, deps) : null;
  if (changes.length === 0 && trust?.text == null) return trustResult([M.nothingToUninstall(file.path)], trust);
  // A file that held only our hooks goes (Copilot CLI's is the guard's own: its `version` goes with them).
  const emptied = Object.keys(settings).every((key) => wiring.ownFile && key === "version");
  const lines = changes.length === 0 ? [] : emptied ? remove(file, scope !== "user", changes, dryRun, deps) : write(file, settings, changes, dryRun, deps, "uninstall");
  if (trust?.text != null) lines.push(...trustWrite(trust, dryRun, deps));
  lines.push(dryRun ? M.dryRunNothingWritten : M.runningSessionsKeepHooks);
  return trustResult(lines, trust);
}

/** Codex CLI's config.toml with the trust its hooks need, or why it was left alone. */
interface Trust {
  path: string;
  exists: boolean;
  /** The new text; null when nothing changes (or when it could not be edited). */
  text: string | null;
  line: string;
  problem: string | null;
}

/**
 * The trust Codex CLI needs for the guard's hooks in `hooksPath` (`hooks` being that file's new
 * content), or none of it (null, for uninstall).
 */
function codexTrust(hooksPath: string, hooks: Json | null, deps: InstallDeps): Trust {
  const path = join(codexHome(deps), "config.toml");
  const found = readText(path, deps);
  const before = found ?? "";
  const line = hooks === null ? M.trustRemoved(path) : M.trustRecorded(path);
  try {
    const after = hooks === null ? withoutTrust(before, hooksPath) : withTrust(before, hooksPath, trustEntries(hooksPath, hooks));
    return { path, exists: found !== null, text: after === before ? null : after, line, problem: null };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { path, exists: found !== null, text: null, line, problem: M.trustFailed(path, error.message) };
  }
}

function trustWrite(trust: Trust, dryRun: boolean, deps: InstallDeps): string[] {
  if (!dryRun) {
    try {
      writeSettingsFile({ path: trust.path, exists: trust.exists, text: "", value: {}, layout: { indent: 2, eol: "\n", finalNewline: true, bom: false } }, trust.text!, deps.fs, deps.writeFileAtomic);
    } catch (error) {
      throw settingsProblem(error);
    }
  }
  return [trust.line];
}

/** Exit 1 when Codex CLI's trust could not be recorded: its hooks would be skipped without a word. */
function trustResult(lines: string[], trust: Trust | null): CommandResult {
  const failed = trust?.problem != null;
  return { exitCode: failed ? 1 : 0, stdout: `${lines.join("\n")}\n`, ...(failed && { stderr: `${trust!.problem}\n` }) };
}

/** A text file's content, null when it does not exist. */
function readText(path: string, deps: InstallDeps): string | null {
  try {
    return deps.fs.readFileSync(path, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR") return null;
    throw new UserError(M.settingsShape(path, messageOf(error)), 1, "EREAD");
  }
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

