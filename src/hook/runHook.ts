// A hook call, from stdin to a HookResult and the agent that reads it. This is the one place
// where internal problems turn into the contract's fail-open answer: everything below throws
// typed errors (errors.ts), and nothing here lets an error become a denial. Time, process, store,
// log and the other agents' adapters come in as HookDeps, so a test can run a whole call in process.

import { type Agent, detectAgent } from "../agents/agents.js";
import { AGENT_NAMES, type AgentName, isAgentName } from "../agents/names.js";
import { claude } from "../agents/claude.js";
import { GuardError, InputError, messageOf, WorkspaceError } from "../errors.js";
import type { LogEntry, Outcome } from "../host/decisionLog.js";
import { claudeConfigDir } from "../host/paths.js";
import { isIdleSince, parentSessionOf, registryEntry, terminalOf } from "../host/sessionRegistry.js";
import { livenessProbe, type ProcessHost, sessionPid, startIdentity } from "../host/sessionProcess.js";
import { resolveWorkspace, type Workspace, type WorkspaceFs, workspaceOfTarget } from "../host/workspace.js";
import { acquire, type Clock, finish, refresh } from "../lock/apply.js";
import { type Caller, type HolderChecks, judge } from "../lock/decide.js";
import type { LockStore } from "../lock/port.js";
import type { LockRecord, WorkItem } from "../lock/record.js";
import { input, hook as M } from "../messages.js";
import { keepAtEnd } from "./background.js";
import type { HookCommand, HookFlags } from "./commands.js";
import { holderText } from "./holder.js";
import { type HookPayload, readPayload } from "./payload.js";
import { type CallPlan, type Env, isDisabled, planCall, type ReadOnlyCommand, resolveTtl, resolveWaitMs } from "./policy.js";
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
  /** How a person or Claude runs this guard where its messages are read (world.selfInvocation); asked only when a message names it. */
  selfInvocation?(): string;
  /** Whether this session is to be shown this fail-open warning now; absent, always. */
  firstShowing?(session: string, problem: string): boolean;
  /** The Bash classifier: loaded only by calls that run a command. */
  readOnlyCommand: ReadOnlyCommand;
  /** Another agent's adapter: loaded only by calls that name or send another agent's payload. */
  loadAgent(name: Exclude<AgentName, "claude">): Agent | Promise<Agent>;
  workspaceFs?: WorkspaceFs;
}

/** What a hook call decided, and the agent whose shape the answer takes. */
export interface HookAnswer {
  agent: Agent;
  result: HookResult;
}

/** The hook's command line, parsed: its flags, or why they could not be read. */
export type HookArgs = { ok: true; flags: HookFlags } | { ok: false; problem: string };

export async function runHook(command: HookCommand, args: HookArgs, deps: HookDeps): Promise<HookAnswer> {
  const { env } = deps;
  // Until the agent is known, answers take Claude Code's shape, which every agent reads as no objection.
  let agent: Agent = claude;
  let payload: HookPayload | null = null;
  let workspace: Workspace | null = null;
  try {
    const text = await deps.readInput();
    // The agent first: whatever this call answers, a denial or a warning, takes its shape.
    const named = args.ok ? args.flags.agent : undefined;
    if (named !== undefined) agent = await adapter(named, deps);
    const read = readPayload(text);
    if (read.ok && named === undefined) agent = await adapter(detectAgent(read.value), deps);
    const parsed = read.ok ? agent.payload(read.value, command) : read;
    if (isDisabled(env)) return { agent, result: disabled(deps, command, parsed.ok ? parsed.payload : null) };
    if (!parsed.ok) throw new InputError(parsed.problem, "EPAYLOAD");
    payload = parsed.payload;
    if (!args.ok) throw new InputError(args.problem, "EFLAG");
    const call = new Call(deps, payload, resolveTtl(args.flags.ttlMs, env), resolveWaitMs(args.flags.wait));
    const store = await deps.openStore();
    try {
      return { agent, result: await HANDLERS[command](call, store, (ws) => (workspace = ws)) };
    } finally {
      await store.close();
    }
  } catch (error) {
    if (isDisabled(env)) return { agent, result: { kind: "allow" } };
    const problem = error instanceof GuardError ? error.message : M.internalError(messageOf(error));
    const code = error instanceof GuardError ? error.code : "EINTERNAL";
    deps.log(entry(deps, command, "fail-open", payload, workspace, { error: problem, code }));
    // Without a session id, the session's process stands in for it.
    const shown = deps.firstShowing?.(payload?.sessionId ?? `pid:${deps.host.ppid}`, problem) ?? true;
    if (!shown) return { agent, result: { kind: "failOpen", problem, quiet: true } };
    const self = deps.selfInvocation?.();
    return { agent, result: { kind: "failOpen", problem, ...(self !== undefined && { self }) } };
  }
}

async function adapter(name: string, deps: HookDeps): Promise<Agent> {
  if (!isAgentName(name)) throw new InputError(input.unknownAgent(name, AGENT_NAMES.join(", ")), "EAGENT");
  if (name === "claude") return claude;
  try {
    return await deps.loadAgent(name);
  } catch (error) {
    throw new InputError(input.noAgentsBundle(messageOf(error)), "EAGENT", { cause: error });
  }
}

/** A disabled hook allows, and leaves a line in the log so that an unguarded change can be traced. */
function disabled(deps: HookDeps, command: HookCommand, payload: HookPayload | null): HookResult {
  deps.log(entry(deps, command, "disabled", payload, null, { ...(payload?.cwd && { cwd: payload.cwd }) }));
  return { kind: "allow" };
}

/** One hook call: its payload and settings, and what it learns about its own session lazily. */
class Call {
  private identity: { pid: number; pidStart: string | null } | undefined;

  constructor(
    readonly deps: HookDeps,
    readonly payload: HookPayload,
    readonly ttlMs: number,
    /** How long a denied pretooluse keeps trying before it denies (--wait). */
    readonly waitMs: number = 0,
  ) {}

  get now(): number {
    return this.deps.clock.now();
  }

  /** The session's process and its start identity: /proc reads that a denial never needs. */
  self(): { pid: number; pidStart: string | null } {
    if (this.identity === undefined) {
      // Only Claude Code names its process in CLAUDE_PID; another agent started from a Claude
      // Code session inherits that variable, which then names the wrong process.
      const pid = sessionPid(this.payload.agent === "claude" ? this.deps.env : {}, this.deps.host);
      this.identity = { pid, pidStart: startIdentity(pid, this.deps.host) };
    }
    return this.identity;
  }

  /** The workspace the session is in (the payload's cwd). */
  here(): Workspace {
    return resolveWorkspace(this.deps.env, this.payload.cwd, this.deps.workspaceFs);
  }

  /** The workspaces this call acts in: those of the files it changes, or of the directory it runs in. */
  actsIn(targets: string[]): Workspace[] {
    if (targets.length === 0) return [this.here()];
    const found = new Map<string, Workspace>();
    for (const target of targets) {
      const workspace = workspaceOfTarget(this.deps.env, target, this.payload.cwd, this.deps.workspaceFs);
      found.set(workspace.key, workspace);
    }
    return [...found.values()];
  }

  caller(workspace: Workspace, extra: Pick<Caller, "leaseMs"> & Partial<Pick<Caller, "starts" | "names">>): () => Caller {
    return () => {
      const { pid, pidStart } = this.self();
      return {
        sessionId: this.payload.sessionId,
        pid,
        now: this.now,
        ttlMs: this.ttlMs,
        stamp: {
          workspace: workspace.path,
          hostname: this.deps.host.hostname(),
          ...(pidStart !== null && { pid_start: pidStart }),
          ...(this.payload.agent !== "claude" && { agent: this.payload.agent }),
        },
        ...extra,
      };
    };
  }

  /** Asked only when a held lock would otherwise deny this call. */
  checks(): HolderChecks {
    const { host } = this.deps;
    const sameHost = (holder: LockRecord) => holder.hostname === host.hostname();
    return {
      // The process moved on from the holder's session to this one (/clear): Claude Code's
      // registry, checked against the process's start identity, names this session now.
      sameProcess: (holder) => {
        const { pid, pidStart } = this.self();
        if (!sameHost(holder) || pidStart === null || holder.pid !== pid || holder.pid_start !== pidStart) return false;
        return registryEntry(claudeConfigDir(this.deps.env), holder, host)?.sessionId === this.payload.sessionId;
      },
      sameTeam: (holder) => {
        if (!sameHost(holder)) return false;
        // A teammate in its own process names its lead on its command line; an in-process one shares the lead's session.
        const myLead = parentSessionOf(this.self().pid, host);
        const theirLead = parentSessionOf(holder.pid, host);
        return (myLead !== null && (holder.session_id === myLead || theirLead === myLead)) || theirLead === this.payload.sessionId;
      },
      idle: (holder) => isIdleSince(registryEntry(claudeConfigDir(this.deps.env), holder, host), holder.acquired_at),
    };
  }

  /** The holder as a person knows it, from the record and what Claude Code's registry says. */
  describe(holder: LockRecord, expiresAt: number) {
    const entry = registryEntry(claudeConfigDir(this.deps.env), holder, this.deps.host);
    const tty = holder.hostname === this.deps.host.hostname() ? terminalOf(holder.pid, this.deps.host) : null;
    return holderText(holder, expiresAt, this.now, entry, tty, this.payload.agent);
  }
}

type Handler = (call: Call, store: LockStore, acted: (workspace: Workspace) => void) => Promise<HookResult>;

const HANDLERS: Record<HookCommand, Handler> = {
  async pretooluse(call, store, acted) {
    const { deps, payload } = call;
    const plan = planCall(payload, deps.env, deps.readOnlyCommand);
    if (!plan.guarded) return { kind: "allow" };
    // A patch may change files in several workspaces and needs every one of them. A denial leaves
    // those already taken held by this session, as any lock it takes, until its turn ends.
    const workspaces = call.actsIn(plan.targets);
    const started = call.now;
    for (const workspace of workspaces) {
      acted(workspace);
      const denial = await take(call, store, workspace, plan, started);
      if (denial !== null) return denial;
    }
    return firstNotice(deps, payload, workspaces, store, "PreToolUse");
  },

  /** PostToolUse and PostToolUseFailure: the call acted in a workspace, so its lock there lives on. */
  async posttooluse(call, store, acted) {
    const { deps, payload } = call;
    const workspaces = call.actsIn(planCall(payload, deps.env, () => false).targets);
    const names = payload.backgroundTaskId !== null && payload.toolUseId !== null ? { callId: payload.toolUseId, taskId: payload.backgroundTaskId } : undefined;
    for (const workspace of workspaces) {
      acted(workspace);
      await refresh(store, workspace.key, call.caller(workspace, { leaseMs: 0, ...(names !== undefined && { names }) }), deps.clock);
    }
    return firstNotice(deps, payload, workspaces, store, payload.event === "PostToolUseFailure" ? "PostToolUseFailure" : "PostToolUse");
  },

  async sessionstart(call, store, acted) {
    const { deps, payload } = call;
    // After /clear the process goes on under a new session id: what its old id held (kept for
    // background work that runs on) becomes this session's, so it neither denies itself nor drops it.
    if (payload.source === "clear") await adopt(call, store);
    const workspace = call.here();
    acted(workspace);
    const { observed } = await store.read(workspace.key);
    if (observed.kind !== "record" || observed.record.session_id === payload.sessionId) return { kind: "allow" };
    const judged = judge(observed, call.now, livenessProbe(deps.host));
    if (judged.state !== "held" || call.checks().sameProcess?.(judged.record)) return { kind: "allow" };
    const holder = call.describe(judged.record, judged.expiresAt);
    return {
      kind: "notice",
      event: "SessionStart",
      systemMessage: M.sessionStartForUser(workspace.path, holder),
      additionalContext: M.sessionStartForClaude(workspace.path, holder),
    };
  },

  /** Stop, SessionEnd, StopFailure (and SubagentStop, which never releases): every lock the session holds. */
  async stop(call, store, acted) {
    const { deps, payload } = call;
    let here: Workspace | null = null;
    try {
      here = call.here();
      acted(here);
    } catch (error) {
      // The session's directory is gone: its locks are still found through its index.
      if (!(error instanceof WorkspaceError)) throw error;
    }
    const keys = new Set(await store.heldBy(payload.sessionId));
    if (here !== null) keys.add(here.key);
    const ending = { event: payload.event, tasks: payload.backgroundTasks, reason: payload.reason };
    const checks = { sameProcess: call.checks().sameProcess! };
    let keeps = false;
    for (const key of keys) {
      const keep = (record: LockRecord) => keepAtEnd(ending, record, { now: call.now, ttlMs: call.ttlMs, here: key === here?.key });
      const outcome = await finish(store, key, { sessionId: payload.sessionId, now: call.now }, keep, deps.clock, checks);
      if ("released" in outcome) {
        deps.log(entry(deps, "stop", "release", payload, workspaceOf(outcome.released, here), { holder: holderOf(outcome.released) }));
      } else if ("kept" in outcome) {
        keeps = true;
        deps.log(entry(deps, "stop", "keep", payload, workspaceOf(outcome.kept, here), { work: outcome.kept.work }));
      } else if (outcome.skipped === "kept") {
        keeps = true;
      }
    }
    // Nothing left to find again: the index goes with the session's last lock.
    if (!keeps || payload.event === "SessionEnd") await store.forgetHeld(payload.sessionId);
    return { kind: "allow" };
  },
};

/**
 * Takes one workspace's lock for a guarded call: null when it is this session's now, else the
 * denial. With --wait, a held workspace is looked at again until `started` plus the wait.
 */
async function take(call: Call, store: LockStore, workspace: Workspace, plan: CallPlan, started: number): Promise<HookResult | null> {
  const { deps, payload } = call;
  const outcome = await acquire(
    store,
    workspace.key,
    () => {
      const now = call.now;
      const starts: WorkItem | undefined = plan.starts === null ? undefined : (({ runsMs, ...item }) => ({ ...item, since: now, until: now + runsMs + call.ttlMs }))(plan.starts);
      return call.caller(workspace, { leaseMs: plan.leaseMs, ...(starts !== undefined && { starts }) })();
    },
    livenessProbe(deps.host),
    deps.clock,
    call.checks(),
    // --wait: the holder's turn may be about to end; a short wait beats a denial.
    call.waitMs > 0 ? started + call.waitMs : 0,
  );
  const waitedMs = call.waitMs > 0 ? call.now - started : 0;
  if (outcome.kind === "deny") {
    // A lost-lock notice waits for the first allowed call: that is when files may have changed under it.
    const waited = waitedMs > 0 ? { waited_ms: waitedMs } : {};
    deps.log(entry(deps, "pretooluse", "block", payload, workspace, { holder: holderOf(outcome.holder), ...waited }));
    const holder = call.describe(outcome.holder, outcome.expiresAt);
    return {
      kind: "deny",
      reason: M.denyReason(payload.toolLabel, workspace.path, holder, waitedMs, deps.selfInvocation?.()),
      context: M.denyContext(workspace.path, holder),
    };
  }
  if (outcome.why !== "own") {
    const outcomeName: Outcome = outcome.why === "free" ? "acquire" : "takeover";
    deps.log(
      entry(deps, "pretooluse", outcomeName, payload, workspace, {
        ...(outcome.previous && { holder: holderOf(outcome.previous) }),
        ...(outcome.why !== "free" && { reason: outcome.why }),
        ...(waitedMs > 0 && { waited_ms: waitedMs }),
      }),
    );
    await store.noteHeld(payload.sessionId, workspace.key);
  }
  // A lapsed or idle holder is alive and may come back: tell it, on its next call, who came in.
  // A dead holder will not come back, and a corrupt record names nobody.
  if ((outcome.why === "stale" || outcome.why === "idle") && outcome.previous !== null) {
    await store.putNotice(workspace.key, outcome.previous.session_id, {
      by: { session_id: outcome.record.session_id, pid: outcome.record.pid },
      at: outcome.record.acquired_at,
      reason: outcome.why,
      generation: outcome.previous.generation ?? null,
    });
  }
  return null;
}

/** The first lost-lock notice waiting for this session in any of the workspaces a call acted in. */
async function firstNotice(deps: HookDeps, payload: HookPayload, workspaces: Workspace[], store: LockStore, event: string): Promise<HookResult> {
  for (const workspace of workspaces) {
    const notice = await deliverNotice(deps, payload, workspace, store, event);
    if (notice.kind !== "allow") return notice;
  }
  return { kind: "allow" };
}

/** Takes over, as this session's own, every lock its own process holds under an earlier session id. */
async function adopt(call: Call, store: LockStore): Promise<void> {
  const { sameProcess } = call.checks();
  for (const lock of await store.list()) {
    const { observed } = lock.snapshot;
    if (observed.kind !== "record" || observed.record.session_id === call.payload.sessionId || !sameProcess!(observed.record)) continue;
    const workspace = { path: typeof observed.record.workspace === "string" ? observed.record.workspace : lock.location, key: lock.key };
    const outcome = await acquire(store, lock.key, call.caller(workspace, { leaseMs: 0 }), livenessProbe(call.deps.host), call.deps.clock, { sameProcess });
    if (outcome.kind === "take") {
      await store.noteHeld(call.payload.sessionId, lock.key);
      call.deps.log(entry(call.deps, "sessionstart", "takeover", call.payload, workspace, { holder: holderOf(observed.record), reason: outcome.why }));
    }
  }
}

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
  deps.log(entry(deps, event === "PreToolUse" ? "pretooluse" : "posttooluse", "lost", payload, workspace, { by: notice.by }));
  const { forUser, forClaude } = lostText(notice, workspace);
  return { kind: "notice", event, systemMessage: forUser, additionalContext: forClaude };
}

function lostText(notice: { by: { session_id: string; pid: number } | null; at: number; reason: "stale" | "cleared" | "idle" }, workspace: Workspace) {
  const by = notice.by === null ? M.anOperator : M.otherSession(notice.by.session_id, notice.by.pid);
  const at = new Date(notice.at).toISOString();
  return { forUser: M.lostForUser(workspace.path, by, at, notice.reason), forClaude: M.lostForClaude(workspace.path, by, at, notice.reason) };
}

function workspaceOf(record: LockRecord, fallback: Workspace | null): Workspace | null {
  return typeof record.workspace === "string" ? { path: record.workspace, key: "" } : fallback;
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
    ...(payload?.toolLabel && { tool: payload.toolLabel }),
    ...extra,
  };
}
