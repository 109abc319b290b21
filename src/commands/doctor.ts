// `doctor`: is this directory really guarded? It reads the settings Claude Code would read here
// (or the files given), the hooks of an enabled session-guard plugin, checks the wiring, runs the
// registered commands on synthetic payloads in a throwaway config dir (never the real locks),
// and probes the runtime dir. One line per check, a fix hint on each that is not a pass; exit 1
// when any check fails, so CI can run it.

import { basename, dirname, join, resolve } from "node:path";
import { messageOf, SettingsError, StoreError } from "../errors.js";
import { claudeConfigDir, homeDir, runtimeDir } from "../host/paths.js";
import { switchOf } from "../hook/policy.js";
import { localSettingsPaths, reachOf } from "../settings/reach.js";
import { resolveWorkspace, type Workspace, workspaceKey } from "../host/workspace.js";
import { chooseStore } from "../lock/openStore.js";
import { LOCK_PREFIX } from "../lock/redis/redisStore.js";
import { doctor as M } from "../messages.js";
import { commandWords, findOnPath, PLUGIN_ROOT_VAR } from "../settings/executable.js";
import { PLUGIN_NAME } from "../settings/guardPlugin.js";
import { isObject, type Json } from "../settings/guardHooks.js";
import { readSettingsFile } from "../settings/settingsFile.js";
import { NOTICE_TTL_MS } from "../lock/fileStore.js";
import { agentChecks } from "./agentDoctor.js";
import type { CommandDeps, CommandResult, OperatorStore, RunResult } from "./deps.js";
import { holderName, viewOf } from "./status.js";
import { openOperatorStore, operatorStoreChoice, type StoreChoice, storeName } from "./store.js";
import { type Paint, plain } from "./style.js";
import { check, type Check, checkLine, type Registration, registrations, type Source, wiringChecks } from "./wiring.js";

export interface DoctorOptions {
  settings?: string[];
  json?: boolean;
  /** `--store URL`: check this store, and self-test the hooks against it, as if CLAUDE_SESSION_GUARD_STORE named it. */
  store?: string;
}

/** Ceiling for one self-test call, whatever timeout the settings give the hook. */
const SELF_TEST_MAX_MS = 30_000;

export async function doctorCommand(options: DoctorOptions, deps: CommandDeps): Promise<CommandResult> {
  // A bad --store is a usage error before anything runs; a bad URL in the environment is a check
  // that fails (every hook started from here would fail open).
  const choice = options.store !== undefined ? operatorStoreChoice(deps.env, options.store) : choiceOrProblem(deps.env);
  const given = options.settings ?? [];
  const sources = given.length > 0 ? givenSources(given, deps) : defaultSources(deps);
  sources.push(...pluginSources(sources, deps));
  const regs = registrations(sources);

  const agents = given.length === 0 ? agentChecks(deps) : [];

  // Nothing to check but the one fact: say it, and the one command that fixes it.
  if (given.length === 0 && regs.length === 0 && !sources.some((s) => s.problem !== undefined && s.problem.status !== "info")) {
    if (agents.length === 0) return notInstalled(options, deps);
    // Only other agents are wired here: their checks, and the one fact about Claude Code.
    return report([check("installed", "info", M.notInstalled(`${deps.selfInvocation()} install`)), ...agents], options, deps, M.agentsGood);
  }

  const checks = wiringChecks(sources);
  const rootCheck = given.length === 0 ? rootSettingsCheck(deps) : null;
  if (rootCheck) checks.push(rootCheck);
  checks.push(...agents);
  checks.push(...executableChecks(regs, deps));
  if (!checks.some((c) => c.id === "executable" && c.status === "fail")) checks.push(await selfTest(regs, deps, options.store));
  checks.push(...(await storeChecks(choice, deps)));
  const disabled = disableCheck(deps.env.CLAUDE_SESSION_GUARD_DISABLE);
  if (disabled) checks.push(disabled);
  checks.push(check("running-sessions", "info", M.runningSessions));
  return report(checks, options, deps, M.allGood);
}

function report(checks: Check[], options: DoctorOptions, deps: CommandDeps, allGood: string): CommandResult {
  const ok = !checks.some((c) => c.status === "fail");
  if (options.json) return { exitCode: ok ? 0 : 1, stdout: `${JSON.stringify({ checks, ok }, null, 2)}\n` };
  const paint = deps.paint ?? plain;
  return { exitCode: ok ? 0 : 1, stdout: `${checks.map((c) => checkLine(c, paint)).join("\n")}\n${summary(checks, paint, allGood)}\n` };
}

/** The last line: never "guarded" while a line above says otherwise. */
function summary(checks: Check[], paint: Paint, allGood: string): string {
  if (checks.some((c) => c.status === "fail")) return paint("bad", M.someFailed);
  const warnings = checks.filter((c) => c.status === "warn").length;
  return warnings > 0 ? paint("warn", M.passedWithWarnings(warnings)) : paint("good", allGood);
}

/**
 * The disable switch as the hooks read it (policy.switchOf): on, every hook started from this
 * environment allows everything; a value that is neither on nor off leaves the guard on.
 */
function disableCheck(raw: string | undefined): Check | null {
  const on = switchOf(raw);
  if (on === true) return check("disabled", "warn", M.disabled(raw ?? ""), M.disabledHint);
  if (on === null) return check("disabled", "warn", M.disableNotASwitch(raw ?? ""), M.disableNotASwitchHint);
  return null;
}

/** No settings file Claude Code reads here, and no enabled plugin, carries the guard. */
function notInstalled(options: DoctorOptions, deps: CommandDeps): CommandResult {
  const here = startDirectory(deps);
  const root = workspaceRoot(deps);
  const install = `${deps.selfInvocation()} install`;
  const atRoot = root !== here && registrations([load("project", join(root, ".claude", "settings.json"), deps, false)]).length > 0;
  const message = atRoot ? M.notGuardedHere(root, here, install) : M.notInstalled(install);
  if (options.json) return { exitCode: 1, stdout: `${JSON.stringify({ checks: [check("installed", "fail", message)], ok: false }, null, 2)}\n` };
  return { exitCode: 1, stdout: `${(deps.paint ?? plain)("bad", message)}\n` };
}

function workspaceRoot(deps: CommandDeps): string {
  try {
    return resolveWorkspace({}, deps.cwd, deps.fs).path;
  } catch {
    return deps.cwd;
  }
}

/**
 * The files Claude Code 2.1.331 reads for a session started here (settings/reach.ts): the
 * user's, this directory's project and local settings (never a parent's project settings), and
 * the local settings of the repository's main checkout.
 */
function defaultSources(deps: CommandDeps): Source[] {
  const here = startDirectory(deps);
  const context = { fs: deps.fs, uid: deps.uid, home: homeDir(deps.env) };
  const [nearest, ...roots] = localSettingsPaths(here, context);
  const sources = [
    { ...load("user", join(claudeConfigDir(deps.env), "settings.json"), deps, false), reach: { kind: "every" } as const },
    { ...load("project", join(here, ".claude", "settings.json"), deps, false), reach: reachOf("project", here, context), scope: "project" as const },
    { ...load("local", nearest!, deps, false), reach: reachOf("local", here, context), scope: "local" as const },
  ];
  for (const path of roots) {
    const root = dirname(dirname(path));
    sources.push({ ...load("repository local", path, deps, false), reach: { kind: "repository", root }, scope: "local" as const });
  }
  return sources;
}

function startDirectory(deps: CommandDeps): string {
  try {
    return deps.fs.realpathSync(deps.cwd);
  } catch {
    return deps.cwd;
  }
}

/**
 * Run below the repository root, where `install --scope project` writes: say so when the root's
 * project settings carry the guard, because sessions started here do not read them.
 */
function rootSettingsCheck(deps: CommandDeps): Check | null {
  const here = startDirectory(deps);
  const root = workspaceRoot(deps);
  if (root === here) return null;
  if (registrations([load("project", join(root, ".claude", "settings.json"), deps, false)]).length === 0) return null;
  return check("start-directory", "info", M.rootNotRead(root, here), null);
}

/** A given path may be a settings file, a plugin's hooks/hooks.json, or a plugin directory. */
function givenSources(paths: string[], deps: CommandDeps): Source[] {
  return paths.map((given) => {
    const path = resolve(deps.cwd, given);
    if (isDirectory(path, deps) && exists(join(path, "hooks", "hooks.json"), deps)) {
      return load(given, join(path, "hooks", "hooks.json"), deps, true, path);
    }
    const pluginRoot = dirname(dirname(path));
    const isPluginHooks =
      basename(path) === "hooks.json" && basename(dirname(path)) === "hooks" && exists(join(pluginRoot, ".claude-plugin", "plugin.json"), deps);
    return load(given, path, deps, true, isPluginHooks ? pluginRoot : undefined);
  });
}

function load(label: string, path: string, deps: CommandDeps, given: boolean, pluginRoot?: string): Source {
  const base = { label, path, ...(pluginRoot !== undefined && { pluginRoot }) };
  try {
    const file = readSettingsFile(path, deps.fs);
    if (!file.exists) {
      return given
        ? { ...base, value: null, problem: { status: "fail", message: M.givenMissing(path), hint: M.givenMissingHint } }
        : { ...base, value: null, problem: { status: "info", message: M.sourceMissing(label, path), hint: null } };
    }
    return { ...base, value: file.value };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { ...base, value: null, problem: { status: "fail", message: error.message, hint: M.fixJsonHint } };
  }
}

/**
 * Plugins named session-guard@<marketplace> that the settings enable. Later scopes override
 * earlier ones, as in Claude Code; the installed copy is found through
 * `<config>/plugins/installed_plugins.json`.
 */
function pluginSources(sources: Source[], deps: CommandDeps): Source[] {
  // A plugin's hooks reach the sessions that read the settings enabling it: every session when
  // that is the user's settings.
  const enabled = new Map<string, { on: boolean; reach: Source["reach"] }>();
  for (const source of sources) {
    const plugins = source.value?.enabledPlugins;
    if (!isObject(plugins)) continue;
    for (const [id, on] of Object.entries(plugins)) {
      if (!id.startsWith(`${PLUGIN_NAME}@`)) continue;
      const wider = enabled.get(id)?.reach?.kind === "every" && on === true ? enabled.get(id)!.reach : source.reach;
      enabled.set(id, { on: on === true, reach: wider });
    }
  }
  const ids = [...enabled].filter(([, e]) => e.on);
  if (ids.length === 0) return [];
  const installed = installedPlugins(deps);
  return ids.map(([id, { reach }]) => {
    const root = installed.get(id);
    const label = `plugin ${id}`;
    const known = reach === undefined ? {} : { reach };
    if (root === undefined) {
      return {
        label,
        path: id,
        value: null,
        ...known,
        problem: { status: "warn", message: M.pluginNotFound(id), hint: M.pluginNotFoundHint(id) },
      } satisfies Source;
    }
    return { ...load(label, join(root, "hooks", "hooks.json"), deps, true, root), ...known };
  });
}

function installedPlugins(deps: CommandDeps): Map<string, string> {
  const roots = new Map<string, string>();
  try {
    const file = readSettingsFile(join(claudeConfigDir(deps.env), "plugins", "installed_plugins.json"), deps.fs);
    const plugins = file.value.plugins;
    if (!isObject(plugins)) return roots;
    for (const [id, installs] of Object.entries(plugins)) {
      const first = Array.isArray(installs) ? installs.find((i) => isObject(i) && typeof i.installPath === "string") : undefined;
      if (isObject(first)) roots.set(id, first.installPath as string);
    }
  } catch {
    // An unreadable registry is reported as "not found" for each enabled plugin.
  }
  return roots;
}

/** What a registered command runs, with `${CLAUDE_PLUGIN_ROOT}` and `$CLAUDE_PROJECT_DIR` expanded. */
function expansions(reg: Registration, deps: CommandDeps): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(deps.env)) if (v !== undefined) vars[k] = v;
  vars.CLAUDE_PROJECT_DIR ??= workspaceRoot(deps);
  if (reg.source.pluginRoot !== undefined) vars[PLUGIN_ROOT_VAR] = reg.source.pluginRoot;
  else delete vars[PLUGIN_ROOT_VAR];
  return vars;
}

function executableChecks(regs: Registration[], deps: CommandDeps): Check[] {
  if (regs.length === 0) return [check("executable", "fail", M.nothingToRun, M.runInstall)];
  const problems: string[] = [];
  const unsure: string[] = [];
  const resolved = new Set<string>();
  for (const reg of unique(regs)) {
    const words = commandWords(reg.command, expansions(reg, deps));
    if (words === null || words.length === 0) {
      unsure.push(reg.command);
      continue;
    }
    const [program, ...args] = words as [string, ...string[]];
    const found = findOnPath(program, deps.env.PATH, deps.fs, deps.cwd);
    if (found === null) {
      problems.push(M.notExecutable(program, reg.event, reg.source.label));
      continue;
    }
    // `node script.js`: the interpreter is there, but is the script?
    if (/(^|\/)node$/.test(program) && args[0] !== undefined && !args[0].startsWith("-")) {
      const script = resolve(deps.cwd, args[0]);
      if (!exists(script, deps)) {
        problems.push(M.scriptMissing(script, reg.event, reg.source.label));
        continue;
      }
      resolved.add(`${found} ${script}`);
    } else {
      resolved.add(found);
    }
  }
  if (problems.length > 0) return [check("executable", "fail", problems.join("; "), M.notExecutableHint)];
  if (unsure.length > 0) return [check("executable", "warn", M.cannotParse(unsure.join("; ")), M.cannotParseHint)];
  return [check("executable", "pass", M.executableOk([...resolved].join(", ")))];
}

function unique(regs: Registration[]): Registration[] {
  const seen = new Set<string>();
  return regs.filter((r) => {
    const key = `${r.command}\u0000${r.source.pluginRoot ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Runs the registered commands the way Claude Code would (`sh -c`, payload on stdin) in a
 * throwaway config dir and workspace: session A takes the lock (silent allow), session B is
 * denied (the contract's deny object), A refreshes and stops (silent), then B is allowed.
 */
async function selfTest(regs: Registration[], deps: CommandDeps, storeFlag: string | undefined): Promise<Check> {
  const pick = (event: string, sub: string) => regs.find((r) => r.event === event && r.guard.subcommand === sub);
  const pre = pick("PreToolUse", "pretooluse");
  if (pre === undefined) return check("self-test", "fail", M.selfTestNoPre, M.runInstall);
  const post = pick("PostToolUse", "posttooluse");
  const stop = pick("Stop", "stop") ?? pick("SessionEnd", "stop");

  const base = deps.fs.mkdtempSync(join(deps.tmpDir, "claude-session-guard-doctor-"));
  const started = deps.clock.now();
  try {
    const workspace = join(base, "workspace");
    for (const dir of ["config", "home", "state", "workspace"]) deps.fs.mkdirSync(join(base, dir), { recursive: true });
    const env: NodeJS.ProcessEnv = {
      ...deps.env,
      HOME: join(base, "home"),
      CLAUDE_CONFIG_DIR: join(base, "config"),
      XDG_STATE_HOME: join(base, "state"),
      CLAUDE_SESSION_GUARD_WORKSPACE: workspace,
      CLAUDE_PROJECT_DIR: workspace,
    };
    for (const name of ["CLAUDE_SESSION_GUARD_DISABLE", "CLAUDE_SESSION_GUARD_WORKSPACE_ID", "CLAUDE_SESSION_GUARD_TTL_MS", PLUGIN_ROOT_VAR]) {
      delete env[name];
    }
    // The hooks run against the store doctor checks. In Redis the throwaway workspace's key is
    // a hash of its unique temp path, so the self-test never meets a real lock; it releases its own.
    if (storeFlag !== undefined) env.CLAUDE_SESSION_GUARD_STORE = storeFlag;
    const call = async (reg: Registration, session: string, event: string) => {
      const payload = {
        session_id: session,
        transcript_path: join(base, `${session}.jsonl`),
        cwd: workspace,
        permission_mode: "default",
        hook_event_name: event,
        ...(event === "PreToolUse" || event === "PostToolUse"
          ? { tool_name: "Write", tool_input: { file_path: join(workspace, "doctor.txt"), content: "doctor\n" } }
          : {}),
        ...(event === "PostToolUse" ? { tool_response: { type: "create" } } : {}),
        ...(event === "Stop" ? { stop_hook_active: false } : {}),
      };
      const timeoutMs = Math.min(SELF_TEST_MAX_MS, typeof reg.hook.timeout === "number" && reg.hook.timeout > 0 ? reg.hook.timeout * 1000 : 5000);
      const runEnv = reg.source.pluginRoot !== undefined ? { ...env, [PLUGIN_ROOT_VAR]: reg.source.pluginRoot } : env;
      return { reg, event, result: await deps.runShell(reg.command, JSON.stringify(payload), runEnv, timeoutMs) };
    };
    const a = "doctor-self-test-a";
    const b = "doctor-self-test-b";
    const steps: Array<{ expect: "allow" | "deny"; run: () => ReturnType<typeof call> }> = [
      { expect: "allow", run: () => call(pre, a, "PreToolUse") },
      { expect: "deny", run: () => call(pre, b, "PreToolUse") },
      ...(post ? [{ expect: "allow" as const, run: () => call(post, a, "PostToolUse") }] : []),
      ...(stop
        ? [
            { expect: "allow" as const, run: () => call(stop, a, stop.event) },
            { expect: "allow" as const, run: () => call(pre, b, "PreToolUse") },
            { expect: "allow" as const, run: () => call(stop, b, stop.event) },
          ]
        : []),
    ];
    for (const step of steps) {
      const { reg, event, result } = await step.run();
      const problem = answerProblem(result, step.expect);
      if (problem !== null) {
        return check("self-test", "fail", M.selfTestFailed(reg.command, event, step.expect === "deny", problem), M.selfTestHint);
      }
    }
    return check("self-test", "pass", M.selfTestOk(steps.length, deps.clock.now() - started));
  } finally {
    deps.fs.rmSync(base, { recursive: true, force: true });
  }
}

/** What is wrong with one hook answer, or null if it has the contract's shape. */
export function answerProblem(result: RunResult, expect: "allow" | "deny"): string | null {
  if (result.error !== undefined) return M.couldNotStart(result.error);
  if (result.timedOut) return M.timedOut;
  if (result.exitCode !== 0) return M.exitCode(result.exitCode, result.stderr.trim().split("\n")[0] ?? "");
  const out = result.stdout.trim();
  let answer: unknown = null;
  if (out !== "") {
    try {
      answer = JSON.parse(out);
    } catch {
      return M.notJson(out);
    }
  }
  if (isObject(answer) && typeof answer.systemMessage === "string") return M.failedOpen(answer.systemMessage);
  if (expect === "allow") return out === "" ? null : M.allowNotEmpty(out);
  const specific = isObject(answer) ? answer.hookSpecificOutput : undefined;
  if (!isObject(specific) || specific.hookEventName !== "PreToolUse" || specific.permissionDecision !== "deny") {
    return M.notADenial(out);
  }
  if (typeof specific.permissionDecisionReason !== "string" || specific.permissionDecisionReason === "") return M.denialWithoutReason;
  return null;
}

/**
 * The runtime dir is usable (it exists or can be created, and a probe file can be written and
 * removed) and safe: this user's, and writable by nobody else, as the hooks require.
 */
function runtimeDirCheck(deps: CommandDeps): Check {
  const dir = runtimeDir(deps.env);
  const before = statQuietly(dir, deps);
  if (before !== undefined && !before.isDirectory()) return check("runtime-dir", "fail", M.runtimeDirNotDirectory(dir), M.runtimeDirNotDirectoryHint(dir));
  if (before !== undefined && deps.uid !== undefined && before.uid !== deps.uid) {
    return check("runtime-dir", "fail", M.runtimeDirForeign(dir, before.uid), M.runtimeDirForeignHint(dir));
  }
  if (before !== undefined && (before.mode & 0o022) !== 0) {
    return check("runtime-dir", "fail", M.runtimeDirOpen(dir, (before.mode & 0o777).toString(8)), M.runtimeDirOpenHint(dir));
  }
  const probe = join(dir, `.doctor-probe-${Math.random().toString(36).slice(2, 10)}`);
  try {
    deps.fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    deps.fs.writeFileSync(probe, "probe\n", { flag: "wx", mode: 0o600 });
    deps.fs.unlinkSync(probe);
  } catch (error) {
    return check("runtime-dir", "fail", M.runtimeDirUnusable(dir, messageOf(error)), M.runtimeDirHint(dir));
  }
  return check("runtime-dir", "pass", M.runtimeDirOk(dir, before === undefined));
}

/** Lost-lock notices nobody came back for: harmless, but they pile up until `clear --stale`. */
function noticesCheck(store: OperatorStore): Check | null {
  const count = store.staleNotices?.(NOTICE_TTL_MS);
  if (count === undefined) return null;
  if (count === 0) return check("notices", "pass", M.noStaleNotices);
  return check("notices", "warn", M.staleNotices(count), M.staleNoticesHint);
}

/** The environment's store, or the failed check a bad CLAUDE_SESSION_GUARD_STORE makes. */
function choiceOrProblem(env: NodeJS.ProcessEnv): StoreChoice | Check {
  try {
    return chooseStore(env, runtimeDir(env));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return check("store", "fail", M.storeUrlInvalid(error.message), M.storeUrlHint);
  }
}

/**
 * The file store: the runtime dir is usable and no lock is left over here. The Redis store: it
 * answers a read of this workspace's key (the very read every hook makes first), the workspace
 * has an identity every host can share, and no lock is left over.
 */
async function storeChecks(choice: StoreChoice | Check, deps: CommandDeps): Promise<Check[]> {
  if ("status" in choice) return [choice];
  if (choice.kind === "file") return [runtimeDirCheck(deps), ...(await lockChecks(choice, deps))];
  const checks = await lockChecks(choice, deps);
  return [...checks.filter((c) => c.id === "store"), workspaceIdCheck(deps), ...checks.filter((c) => c.id !== "store")];
}

function workspaceIdCheck(deps: CommandDeps): Check {
  const id = deps.env.CLAUDE_SESSION_GUARD_WORKSPACE_ID;
  if (id === undefined || id === "") return check("workspace-id", "warn", M.workspaceIdMissing, M.workspaceIdHint);
  return check("workspace-id", "pass", M.workspaceIdSet(id, LOCK_PREFIX + workspaceKey(id)));
}

/** This workspace's lock; for the Redis store the same read is the `store` check that Redis answers. */
async function lockChecks(choice: StoreChoice, deps: CommandDeps): Promise<Check[]> {
  let workspace: Workspace | null = null;
  let unresolved: Check | null = null;
  try {
    workspace = resolveWorkspace(deps.env, deps.cwd, deps.fs);
  } catch (error) {
    unresolved = check("lock", "warn", messageOf(error), null);
  }
  if (choice.kind === "file" && workspace === null) return [unresolved!];
  // Without a workspace Redis is still probed, with a key no lock has.
  const key = workspace?.key ?? workspaceKey(`doctor-probe:${deps.cwd}`);
  const store = await openOperatorStore(deps, choice);
  try {
    const path = store.location(key);
    const started = deps.clock.now();
    let snapshot;
    try {
      snapshot = await store.read(key);
    } catch (error) {
      if (choice.kind === "redis") {
        return [check("store", "fail", M.redisUnreachable(choice.redact(messageOf(error))), M.redisUnreachableHint(choice.display, choice.source))];
      }
      return [check("lock", "fail", M.lockUnreadable(messageOf(error)), unreadableHint(error, path, deps))];
    }
    const checks = choice.kind === "redis" ? [check("store", "pass", M.redisOk(choice.display, deps.clock.now() - started))] : [];
    if (workspace === null) return [...checks, unresolved!];
    const where = choice.kind === "redis" ? M.inStore(storeName(choice)) : "";
    const view = viewOf(key, path, snapshot, deps.clock.now(), deps);
    if (view === null) checks.push(check("lock", "pass", M.noLock(workspace.path, where)));
    else if (view.judgement.state === "held") checks.push(check("lock", "info", M.lockHeld(workspace.path, holderName(view.entry), view.entry.age_ms ?? 0, where)));
    else if (view.judgement.state === "corrupt") checks.push(check("lock", "warn", M.lockCorrupt(workspace.path, view.judgement.reason, where), M.clearHint(workspace.path)));
    else checks.push(check("lock", "warn", M.lockLeftOver(view.entry.state, workspace.path, where), M.clearHint(workspace.path)));
    const notices = choice.kind === "file" ? noticesCheck(store) : null;
    if (notices !== null) checks.push(notices);
    return checks;
  } finally {
    await store.close();
  }
}

/** What to do about a lock that cannot be read, by why it cannot. */
function unreadableHint(error: unknown, path: string, deps: CommandDeps): string | null {
  switch (error instanceof StoreError ? error.code : undefined) {
    case "ENOTFILE":
      return M.lockUnreadableHint(path);
    case "ENOTDIR":
      return M.runtimeDirNotDirectoryHint(runtimeDir(deps.env));
    case "EFOREIGN":
      return M.foreignLockHint;
    default:
      // The runtime-dir check above says what is wrong with the directory itself.
      return null;
  }
}

function statQuietly(path: string, deps: CommandDeps) {
  try {
    return deps.fs.statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function exists(path: string, deps: CommandDeps): boolean {
  return statQuietly(path, deps) !== undefined;
}

function isDirectory(path: string, deps: CommandDeps): boolean {
  return statQuietly(path, deps)?.isDirectory() === true;
}
