// Codex CLI 0.171's payloads (captured from the real CLI) through the built binary with
// `--agent codex`: its own session name, its patch's files as the workspace, Claude Code's
// answer shapes, and one lock shared with Claude Code sessions.

import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAllow, expectDeny, expectFailOpen } from "../support/answers.js";
import { type CliResult, payload, runCli, type Sandbox, sandbox } from "../support/cli.js";
import { agentHook, agentPayload, readLock } from "./fixtures.js";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const codex = (command: string, fixture: string, over: Record<string, unknown> = {}) =>
  agentHook(box, command, agentPayload(`codex/${fixture}`, box.workspace, over), ["--agent", "codex"]);
const CODEX_SESSION = "codex:01a231a5-4306-7f80-9911-e26dc56254ee";

/** Claude Code's deny, whose reason carries what Claude Code gets apart as additionalContext: Codex hands the model the reason alone. */
function expectCodexDeny(result: CliResult): string {
  expect(result).toMatchObject({ code: 0, stderr: "" });
  const out = JSON.parse(result.stdout);
  expect(out).toEqual({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: expect.any(String) } });
  return out.hookSpecificOutput.permissionDecisionReason;
}

describe("codex", () => {
  it("takes the workspace for a writing shell command under its own name, and Claude Code sessions are denied by name", async () => {
    expectAllow(await codex("pretooluse", "PreToolUse.Bash-write.json"));
    expect(readLock(box)).toMatchObject({ session_id: CODEX_SESSION, agent: "codex", workspace: box.workspace, pid: process.pid });
    const reason = expectDeny(await runCli(["pretooluse"], { input: payload("claude-session", box.workspace), env: box.env }));
    expect(reason).toMatch(/^claude-session-guard: Codex CLI session 01a231a5 \(pid \d+\) holds this workspace, so this Write was not run\./);
  });

  it("is denied, in Claude Code's shape (which Codex reads), while a Claude Code session holds the workspace; its read-only commands pass", async () => {
    expectAllow(await runCli(["pretooluse"], { input: payload("aaaa1111-claude", box.workspace), env: { ...box.env, CLAUDE_PID: String(process.pid) } }));
    const reason = expectCodexDeny(await codex("pretooluse", "PreToolUse.apply_patch-add.json"));
    expect(reason).toMatch(/^claude-session-guard: Claude Code session aaaa1111 \(pid \d+\) holds this workspace, so this apply_patch was not run\./);
    expect(reason).toContain(`Workspace: ${box.workspace}`);
    expectCodexDeny(await codex("pretooluse", "PreToolUse.Bash-write.json"));
    expectAllow(await codex("pretooluse", "PreToolUse.Bash-readonly.json"));
  });

  it("locks the workspace a patch's files are in, not the session's directory", async () => {
    const other = join(box.root, "other");
    mkdirSync(join(other, ".git"), { recursive: true });
    const patch = `*** Begin Patch\n*** Add File: ${join(other, "x.txt")}\n+x\n*** End Patch\n`;
    expectAllow(await codex("pretooluse", "PreToolUse.apply_patch-add.json", { tool_input: { command: patch } }));
    expect(existsSync(box.lockPath(other))).toBe(true);
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("refreshes on PostToolUse and releases at Stop and at SessionEnd", async () => {
    expectAllow(await codex("pretooluse", "PreToolUse.Bash-write.json"));
    expectAllow(await codex("posttooluse", "PostToolUse.Bash-write.json"));
    expectAllow(await codex("stop", "Stop.json"));
    expect(existsSync(box.lockPath())).toBe(false);
    expectAllow(await codex("pretooluse", "PreToolUse.apply_patch-add.json"));
    expectAllow(await codex("stop", "SessionEnd.json"));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("fails open the way Claude Code does (Codex shows the systemMessage), on input it cannot read and on an unknown agent", async () => {
    expect(expectFailOpen(await agentHook(box, "pretooluse", "not json", ["--agent", "codex"]))).toContain("not JSON");
    expect(expectFailOpen(await agentHook(box, "pretooluse", agentPayload("codex/PreToolUse.Bash-write.json", box.workspace), ["--agent", "kodex"]))).toContain(
      'unknown agent "kodex" for --agent: use one of claude, codex, gemini, cursor, copilot',
    );
  });
});
