// A whole hook call in process, through HookDeps: a memory store, a fixed clock, a fake process
// host and a recording log. What the built binary does with the same calls is tested through
// real processes in test/integration/hooks.test.ts; this pins down the orchestration itself.

import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../../../src/host/decisionLog.js";
import type { ProcessHost } from "../../../src/host/sessionProcess.js";
import { workspaceKey } from "../../../src/host/workspace.js";
import { classifyBash } from "../../../src/bash/readOnly.js";
import { StoreError } from "../../../src/errors.js";
import type { HookCommand } from "../../../src/hook/commands.js";
import { type HookArgs, type HookDeps, runHook } from "../../../src/hook/runHook.js";
import { AGENTS } from "../../../src/agents/index.js";
import { MemoryBacking, MemoryStore } from "../../support/memoryStore.js";

const NOW = 1_764_000_000_000;
let root: string;
let workspace: string;
let backing: MemoryBacking;
let logged: LogEntry[];

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "csg-runhook-")));
  workspace = join(root, "ws");
  mkdirSync(join(workspace, ".git"), { recursive: true });
  backing = new MemoryBacking();
  logged = [];
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const host: ProcessHost = {
  platform: "linux",
  ppid: 4242,
  readFile: () => {
    throw new Error("no /proc here");
  },
  exists: () => true,
  ps: () => null,
  hostname: () => "unit-host",
};

function deps(input: string, overrides: Partial<HookDeps> = {}): HookDeps {
  return {
    env: { CLAUDE_PID: "4242" },
    readInput: async () => input,
    clock: { now: () => NOW, sleep: async () => {} },
    openStore: async () => new MemoryStore(backing),
    host,
    log: (entry) => logged.push(entry),
    readOnlyCommand: (command) => classifyBash(command).readOnly,
    loadAgent: (name) => AGENTS[name],
    ...overrides,
  };
}

const ok: HookArgs = { ok: true, flags: {} };

function raw(fields: Record<string, unknown>): string {
  return JSON.stringify({ cwd: workspace, ...fields });
}

function payload(session: string, event = "PreToolUse", tool: string | null = "Write", input: Record<string, unknown> = {}): string {
  return JSON.stringify({
    session_id: session,
    cwd: workspace,
    hook_event_name: event,
    ...(tool !== null && { tool_name: tool, tool_input: { file_path: join(workspace, "a.txt"), content: "x", ...input } }),
  });
}

const call = async (command: HookCommand, input: string, overrides: Partial<HookDeps> = {}, args: HookArgs = ok) =>
  (await runHook(command, args, deps(input, overrides))).result;

const lock = () => new MemoryStore(backing).current(workspaceKey(workspace));

describe("runHook", () => {
  it("takes a free workspace for the caller and allows silently, logging the acquire", async () => {
    expect(await call("pretooluse", payload("alpha"))).toEqual({ kind: "allow" });
    expect(lock()).toMatchObject({ session_id: "alpha", pid: 4242, acquired_at: NOW, workspace, hostname: "unit-host" });
    expect(logged).toMatchObject([{ event: "pretooluse", outcome: "acquire", session: "alpha", workspace }]);
  });

  it("denies another session while the lock is held, naming the holder, and logs the block", async () => {
    await call("pretooluse", payload("alpha-1111"));
    const result = await call("pretooluse", payload("beta-2222"));
    expect(result.kind).toBe("deny");
    if (result.kind !== "deny") return;
    expect(result.reason).toContain("session alpha-11 (pid 4242)");
    expect(result.reason).toContain(`claude-session-guard clear --workspace ${workspace}`);
    expect(logged.at(-1)).toMatchObject({ outcome: "block", session: "beta-2222", tool: "Write", holder: { session_id: "alpha-1111" } });
  });

  describe("--wait", () => {
    const waiting = (seconds: string): HookArgs => ({ ok: true, flags: { wait: seconds } });
    /** A clock whose sleeps pass time, running `during(now)` after each. */
    const passing = (during: (now: number) => Promise<void> = async () => {}) => {
      let now = NOW;
      const sleeps: number[] = [];
      return {
        sleeps,
        clock: {
          now: () => now,
          sleep: async (ms: number) => {
            sleeps.push(ms);
            now += ms;
            await during(now);
          },
        },
      };
    };

    it("takes the workspace as soon as the holder's turn ends within the wait, and logs how long it waited", async () => {
      await call("pretooluse", payload("alpha"));
      const time = passing(async (now) => {
        if (now >= NOW + 1_000) await call("stop", payload("alpha", "Stop", null));
      });
      expect(await call("pretooluse", payload("beta"), { clock: time.clock }, waiting("30"))).toEqual({ kind: "allow" });
      expect(lock()?.session_id).toBe("beta");
      expect(time.sleeps).toEqual([250, 250, 250, 250]);
      expect(logged.at(-1)).toMatchObject({ outcome: "acquire", session: "beta", waited_ms: 1_000 });
    });

    it("denies once the wait is over, never sleeping past it, and says it waited", async () => {
      await call("pretooluse", payload("alpha"));
      const time = passing();
      const result = await call("pretooluse", payload("beta"), { clock: time.clock }, waiting("2"));
      expect(result.kind).toBe("deny");
      expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(2_000);
      expect(result.kind === "deny" && result.reason.split("\n")[0]).toContain("(Waited 2s.)");
      expect(logged.at(-1)).toMatchObject({ outcome: "block", waited_ms: 2_000 });
    });

    it("does not wait by default", async () => {
      await call("pretooluse", payload("alpha"));
      const time = passing();
      expect((await call("pretooluse", payload("beta"), { clock: time.clock })).kind).toBe("deny");
      expect(time.sleeps).toEqual([]);
    });

    it.each(["301", "-1", "1.5", "soon"])("fails open on --wait %j", async (value) => {
      expect(await call("pretooluse", payload("beta"), {}, waiting(value))).toMatchObject({ kind: "failOpen", problem: expect.stringContaining("--wait") });
    });
  });

  it("lets a provably read-only Bash command through without taking the lock", async () => {
    await call("pretooluse", payload("alpha"));
    expect(await call("pretooluse", payload("beta", "PreToolUse", "Bash", { command: "git status" }))).toEqual({ kind: "allow" });
    expect(lock()?.session_id).toBe("alpha");
  });

  it("refreshes only its own lock on posttooluse, and releases only its own on stop", async () => {
    await call("pretooluse", payload("alpha"));
    const later = { clock: { now: () => NOW + 60_000, sleep: async () => {} } };
    expect(await call("posttooluse", payload("beta", "PostToolUse"), later)).toEqual({ kind: "allow" });
    expect(lock()?.acquired_at).toBe(NOW);
    expect(await call("posttooluse", payload("alpha", "PostToolUse"), later)).toEqual({ kind: "allow" });
    expect(lock()?.acquired_at).toBe(NOW + 60_000);
    await call("stop", payload("beta", "Stop", null));
    expect(lock()?.session_id).toBe("alpha");
    await call("stop", payload("alpha", "Stop", null));
    expect(lock()).toBeNull();
    expect(logged.at(-1)).toMatchObject({ event: "stop", outcome: "release", session: "alpha" });
  });

  it("tells a session once that its lapsed lock was taken over", async () => {
    await call("pretooluse", payload("alpha"));
    const muchLater = { clock: { now: () => NOW + 400_000, sleep: async () => {} } };
    expect((await call("pretooluse", payload("beta"), muchLater)).kind).toBe("allow");
    await call("stop", payload("beta", "Stop", null), muchLater);
    const told = await call("pretooluse", payload("alpha"), muchLater);
    expect(told).toMatchObject({ kind: "notice", event: "PreToolUse" });
    expect(await call("pretooluse", payload("alpha"), muchLater)).toEqual({ kind: "allow" });
  });

  it("fails open on a payload it cannot read, says why, and logs it", async () => {
    expect(await call("pretooluse", "{ nope")).toEqual({ kind: "failOpen", problem: "the hook payload on stdin is not JSON" });
    expect(logged).toMatchObject([{ outcome: "fail-open", error: "the hook payload on stdin is not JSON", code: "EPAYLOAD" }]);
  });

  it("fails open with the store's own message when the store fails", async () => {
    const failing = { openStore: async () => Promise.reject(new StoreError("cannot reach the lock store", "ECONNREFUSED")) };
    expect(await call("pretooluse", payload("alpha"), failing)).toEqual({ kind: "failOpen", problem: "cannot reach the lock store" });
  });

  it("fails open on an unknown flag, after reading its input", async () => {
    const result = await call("pretooluse", payload("alpha"), {}, { ok: false, problem: 'unknown argument "--bogus" for pretooluse' });
    expect(result).toEqual({ kind: "failOpen", problem: 'unknown argument "--bogus" for pretooluse' });
    expect(lock()).toBeNull();
  });

  it("calls an unexpected exception a bug to report, and still allows", async () => {
    const broken = { openStore: async () => Promise.reject(new TypeError("x is not a function")) };
    expect(await call("pretooluse", payload("alpha"), broken)).toEqual({
      kind: "failOpen",
      problem: "internal error (x is not a function); please report it",
    });
    expect(logged.at(-1)).toMatchObject({ outcome: "fail-open", code: "EINTERNAL" });
  });

  it("allows everything, silently and without a store, when disabled", async () => {
    let opened = false;
    const disabled = { env: { CLAUDE_SESSION_GUARD_DISABLE: "1" }, openStore: async () => ((opened = true), new MemoryStore(backing)) };
    expect(await call("pretooluse", "not even JSON", disabled)).toEqual({ kind: "allow" });
    expect(opened).toBe(false);
  });
});

describe("runHook across workspaces and background work", () => {
  let second: string;
  beforeEach(() => {
    second = join(root, "second");
    mkdirSync(join(second, ".git"), { recursive: true });
  });
  const lockOf = (dir: string) => new MemoryStore(backing).current(workspaceKey(dir));

  it("locks the repository a Write changes, not the one the session is in, and a Stop releases every lock it took", async () => {
    await call("pretooluse", raw({ session_id: "a", hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: join(second, "x.txt"), content: "x" } }));
    await call("pretooluse", raw({ session_id: "a", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "touch y" } }));
    expect(lockOf(second)?.session_id).toBe("a");
    expect(lockOf(workspace)?.session_id).toBe("a");
    expect((await call("pretooluse", raw({ session_id: "b", cwd: second, hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: "x.txt" } }))).kind).toBe("deny");
    await call("stop", raw({ session_id: "a", hook_event_name: "Stop", background_tasks: [] }));
    expect(lockOf(second)).toBeNull();
    expect(lockOf(workspace)).toBeNull();
    expect(await new MemoryStore(backing).heldBy("a")).toEqual([]);
  });

  it("keeps the lock for a background command past the turn's Stop, says so in a denial, and releases at the Stop that lists it no more", async () => {
    const start = { session_id: "a", hook_event_name: "PreToolUse", tool_name: "Bash", tool_use_id: "toolu_9", tool_input: { command: "npm run dev", description: "dev server", run_in_background: true } };
    await call("pretooluse", raw(start));
    await call("posttooluse", raw({ ...start, hook_event_name: "PostToolUse", tool_response: { backgroundTaskId: "b1" } }));
    expect(lockOf(workspace)?.work).toMatchObject([{ type: "shell", id: "b1", until: NOW + 600_000 + 300_000 }]);
    await call("stop", raw({ session_id: "a", hook_event_name: "Stop", background_tasks: [{ id: "b1", type: "shell", status: "running", description: "dev server", command: "npm run dev" }] }));
    expect(lockOf(workspace)?.session_id).toBe("a");
    const denied = await call("pretooluse", payload("b"));
    expect(denied.kind === "deny" && denied.context).toMatch(/Kept for its background shell "dev server" \(npm run dev\), running for 0s, keeps the lock at most 15m00s more/);
    await call("stop", raw({ session_id: "a", hook_event_name: "Stop", background_tasks: [] }));
    expect(lockOf(workspace)).toBeNull();
  });

  it("releases at SessionEnd whatever runs, and forgets the session's index", async () => {
    await call("pretooluse", raw({ session_id: "a", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: "x", run_in_background: true } }));
    await call("stop", raw({ session_id: "a", hook_event_name: "SessionEnd", reason: "other" }));
    expect(lockOf(workspace)).toBeNull();
    expect(await new MemoryStore(backing).heldBy("a")).toEqual([]);
  });

  it("never releases on SubagentStop", async () => {
    await call("pretooluse", payload("a"));
    await call("stop", raw({ session_id: "a", hook_event_name: "SubagentStop", agent_id: "x", background_tasks: [] }));
    expect(lockOf(workspace)?.session_id).toBe("a");
  });
});

describe("runHook and an agent team whose teammates run as processes of their own (tmux mode)", () => {
  // Claude Code starts such a teammate as `claude … --parent-session-id <lead's session id>`.
  const cmdlines: Record<number, string> = {
    4000: ["claude", "--permission-mode", "acceptEdits"].join("\u0000"),
    5000: ["claude", "--agent-name", "helper", "--parent-session-id", "lead-session", "--team-name", "session-lead"].join("\u0000"),
    6000: ["claude", "--agent-name", "tester", "--parent-session-id", "lead-session"].join("\u0000"),
    7000: ["claude"].join("\u0000"),
  };
  const teamHost: ProcessHost = {
    ...host,
    readFile(path) {
      const pid = Number(/^\/proc\/(\d+)\/cmdline$/.exec(path)?.[1]);
      if (cmdlines[pid] !== undefined) return cmdlines[pid]!;
      throw new Error("ENOENT");
    },
  };
  const as = (session: string, pid: number) => call("pretooluse", payload(session), { host: teamHost, env: { CLAUDE_PID: String(pid) } });

  it("never denies a lead its teammate's lock, a teammate its lead's, nor one teammate another's", async () => {
    expect((await as("lead-session", 4000)).kind).toBe("allow");
    expect((await as("teammate-1", 5000)).kind).toBe("allow");
    expect(lock()?.session_id).toBe("teammate-1");
    expect((await as("teammate-2", 6000)).kind).toBe("allow");
    expect((await as("lead-session", 4000)).kind).toBe("allow");
    expect(logged.filter((e) => e.outcome === "takeover").map((e) => e.reason)).toEqual(["team", "team", "team"]);
  });

  it("still denies a session outside the team", async () => {
    expect((await as("teammate-1", 5000)).kind).toBe("allow");
    expect((await as("stranger", 7000)).kind).toBe("deny");
  });
});

describe("runHook for another agent", () => {
  const codexPayload = (session: string, tool: string, input: Record<string, unknown>) =>
    JSON.stringify({ session_id: session, cwd: workspace, hook_event_name: "PreToolUse", tool_name: tool, tool_input: input, tool_use_id: "call_1" });
  const asCodex: HookArgs = { ok: true, flags: { agent: "codex" } };

  it("records the agent's own process, not a CLAUDE_PID it inherited from a Claude Code session it was started in", async () => {
    const answer = await runHook("pretooluse", asCodex, deps(codexPayload("c1", "Bash", { command: "touch a" }), { env: { CLAUDE_PID: "999" } }));
    expect(answer).toMatchObject({ agent: { name: "codex" }, result: { kind: "allow" } });
    expect(lock()).toMatchObject({ session_id: "codex:c1", agent: "codex", pid: 4242 });
  });

  it("is denied by a Claude Code holder, and denies it in turn, each told the other's agent", async () => {
    await call("pretooluse", payload("alpha-1111"));
    const codex = await runHook("pretooluse", asCodex, deps(codexPayload("c1", "apply_patch", { command: "*** Begin Patch\n*** Add File: x.txt\n+x\n*** End Patch\n" })));
    expect(codex.result).toMatchObject({ kind: "deny", reason: expect.stringMatching(/^claude-session-guard: Claude Code session alpha-11 \(pid 4242\) holds this workspace, so this apply_patch was not run\./) });
    await call("stop", payload("alpha-1111", "Stop", null));
    await runHook("pretooluse", asCodex, deps(codexPayload("c1", "Bash", { command: "touch a" })));
    expect(await call("pretooluse", payload("alpha-1111"))).toMatchObject({ kind: "deny", reason: expect.stringMatching(/^claude-session-guard: Codex CLI session c1 \(pid 4242\) holds this workspace, so this Write was not run\./) });
  });

  it("takes every workspace a patch changes, and is denied if any of them is held", async () => {
    const other = join(root, "other");
    mkdirSync(join(other, ".git"), { recursive: true });
    await runHook("pretooluse", ok, deps(JSON.stringify({ session_id: "alpha", cwd: other, hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: join(other, "f") } })));
    const patch = `*** Begin Patch\n*** Add File: ${join(workspace, "a.txt")}\n+a\n*** Add File: ${join(other, "b.txt")}\n+b\n*** End Patch\n`;
    const codex = await runHook("pretooluse", asCodex, deps(codexPayload("c1", "apply_patch", { command: patch })));
    expect(codex.result.kind).toBe("deny");
    expect(lock()?.session_id).toBe("codex:c1");
  });

  it("loads another agent's adapter only for its calls: Claude Code's never ask for it", async () => {
    const asked: string[] = [];
    const loadAgent = (name: Parameters<HookDeps["loadAgent"]>[0]) => {
      asked.push(name);
      return AGENTS[name];
    };
    await call("pretooluse", payload("alpha"), { loadAgent });
    expect(asked).toEqual([]);
    const cursor = JSON.stringify({ conversation_id: "k1", workspace_roots: [workspace], cwd: "", hook_event_name: "preToolUse", tool_name: "Shell", tool_input: { command: "ls" } });
    await call("pretooluse", cursor, { loadAgent });
    expect(asked).toEqual(["cursor"]);
  });

  it("fails open, in Claude Code's shape, when the adapters cannot be loaded", async () => {
    const broken = { loadAgent: () => Promise.reject(new Error("Cannot find module 'agents.cjs'")) };
    const answer = await runHook("pretooluse", asCodex, deps(codexPayload("c1", "Bash", { command: "touch a" }), broken));
    expect(answer).toMatchObject({ agent: { name: "claude" }, result: { kind: "failOpen", problem: "cannot load the adapters for other agents (dist/agents.cjs): Cannot find module 'agents.cjs'" } });
  });

  it("answers a payload it cannot read in the shape of the agent --agent names", async () => {
    expect(await runHook("pretooluse", { ok: true, flags: { agent: "gemini" } }, deps("{ nope"))).toMatchObject({ agent: { name: "gemini" }, result: { kind: "failOpen" } });
  });
});
