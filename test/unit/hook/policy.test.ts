import { describe, expect, it } from "vitest";
import type { HookPayload } from "../../../src/hook/payload.js";
import { classifyBash } from "../../../src/bash/readOnly.js";
import { planCall as plan, powerShellReadOnly, switchOf } from "../../../src/hook/policy.js";

const call = (toolName: string, toolInput: Record<string, unknown>, over: Partial<HookPayload> = {}): HookPayload => ({
  agent: "claude",
  sessionId: "s",
  cwd: "/w",
  event: "PreToolUse",
  toolName,
  toolLabel: toolName,
  toolInput,
  toolUseId: "toolu_1",
  backgroundTaskId: null,
  backgroundTasks: null,
  reason: null,
  source: null,
  agentId: null,
  ...over,
});

const planCall = (payload: HookPayload, env: Record<string, string>) => plan(payload, env, (command) => classifyBash(command).readOnly);

describe("planCall", () => {
  it("acts where a file-changing tool writes", () => {
    expect(planCall(call("Write", { file_path: "/other/a.txt" }), {})).toEqual({ guarded: true, targets: ["/other/a.txt"], leaseMs: 0, starts: null });
    expect(planCall(call("Edit", { file_path: "b.txt" }), {})).toMatchObject({ guarded: true, targets: ["b.txt"] });
    expect(planCall(call("NotebookEdit", { notebook_path: "/n.ipynb" }), {})).toMatchObject({ guarded: true, targets: ["/n.ipynb"] });
  });

  it("acts where every file of a patch is, or in the cwd when it names none", () => {
    expect(planCall(call("apply_patch", { paths: ["a.txt", "/r/b.txt"] }), {})).toEqual({ guarded: true, targets: ["a.txt", "/r/b.txt"], leaseMs: 0, starts: null });
    expect(planCall(call("apply_patch", {}), {})).toMatchObject({ guarded: true, targets: [] });
  });

  it("runs commands in the cwd, with a lease of their declared timeout", () => {
    expect(planCall(call("Bash", { command: "make" }), {})).toEqual({ guarded: true, targets: [], leaseMs: 120_000, starts: null });
    expect(planCall(call("Bash", { command: "make", timeout: 900_000 }), {})).toMatchObject({ leaseMs: 600_000 });
  });

  it("starts background work for run_in_background, with its own deadline (default 10 min, at most 2 h)", () => {
    expect(planCall(call("Bash", { command: "npm run dev", description: "dev", run_in_background: true }), {})).toEqual({
      guarded: true,
      targets: [],
      leaseMs: 0,
      starts: { type: "shell", id: "toolu_1", command: "npm run dev", description: "dev", runsMs: 600_000 },
    });
    expect(planCall(call("Bash", { command: "x", run_in_background: true, timeout: 99_999_999 }), {}).starts?.runsMs).toBe(7_200_000);
  });

  it("guards a Monitor that runs a command that may write, for its timeout (at most 10 min), and not one that only reads", () => {
    expect(planCall(call("Monitor", { command: "./watch-and-build.sh", timeout_ms: 60_000, description: "builds" }), {}).starts).toMatchObject({ type: "monitor", runsMs: 60_000 });
    expect(planCall(call("Monitor", { command: "x", timeout_ms: 9_000_000 }), {}).starts?.runsMs).toBe(600_000);
    expect(planCall(call("Monitor", { command: "tail -f log.txt", timeout_ms: 60_000 }), {}).guarded).toBe(false);
    expect(planCall(call("Monitor", { ws: { url: "ws://x" }, timeout_ms: 60_000 }), {}).guarded).toBe(false);
  });

  it("lets provably read-only commands through, unless CLAUDE_SESSION_GUARD_STRICT_BASH=1", () => {
    expect(planCall(call("Bash", { command: "git status" }), {}).guarded).toBe(false);
    expect(planCall(call("Bash", { command: "git status" }), { CLAUDE_SESSION_GUARD_STRICT_BASH: "1" }).guarded).toBe(true);
  });

  it("guards PowerShell unless a lone read-only cmdlet", () => {
    expect(planCall(call("PowerShell", { command: "Get-ChildItem src" }), {}).guarded).toBe(false);
    expect(planCall(call("PowerShell", { command: "Set-Content a.txt x" }), {}).guarded).toBe(true);
    expect(powerShellReadOnly("Get-Content a.txt | Set-Content b.txt")).toBe(false);
    expect(powerShellReadOnly("ls > out.txt")).toBe(false);
    expect(powerShellReadOnly("Get-ChildItem $(rm -r x)")).toBe(false);
  });

  it("never guards EnterWorktree (the way out of a locked checkout), and guards ExitWorktree only when it removes", () => {
    expect(planCall(call("EnterWorktree", { name: "wt1" }), {}).guarded).toBe(false);
    expect(planCall(call("ExitWorktree", { action: "keep" }), {}).guarded).toBe(false);
    expect(planCall(call("ExitWorktree", { action: "remove" }), {})).toMatchObject({ guarded: true, targets: [] });
  });

  it("guards a tool it does not know (an MCP tool a user matched), and never a read-only one", () => {
    expect(planCall(call("mcp__files__write_file", { path: "/x" }), {}).guarded).toBe(true);
    expect(planCall(call("Read", { file_path: "/x" }), {}).guarded).toBe(false);
  });
});

describe("switchOf", () => {
  it("reads the usual on and off spellings, and nothing else", () => {
    for (const on of ["1", "true", "True", "YES", "on", " 1 "]) expect(switchOf(on)).toBe(true);
    for (const off of [undefined, "", "0", "false", "No", "OFF"]) expect(switchOf(off)).toBe(false);
    for (const other of ["2", "enable", "y"]) expect(switchOf(other)).toBeNull();
  });
});
