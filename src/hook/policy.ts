// The hook's pure policy: which calls need the lock, where a call acts, how long its lease lasts,
// what background work it starts, and which time-to-live applies. No I/O: the orchestrator
// (runHook.ts) feeds it the payload and settings.

import { InputError } from "../errors.js";
import type { WorkItem } from "../lock/record.js";
import { DEFAULT_TTL_MS } from "../lock/record.js";
import { input } from "../messages.js";
import type { HookPayload } from "./payload.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** Claude Code's defaults and ceilings (2.1.331's tool schemas): a foreground Bash call's timeout… */
export const BASH_DEFAULT_TIMEOUT_MS = 120_000;
export const BASH_MAX_TIMEOUT_MS = 600_000;
/** …a background command's (run_in_background), and a monitor's (timeout_ms). */
export const BACKGROUND_DEFAULT_TIMEOUT_MS = 600_000;
export const BACKGROUND_MAX_TIMEOUT_MS = 7_200_000;
export const MONITOR_DEFAULT_TIMEOUT_MS = 300_000;
export const MONITOR_MAX_TIMEOUT_MS = 600_000;
export const MIN_TTL_MS = 1000;
export const MAX_TTL_MS = 604_800_000;

/** What one tool call means for the lock. */
export interface CallPlan {
  /** Whether the call can change the workspace, and so needs the lock. */
  guarded: boolean;
  /** The paths the call changes, when it names them; otherwise (none) it acts in the payload's cwd. */
  targets: string[];
  /** How long the call may run in the foreground: the lock outlasts it. */
  leaseMs: number;
  /** Background work the call starts, which keeps the lock after the turn (its id is the call's until the task's is known). */
  starts: Omit<WorkItem, "since" | "until"> & { runsMs: number } | null;
}

const NOTHING: CallPlan = { guarded: false, targets: [], leaseMs: 0, starts: null };

/**
 * Tools that read, search or steer the session, never change files. EnterWorktree is here on
 * purpose: it is the way out of a locked checkout (it creates the session's own worktree, and
 * git's own locks protect the repository's metadata), so denying it would block the very advice
 * a denial gives. Any other tool that reaches the hook (the matcher chose it, an MCP tool a user
 * added) is guarded.
 */
const NEVER_GUARDED = new Set([
  "Read", "Glob", "Grep", "LS", "WebFetch", "WebSearch", "ToolSearch", "TodoWrite", "TaskStop", "ListAgents",
  "EnterWorktree", "ExitPlanMode", "Skill", "ScheduleWakeup", "CronList", "AskUserQuestion",
]);

/** Whether a POSIX shell command provably changes nothing (the Bash classifier, src/bash/readOnly.ts). */
export type ReadOnlyCommand = (command: string) => boolean;

export function planCall(payload: HookPayload, env: Env, readOnly: ReadOnlyCommand): CallPlan {
  const tool = payload.toolName ?? "";
  const input = payload.toolInput;
  const text = (key: string) => (typeof input[key] === "string" && input[key] !== "" ? (input[key] as string) : null);
  if (NEVER_GUARDED.has(tool)) return NOTHING;
  switch (tool) {
    case "Write":
    case "Edit":
    case "MultiEdit":
      return { guarded: true, targets: named(text("file_path")), leaseMs: 0, starts: null };
    case "NotebookEdit":
      return { guarded: true, targets: named(text("notebook_path")), leaseMs: 0, starts: null };
    case "apply_patch":
      // Codex's and Copilot's patch tool, its file paths read from the patch by the agent's adapter.
      return { guarded: true, targets: Array.isArray(input.paths) ? input.paths.filter((p): p is string => typeof p === "string" && p !== "") : [], leaseMs: 0, starts: null };
    case "Bash":
      return shellPlan(text("command"), input, env, readOnly, callId(payload));
    case "PowerShell":
      return shellPlan(text("command"), input, env, powerShellReadOnly, callId(payload));
    case "Monitor": {
      const command = text("command");
      // A monitor of a web socket, or of a command that provably changes nothing, runs nothing that writes.
      if (command === null || (!isStrictBash(env) && readOnly(command))) return NOTHING;
      const runsMs = clamp(input.timeout_ms, MONITOR_DEFAULT_TIMEOUT_MS, MONITOR_MAX_TIMEOUT_MS);
      return { guarded: true, targets: [], leaseMs: 0, starts: { type: "monitor", id: callId(payload), command, ...describe(text("description")), runsMs } };
    }
    case "ExitWorktree":
      // Leaving with "keep" changes nothing; "remove" deletes the worktree it leaves (the cwd).
      return input.action === "remove" ? { guarded: true, targets: [], leaseMs: 0, starts: null } : NOTHING;
    default:
      return { guarded: true, targets: [], leaseMs: 0, starts: null };
  }
}

function shellPlan(command: string | null, input: Record<string, unknown>, env: Env, readOnly: ReadOnlyCommand, id: string): CallPlan {
  if (command !== null && !isStrictBash(env) && readOnly(command)) {
    return NOTHING;
  }
  if (input.run_in_background === true) {
    const runsMs = clamp(input.timeout, BACKGROUND_DEFAULT_TIMEOUT_MS, BACKGROUND_MAX_TIMEOUT_MS);
    const description = typeof input.description === "string" ? input.description : null;
    return { guarded: true, targets: [], leaseMs: 0, starts: { type: "shell", id, ...(command !== null && { command }), ...describe(description), runsMs } };
  }
  return { guarded: true, targets: [], leaseMs: clamp(input.timeout, BASH_DEFAULT_TIMEOUT_MS, BASH_MAX_TIMEOUT_MS), starts: null };
}

/**
 * PowerShell is not a POSIX shell, so the Bash classifier cannot prove anything about it. Only a
 * lone read-only cmdlet with plain arguments (no pipeline, no redirection, no sub-expression, no
 * script block) is provably read-only; everything else is guarded.
 */
const POWERSHELL_READ_ONLY = new Set(["get-childitem", "gci", "ls", "dir", "get-content", "gc", "cat", "type", "get-location", "gl", "pwd", "test-path", "select-string", "sls", "get-item", "gi", "resolve-path", "rvpa", "get-date", "get-command", "gcm"]);

export function powerShellReadOnly(command: string): boolean {
  if (/[|;&<>`$(){}\n\r@]/.test(command)) return false;
  const cmdlet = command.trim().split(/\s+/)[0];
  return cmdlet !== undefined && POWERSHELL_READ_ONLY.has(cmdlet.toLowerCase());
}

function named(path: string | null): string[] {
  return path === null ? [] : [path];
}

function clamp(declared: unknown, fallback: number, max: number): number {
  const value = typeof declared === "number" && Number.isFinite(declared) && declared > 0 ? declared : fallback;
  return Math.round(Math.min(value, max));
}

function describe(description: string | null): { description?: string } {
  return description === null ? {} : { description };
}

/** The id a call's work goes by until the task's own id is known: the call's tool_use_id. */
function callId(payload: HookPayload): string {
  return payload.toolUseId ?? "";
}

/** `--ttl-ms` wins over CLAUDE_SESSION_GUARD_TTL_MS; neither means the default. */
export function resolveTtl(flag: string | undefined, env: Env): number {
  if (flag !== undefined) return parseTtl(flag, "--ttl-ms");
  const fromEnv = env.CLAUDE_SESSION_GUARD_TTL_MS;
  if (fromEnv !== undefined && fromEnv !== "") return parseTtl(fromEnv, "CLAUDE_SESSION_GUARD_TTL_MS");
  return DEFAULT_TTL_MS;
}

function parseTtl(raw: string, source: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < MIN_TTL_MS || value > MAX_TTL_MS) throw new InputError(input.invalidTtl(source, raw), "ETTL");
  return value;
}

/** The longest a pretooluse may wait for a held workspace (`--wait`). */
export const MAX_WAIT_S = 300;

/**
 * How long pretooluse waits for a held workspace before it denies. Only a flag, never an
 * environment variable: the wait must stay below the hook's `timeout`, which sits beside the
 * flag in the same settings entry (a hook Claude Code kills at its timeout lets the tool run).
 */
export function resolveWaitMs(flag: string | undefined): number {
  if (flag === undefined) return 0;
  const value = Number(flag);
  if (!/^\d+$/.test(flag.trim()) || value > MAX_WAIT_S) throw new InputError(input.invalidWait(flag), "EWAIT");
  return value * 1000;
}

/**
 * An on/off environment variable, read the way git hook managers (husky, lefthook) read theirs:
 * 1/true/yes/on and 0/false/no/off in any case; unset or empty is off. Anything else is null: the
 * caller keeps its default (the guard stays on) and doctor points at the value.
 */
export function switchOf(raw: string | undefined): boolean | null {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false" || value === "no" || value === "off") return false;
  if (value === "1" || value === "true" || value === "yes" || value === "on") return true;
  return null;
}

/** The escape hatch: the hooks allow everything (each call still logged as disabled). */
export function isDisabled(env: Env): boolean {
  return switchOf(env.CLAUDE_SESSION_GUARD_DISABLE) === true;
}

/** Every shell command takes the lock, read-only or not. */
export function isStrictBash(env: Env): boolean {
  return switchOf(env.CLAUDE_SESSION_GUARD_STRICT_BASH) === true;
}
