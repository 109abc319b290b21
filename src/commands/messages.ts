// Every sentence the operator commands print, so tests can assert exact text. The hook
// commands' sentences live in src/messages.ts; the small helpers are shared from there.

import type { LockState } from "../core/decide.js";
import { shortSessionId } from "../core/record.js";
import { duration, PREFIX, shellQuote } from "../messages.js";
import type { HookChange } from "../settings/guardHooks.js";
import type { Check, Registration } from "./wiring.js";
import type { LockView, StatusEntry } from "./status.js";

const INSTALL = "claude-session-guard install";

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function holderOf(entry: StatusEntry): string {
  return `session ${shortSessionId(entry.session_id ?? "?")} (pid ${entry.pid ?? "?"})`;
}

function workspaceOf(entry: StatusEntry, known: string | null): string {
  return entry.workspace ?? known ?? `workspace not recorded, ${lockAt(entry.path)}`;
}

/** A lock file for the file store; a Redis lock is a key, shown after the store's URL. */
function lockAt(path: string): string {
  return /^rediss?:\/\//.test(path) ? `lock ${path}` : `lock file ${path}`;
}

function inStore(where: string | null): string {
  return where === null ? "" : ` in ${where}`;
}

function cleared(view: LockView, known: string | null, now: number): string {
  const { entry, judgement } = view;
  const where = workspaceOf(entry, known);
  const age = entry.age_ms === null ? "" : `, last active ${duration(entry.age_ms)} ago`;
  switch (judgement.state) {
    case "held":
      return (
        `Removed the lock of ${where}: it was held by ${holderOf(entry)}${age}, a live session. ` +
        "If it is still working it takes the lock again on its next tool call, unless another session gets there first."
      );
    case "stale":
      return `Removed the expired lock of ${where} (${holderOf(entry)}${age}).`;
    case "dead":
      return `Removed the lock of ${where} left by ${holderOf(entry)}, whose process has ended.`;
    case "corrupt":
      return `Removed the unreadable ${lockAt(entry.path)} (${judgement.reason}).`;
  }
}

function hookChange(change: HookChange): string {
  switch (change.kind) {
    case "add":
      return `  + ${change.event}: ${change.command}`;
    case "update":
      return change.previous === change.command
        ? `  ~ ${change.event}: ${change.command} (${change.why === "matcher" ? "moved to its own matcher group" : "timeout set"})`
        : `  ~ ${change.event}: ${change.previous} -> ${change.command}`;
    case "remove":
      return `  - ${change.event}: ${change.command}${change.why === "duplicate" ? " (duplicate)" : change.why === "wrong-event" ? " (wrong event)" : ""}`;
  }
}

const doctor = {
  line(check: Check): string {
    const status = check.status === "fail" || check.status === "warn" ? check.status.toUpperCase() : check.status;
    return `${status.padEnd(4)}  ${check.id}: ${check.message}${check.hint ? ` — fix: ${check.hint}` : ""}`;
  },
  allGood: "All checks passed: new Claude Code sessions in this directory are guarded.",
  someFailed: "Some checks failed: this directory is not (fully) guarded. Fix the lines marked FAIL and run doctor again.",
  runningSessions: "Sessions already running keep the hooks they started with: restart them after changing the wiring.",

  sourceRead: (label: string, path: string, count: number) =>
    `${label} settings ${path}: ${count === 0 ? "no guard hooks" : `${count} guard hook${count === 1 ? "" : "s"}`}`,
  sourceMissing: (label: string, path: string) => `${label} settings ${path}: not present`,
  givenMissing: (path: string) => `${path} does not exist`,
  givenMissingHint: "check the path given to --settings",
  fixJsonHint: "fix the file by hand (Claude Code ignores a settings file it cannot parse)",
  hooksNotObject: (path: string) => `${path}: "hooks" is not an object, so Claude Code cannot read its hooks`,
  fixByHand: "fix the file by hand",
  pluginNotFound: (id: string) => `plugin ${id} is enabled but its installed files were not found`,
  pluginNotFoundHint: (id: string) => `reinstall it (/plugin install ${id}), or check it with --settings <plugin dir>/hooks/hooks.json`,

  runInstall: `run \`${INSTALL}\` (or \`${INSTALL} --scope user\`), or enable the session-guard plugin`,
  notRegistered: (event: string, sub: string) => `no ${event} hook runs \`claude-session-guard ${sub}\``,
  uncovered: (event: string, sub: string, tools: readonly string[], matchers: string) =>
    `${event} \`${sub}\` does not run for ${tools.join(", ")} (matcher ${matchers}), so those calls are not guarded`,
  matcherHint: `set the matcher to "Edit|Write|MultiEdit|NotebookEdit|Bash", or run \`${INSTALL}\``,
  invalidMatcherHint: `the matcher is not a valid regular expression, so it matches nothing; set it to "Edit|Write|MultiEdit|NotebookEdit|Bash"`,
  covered: (event: string, sub: string, tools: readonly string[], where: string) =>
    `${event} runs \`${sub}\` for ${tools.join(", ")} (${where})`,
  asyncPreToolUse: (where: string) => `PreToolUse \`pretooluse\` is marked "async" (${where}), so it cannot deny anything`,
  removeAsync: `remove "async": true from the hook, or run \`${INSTALL}\``,
  lifecycleOk: (event: string, where: string) => `${event} runs \`${event === "SessionStart" ? "sessionstart" : "stop"}\` (${where})`,
  sessionEndFiltered: (matchers: string) =>
    `SessionEnd \`stop\` only runs for end reasons matching ${matchers}; sessions ending otherwise keep the lock until it expires`,
  dropMatcher: "remove the matcher from the SessionEnd group",
  placementOk: "every guard hook sits under the event it is made for",
  misplaced: (list: string) => `guard commands under the wrong event: ${list}`,
  noDuplicates: "each guard hook is registered once",
  duplicates: (list: string) => `registered more than once, so each call runs the guard twice: ${list}`,
  duplicatesHint: "keep one wiring: the plugin, or one settings file (uninstall from the others)",
  noHooksForTimeout: "no guard hooks, so no timeouts to check",
  timeoutInvalid: (list: string) => `invalid timeout (seconds, a positive number): ${list}`,
  timeoutMissing: (list: string) =>
    `no timeout set for ${list}; a hook that hangs would hold up the session for Claude Code's default hook timeout`,
  timeoutOdd: (list: string) =>
    `unusual timeout for ${list}; under 2 s a busy hook may be killed (the call then runs unguarded), over 60 s a stuck one holds up the session`,
  timeoutHint: `set "timeout": 5 on the guard's hooks, or run \`${INSTALL}\``,
  timeoutOk: (values: number[]) => `timeouts set (${values.map((v) => `${v} s`).join(", ")})`,
  noSessionStart: "no SessionStart hook (optional: it only announces the lock at session start)",

  nothingToRun: "no guard hook is registered, so there is no command to run",
  notExecutable: (program: string, reg: Registration) =>
    `\`${program}\` (from ${reg.event} in ${reg.source.label}) is not an executable on PATH`,
  scriptMissing: (script: string, reg: Registration) => `${script} (from ${reg.event} in ${reg.source.label}) does not exist`,
  notExecutableHint: `install the package globally (npm install -g claude-session-guard) and run \`${INSTALL}\` again`,
  cannotParse: (commands: string[]) => `cannot tell what these commands run: ${commands.join("; ")}`,
  cannotParseHint: "use a plain command line (no pipes or substitutions), as install writes it",
  executableOk: (programs: string[]) => `the hooks run ${programs.join(", ")}`,

  selfTestNoPre: "no PreToolUse `pretooluse` hook to test",
  selfTestFailed: (command: string, event: string, expected: string, problem: string) =>
    `\`${command}\` as ${event} (expecting ${expected === "allow" ? "a silent allow" : "a denial"}): ${problem}`,
  selfTestHint: "run the command by hand with a payload on stdin to see what it does; reinstall if it is outdated",
  selfTestOk: (steps: number, ms: number) =>
    `${steps} synthetic hook calls in a throwaway workspace answered as the contract says: the first session was allowed, a second denied, then released (${ms} ms)`,
  couldNotStart: (error: string) => `could not start: ${error}`,
  timedOut: "did not answer within its timeout",
  exitCode: (code: number | null, stderr: string) =>
    `exited with ${code === null ? "a signal" : code}${stderr.trim() ? `: ${stderr.trim().split("\n")[0]}` : ""}`,
  notJson: (out: string) => `printed something that is not JSON: ${out.slice(0, 120)}`,
  failedOpen: (message: string) => `the hook failed open: ${message}`,
  allowNotEmpty: (out: string) => `an allow must print nothing, but it printed ${out.slice(0, 120)}`,
  notADenial: (out: string) => `expected a PreToolUse deny object, got ${out === "" ? "nothing (an allow)" : out.slice(0, 120)}`,
  denialWithoutReason: "the denial carries no permissionDecisionReason",

  runtimeDirOk: (dir: string, created: boolean) => `runtime dir ${dir} is writable${created ? " (created it)" : ""}`,
  runtimeDirUnusable: (dir: string, error: unknown) => `runtime dir ${dir} is not usable: ${errorText(error)}`,
  runtimeDirHint: (dir: string) => `make ${dir} a directory you can write to (chmod u+rwx), or point CLAUDE_CONFIG_DIR elsewhere`,

  noLock: (workspace: string, where: string | null) => `no lock on ${workspace}${inStore(where)}`,
  lockHeld: (entry: StatusEntry, workspace: string, where: string | null) =>
    `${workspace} is held by ${holderOf(entry)}, last active ${duration(entry.age_ms ?? 0)} ago${inStore(where)}`,
  lockLeftOver: (state: LockState, workspace: string, where: string | null) =>
    `a ${state} lock is left on ${workspace}${inStore(where)}; the next session takes it over`,
  clearHint: (quoted: string) => `claude-session-guard clear --workspace ${quoted}`,
  lockUnreadable: (error: unknown) => `the lock cannot be read, so every hook here fails open: ${errorText(error)}`,
  lockUnreadableHint: (path: string) => `remove it by hand: rm -r ${shellQuote(path)}`,

  rootNotRead: (root: string, here: string) =>
    `the guard's hooks are in ${root}/.claude/, but Claude Code started in ${here} reads ${here}/.claude/ instead, so sessions started here are not guarded by them`,
  rootNotReadHint: (root: string) => `start Claude Code from ${root}, or install for every directory with \`${INSTALL} --scope user\``,

  storeUrlInvalid: (message: string) => `${message}, so every hook started from here fails open (allows everything)`,
  storeUrlHint: "fix CLAUDE_SESSION_GUARD_STORE (the URL forms are in the message), or unset it to keep locks in files",
  redisOk: (display: string, ms: number) => `the Redis lock store at ${display} answers (read this workspace's lock in ${ms} ms)`,
  redisUnreachable: (problem: string) => `${problem}; until it answers, every hook fails open (allows everything)`,
  redisUnreachableHint: (display: string, source: string) =>
    `start Redis at ${display} or make it reachable from here, or fix the host, port and password in ${source}`,
  workspaceIdMissing:
    "CLAUDE_SESSION_GUARD_WORKSPACE_ID is not set, so the Redis lock is keyed on this host's path of the workspace: " +
    "hosts that mount the workspace at different paths will not see each other's locks",
  workspaceIdHint:
    "export CLAUDE_SESSION_GUARD_WORKSPACE_ID to one name for this workspace on every host (e.g. acme/web-app); leave it unset only if every host sees the workspace at the same path",
  workspaceIdSet: (id: string, key: string) =>
    `CLAUDE_SESSION_GUARD_WORKSPACE_ID is ${JSON.stringify(id)}: every host that sets the same id shares this workspace's lock (${key})`,

  disabled: "CLAUDE_SESSION_GUARD_DISABLE=1 is set here: hooks started from this environment allow everything",
  disabledHint: "unset CLAUDE_SESSION_GUARD_DISABLE",
};

export const M = {
  duration,
  doctor,
  cleared,
  hookChange,

  failed: (message: string) => `${PREFIX} ${message}`,

  storeFailed: (message: string) => message,
  workspaceFailed: (message: string) => message,
  lockNotAFile: (path: string) =>
    `the lock ${path} is not a regular file (a directory?), and the guard never deletes directories: remove it by hand (rm -r ${shellQuote(path)})`,

  noLocks: (where: string) => `No locks in ${where}.`,
  redisStoreName: (display: string) => `the Redis lock store at ${display}`,
  noLockHere: (workspace: string) => `No lock on ${workspace}: no session holds this workspace.`,
  unrecordedWorkspace: (hash: string) => `(not recorded; hash ${hash})`,

  clearOneScope: "choose one of --workspace, --stale and --all",
  nothingToClear: (workspace: string) => `No lock on ${workspace}: nothing to clear.`,
  nothingStale: "No stale, dead or corrupt locks: nothing to clear.",
  nothingAtAll: "No locks: nothing to clear.",
  sweptLeftover: (path: string) => `Removed the leftover file ${path}.`,
  clearBusy: (path: string) => `the lock ${path} kept changing while clear tried to remove it; try again`,

  invalidCount: (value: string) => `-n must be a whole number of at least 1, got "${value}"`,
  noDecisions: (path: string) => `No decisions logged yet (${path}).`,
  logHolder: (short: string, pid: unknown, acquiredAt: unknown) =>
    `holder ${short} (pid ${String(pid)}) active since ${typeof acquiredAt === "number" ? new Date(acquiredAt).toISOString() : "?"}`,

  invalidScope: (value: string) => `unknown scope "${value}": use project, local or user`,
  runningFromNpx:
    "claude-session-guard is running from npx's cache, which npm may prune, and a hook pointing there would stop working. " +
    "Install it first (npm install -g claude-session-guard), then run install again.",
  absolutePathInShared: (prefix: string) =>
    `Note: claude-session-guard is not on PATH, so the hooks call ${prefix}. Teammates sharing this settings file need the same path; ` +
    "installing the package globally (npm install -g claude-session-guard) and running install again writes the bare name instead.",
  subdirectoryNote: (root: string, here: string) =>
    `Note: Claude Code reads project settings from the directory it starts in. Sessions started in ${root} are guarded; ` +
    `sessions started in ${here} are not (use --scope user to guard every directory).`,
  settingsShape: (path: string, problem: string) => `${path}: ${problem}; left untouched, fix it by hand`,
  alreadyInstalled: (path: string) => `Nothing to change: the guard's hooks are already installed in ${path}.`,
  nothingToUninstall: (path: string) => `Nothing to change: ${path} has no guard hooks.`,
  wouldChange: (path: string) => `Would change ${path}:`,
  changed: (path: string, verb: "install" | "uninstall") =>
    verb === "install" ? `Installed the guard's hooks in ${path}:` : `Removed the guard's hooks from ${path}:`,
  dryRunNothingWritten: "Dry run: nothing was written.",
  runningSessionsKeepHooks: "Sessions already running keep the hooks they started with; new sessions pick up the change.",
  settingsInvalidJson: (message: string) => `${message}. Left untouched: fix it by hand and run the command again.`,
  settingsReadOnly: (path: string, message: string) =>
    `${message}. Left untouched: make it writable (chmod u+w ${shellQuote(path)}) or add the hooks by hand (see settings.example.json).`,
  settingsUnusable: (message: string) => message,
};
