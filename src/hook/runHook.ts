// A hook call, from stdin to a HookResult. This is the one place where internal problems turn
// into the contract's fail-open answer: everything below throws typed errors (errors.ts), and
// nothing here lets an error become a denial. Time, process, store and log come in as HookDeps,
// so a test can run a whole call in process.

import { GuardError, InputError, messageOf } from "../errors.js";
import type { LogEntry, Outcome } from "../host/decisionLog.js";
import { livenessProbe, type ProcessHost, sessionPid, startIdentity } from "../host/sessionProcess.js";
import { resolveWorkspace, type Workspace, type WorkspaceFs } from "../host/workspace.js";
import { acquire, type Clock, refresh, release } from "../lock/apply.js";
import { type Caller, judge } from "../lock/decide.js";
import type { LockStore } from "../lock/port.js";
import type { LockRecord } from "../lock/record.js";
import { hook as M } from "../messages.js";
import type { HookCommand, HookFlags } from "./commands.js";
import { type HookPayload, parsePayload } from "./payload.js";
import { type Env, isDisabled, leaseFor, needsLock, resolveTtl } from "./policy.js";
import type { HookResult } from "./render.js";

export type { HookResult };

export interface HookDeps {
  env: Env;
  readInput(): Promise<string>;
  clock: Clock;
  /** The store this process was configured with (resolved once, from `--store` or the environment). */
  openStore(): Promise<LockStore>;
  host: ProcessHost;
  log(entry: LogEntry): void;
  workspaceFs?: WorkspaceFs;
}

/** The hook's command line, parsed: its flags, or why they could not be read. */
export type HookArgs = { ok: true; flags: HookFlags } | { ok: false; problem: string };

export async function runHook(command: HookCommand, args: HookArgs, deps: HookDeps): Promise<HookResult> {
  const { env } = deps;
  let payload: HookPayload | null = null;
  let workspace: Workspace | null = null;
  try {
    const text = await deps.readInput();
    if (isDisabled(env)) return { kind: "allow" };
    if (!args.ok) throw new InputError(args.problem, "EFLAG");
    const parsed = parsePayload(text);
    if (!parsed.ok) throw new InputError(parsed.problem, "EPAYLOAD");
    payload = parsed.payload;
    const ttlMs = resolveTtl(args.flags.ttlMs, env);
    workspace = resolveWorkspace(env, payload.cwd, deps.workspaceFs);
    const store = await deps.openStore();
    try {
      return await HANDLERS[command]({ deps, payload, workspace, store, ttlMs });
    } finally {
      await store.close();
    }
  } catch (error) {
    if (isDisabled(env)) return { kind: "allow" };
    const problem = error instanceof GuardError ? error.message : M.internalError(messageOf(error));
    const code = error instanceof GuardError ? error.code : "EINTERNAL";
    deps.log(entry(deps, command, "fail-open", payload, workspace, { error: problem, code }));
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
    if (!needsLock(payload, deps.env)) return { kind: "allow" };
    const outcome = await acquire(
      store,
      workspace.key,
      callerFor(deps, payload, workspace, ttlMs, leaseFor(payload)),
      livenessProbe(deps.host),
      deps.clock,
    );
    if (outcome.kind === "deny") {
      deps.log(entry(deps, "pretooluse", "block", payload, workspace, { holder: holderOf(outcome.holder), tool: payload.toolName }));
      const now = deps.clock.now();
      return { kind: "deny", reason: M.denyReason(payload.toolName, workspace.path, holderLine(outcome.holder, now, outcome.expiresAt)) };
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
      systemMessage: M.sessionStartForUser(workspace.path, holder),
      additionalContext: M.sessionStartForClaude(workspace.path, holder),
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
  const by = notice.by === null ? M.anOperator : M.otherSession(notice.by.session_id, notice.by.pid);
  const at = new Date(notice.at).toISOString();
  deps.log(entry(deps, event === "PreToolUse" ? "pretooluse" : "posttooluse", "lost", payload, workspace, { by: notice.by }));
  return {
    kind: "notice",
    event,
    systemMessage: M.lostForUser(workspace.path, by, at, notice.reason),
    additionalContext: M.lostForClaude(workspace.path, by, at, notice.reason),
  };
}

function holderLine(holder: LockRecord, now: number, expiresAt: number): string {
  return M.holderLine(holder.session_id, holder.pid, now - holder.acquired_at, expiresAt - now);
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
