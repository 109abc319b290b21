// A hook call, from stdin to a HookResult. This is the one place where internal problems turn
// into the contract's fail-open answer: everything below throws typed errors, and nothing here
// lets an error become a denial.

import { classifyBash } from "../core/bashReadOnly.js";
import type { Caller } from "../core/decide.js";
import { parsePayload, type HookPayload } from "../core/payload.js";
import { DEFAULT_TTL_MS, type LockRecord } from "../core/record.js";
import type { LogEntry, Outcome } from "../host/decisionLog.js";
import { livenessProbe, type ProcessHost, sessionPid, startIdentity } from "../host/sessionProcess.js";
import { resolveWorkspace, type Workspace, type WorkspaceFs } from "../host/workspace.js";
import { judge } from "../core/decide.js";
import {
  denyReason,
  holderLine,
  invalidTtl,
  lostNoticeForClaude,
  lostNoticeForUser,
  otherSession,
  sessionStartForClaude,
  sessionStartForUser,
} from "../messages.js";
import type { LockStore } from "../store/port.js";
import { acquire, type Clock, refresh, release } from "./guard.js";

export const HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"] as const;
export type HookCommand = (typeof HOOK_COMMANDS)[number];

export type HookResult =
  | { kind: "allow" }
  | { kind: "deny"; reason: string }
  | { kind: "failOpen"; problem: string }
  /** An allow that tells: a message for the user and context for Claude. */
  | { kind: "notice"; event: string; systemMessage: string; additionalContext: string };

export interface HookDeps {
  env: NodeJS.ProcessEnv;
  readInput(): Promise<string>;
  clock: Clock;
  openStore(env: NodeJS.ProcessEnv): LockStore | Promise<LockStore>;
  host: ProcessHost;
  log(entry: LogEntry): void;
  workspaceFs?: WorkspaceFs;
  /** The raw value of `--ttl-ms`, when given. */
  ttlFlag?: string | undefined;
}

/** Bad input or settings: the hook cannot judge the call, so it fails open and says why. */
export class HookInputError extends Error {
  override name = "HookInputError";
}

/** Claude Code's own default and ceiling for a Bash call's `timeout`. */
const BASH_DEFAULT_TIMEOUT_MS = 120_000;
const BASH_MAX_TIMEOUT_MS = 600_000;

export async function runHook(command: HookCommand, deps: HookDeps): Promise<HookResult> {
  const { env } = deps;
  let payload: HookPayload | null = null;
  let workspace: Workspace | null = null;
  try {
    const text = await deps.readInput();
    if (env.CLAUDE_SESSION_GUARD_DISABLE === "1") return { kind: "allow" };
    const parsed = parsePayload(text);
    if (!parsed.ok) throw new HookInputError(parsed.problem);
    payload = parsed.payload;
    const ttlMs = resolveTtl(deps.ttlFlag, env);
    workspace = resolveWorkspace(env, payload.cwd, deps.workspaceFs);
    const store = await deps.openStore(env);
    try {
      return await HANDLERS[command]({ deps, payload, workspace, store, ttlMs });
    } finally {
      await store.close();
    }
  } catch (error) {
    if (env.CLAUDE_SESSION_GUARD_DISABLE === "1") return { kind: "allow" };
    const problem = describe(error);
    deps.log(entry(deps, command, "fail-open", payload, workspace, { error: problem }));
    return { kind: "failOpen", problem };
  }
}

interface Call {
  deps: HookDeps;
  payload: HookPayload;
  workspace: Workspace;
  store: LockStore;
  ttlMs: number;
}

const HANDLERS: Record<HookCommand, (call: Call) => Promise<HookResult>> = {
  async pretooluse({ deps, payload, workspace, store, ttlMs }) {
    // A command that provably cannot change the workspace needs no lock: it neither takes one nor
    // waits for one. Anything the classifier cannot prove read-only is guarded.
    if (isReadOnlyBash(payload, deps.env)) return { kind: "allow" };
    const outcome = await acquire(
      store,
      workspace.key,
      callerFor(deps, payload, workspace, ttlMs, leaseFor(payload)),
      livenessProbe(deps.host),
      deps.clock,
    );
    if (outcome.kind === "deny") {
      deps.log(entry(deps, "pretooluse", "block", payload, workspace, { holder: holderOf(outcome.holder), tool: payload.toolName }));
      return {
        kind: "deny",
        reason: denyReason(payload.toolName, workspace.path, outcome.holder, deps.clock.now(), outcome.expiresAt),
      };
    }
    if (outcome.why !== "own") {
      const outcomeName: Outcome = outcome.why === "free" ? "acquire" : "takeover";
      deps.log(
        entry(deps, "pretooluse", outcomeName, payload, workspace, {
          ...(outcome.previous && { holder: holderOf(outcome.previous) }),
          ...(outcome.why !== "free" && { reason: outcome.why }),
        }),
      );
    }
    // A lapsed holder may still be alive and come back: tell it, on its next call, who came in.
    // A dead holder will not come back, and a corrupt record names nobody.
    if (outcome.why === "stale" && outcome.previous !== null) {
      await store.putNotice(workspace.key, outcome.previous.session_id, {
        by: { session_id: outcome.record.session_id, pid: outcome.record.pid },
        at: outcome.record.acquired_at,
        reason: "stale",
        generation: outcome.previous.generation ?? null,
      });
    }
    return deliverNotice(deps, payload, workspace, store, "PreToolUse");
  },

  async posttooluse({ deps, payload, workspace, store, ttlMs }) {
    await refresh(store, workspace.key, callerFor(deps, payload, workspace, ttlMs, 0), deps.clock);
    return deliverNotice(deps, payload, workspace, store, "PostToolUse");
  },

  async sessionstart({ deps, payload, workspace, store }) {
    const { observed } = await store.read(workspace.key);
    if (observed.kind !== "record" || observed.record.session_id === payload.sessionId) return { kind: "allow" };
    const now = deps.clock.now();
    const judged = judge(observed, now, livenessProbe(deps.host));
    if (judged.state !== "held") return { kind: "allow" };
    const holder = holderLine(judged.record, now, judged.expiresAt);
    return {
      kind: "notice",
      event: "SessionStart",
      systemMessage: sessionStartForUser(workspace.path, holder),
      additionalContext: sessionStartForClaude(workspace.path, holder),
    };
  },

  async stop({ deps, payload, workspace, store }) {
    const outcome = await release(store, workspace.key, payload.sessionId, deps.clock);
    if ("released" in outcome) {
      deps.log(entry(deps, "stop", "release", payload, workspace, { holder: holderOf(outcome.released) }));
    }
    return { kind: "allow" };
  },
};

/** Tells this session, once, that another session took its lock while it was away. */
async function deliverNotice(
  deps: HookDeps,
  payload: HookPayload,
  workspace: Workspace,
  store: LockStore,
  event: string,
): Promise<HookResult> {
  const notice = await store.takeNotice(workspace.key, payload.sessionId);
  if (notice === null) return { kind: "allow" };
  const by = notice.by === null ? "an operator (claude-session-guard clear)" : otherSession(notice.by.session_id, notice.by.pid);
  const at = new Date(notice.at).toISOString();
  deps.log(entry(deps, event === "PreToolUse" ? "pretooluse" : "posttooluse", "lost", payload, workspace, { by: notice.by }));
  return {
    kind: "notice",
    event,
    systemMessage: lostNoticeForUser(workspace.path, by, at, notice.reason),
    additionalContext: lostNoticeForClaude(workspace.path, by, at, notice.reason),
  };
}

function isReadOnlyBash(payload: HookPayload, env: NodeJS.ProcessEnv): boolean {
  if (payload.toolName !== "Bash" || env.CLAUDE_SESSION_GUARD_STRICT_BASH === "1") return false;
  const command = payload.toolInput.command;
  return typeof command === "string" && classifyBash(command).readOnly;
}

/** A Bash call may run up to its declared timeout; the lock must outlast it. */
function leaseFor(payload: HookPayload): number {
  if (payload.toolName !== "Bash") return 0;
  const declared = payload.toolInput.timeout;
  const timeout = typeof declared === "number" && Number.isFinite(declared) && declared > 0 ? declared : BASH_DEFAULT_TIMEOUT_MS;
  return Math.round(Math.min(timeout, BASH_MAX_TIMEOUT_MS));
}

/** Built lazily: the session's process identity costs /proc reads that a denial never needs. */
function callerFor(deps: HookDeps, payload: HookPayload, workspace: Workspace, ttlMs: number, leaseMs: number): () => Caller {
  let identity: Pick<Caller, "pid" | "stamp"> | undefined;
  return () => {
    if (identity === undefined) {
      const pid = sessionPid(deps.env, deps.host);
      const pidStart = startIdentity(pid, deps.host);
      identity = {
        pid,
        stamp: { workspace: workspace.path, hostname: deps.host.hostname(), ...(pidStart !== null && { pid_start: pidStart }) },
      };
    }
    return { sessionId: payload.sessionId, now: deps.clock.now(), ttlMs, leaseMs, ...identity };
  };
}

export function resolveTtl(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  if (flag !== undefined) return parseTtl(flag, "--ttl-ms");
  const fromEnv = env.CLAUDE_SESSION_GUARD_TTL_MS;
  if (fromEnv !== undefined && fromEnv !== "") return parseTtl(fromEnv, "CLAUDE_SESSION_GUARD_TTL_MS");
  return DEFAULT_TTL_MS;
}

function parseTtl(raw: string, source: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < 1000 || value > 604_800_000) throw new HookInputError(invalidTtl(source, raw));
  return value;
}

function holderOf(record: LockRecord): NonNullable<LogEntry["holder"]> {
  return { session_id: record.session_id, pid: record.pid, acquired_at: record.acquired_at, ttl_ms: record.ttl_ms };
}

function entry(
  deps: HookDeps,
  event: string,
  outcome: Outcome,
  payload: HookPayload | null,
  workspace: Workspace | null,
  extra: Partial<LogEntry> = {},
): LogEntry {
  return {
    time: new Date(deps.clock.now()).toISOString(),
    event,
    outcome,
    session: payload?.sessionId ?? null,
    workspace: workspace?.path ?? null,
    ...extra,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name !== "Error" && error.name !== "TypeError" && error.name !== "RangeError") {
    return error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `internal error (${message}); please report it`;
}
