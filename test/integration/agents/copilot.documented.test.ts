// GitHub Copilot CLI, from its documentation: no Copilot runs here. Payloads from
// docs.github.com's hooks reference (and third parties' measurements, see
// test/fixtures/agents/README.md) through the built binary, with `--agent copilot` as install
// writes it, and without it, as Copilot runs the hooks in Claude Code's settings.

import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAllow } from "../support/answers.js";
import { payload, runCli, type Sandbox, sandbox } from "../support/cli.js";
import { agentHook, agentPayload, readLock } from "./fixtures.js";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const copilot = (command: string, fixture: string, over: Record<string, unknown> = {}, args = ["--agent", "copilot"]) =>
  agentHook(box, command, agentPayload(`copilot/${fixture}`, box.workspace, over), args);

describe("copilot (documented payloads)", () => {
  it("takes the workspace for its bash tool under its own name (toolArgs a JSON string, as documented)", async () => {
    expectAllow(await copilot("pretooluse", "preToolUse.json"));
    expect(readLock(box)).toMatchObject({ session_id: "copilot:0f2c7a52-6d7e-4b8a-9c3f-1e2d3c4b5a69", agent: "copilot", workspace: box.workspace });
  });

  it.each([
    ["its own payload, with --agent copilot", "preToolUse.edit.observed-1.0.89.json", ["--agent", "copilot"]],
    ["its own payload, detected", "preToolUse.edit.observed-1.0.89.json", []],
    ["the payload it sends to Claude Code's settings, detected", "PreToolUse.vscode-compat.json", []],
  ])("denies with a top-level permissionDecision while Claude Code holds the workspace: %s", async (_, fixture, args) => {
    expectAllow(await runCli(["pretooluse"], { input: payload("aaaa1111-claude", box.workspace), env: { ...box.env, CLAUDE_PID: String(process.pid) } }));
    const result = await copilot("pretooluse", fixture, {}, args);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out).sort()).toEqual(["permissionDecision", "permissionDecisionReason"]);
    expect(out.permissionDecision).toBe("deny");
    expect(out.permissionDecisionReason).toMatch(/^claude-session-guard: Claude Code session aaaa1111 \(pid \d+\) holds this workspace, so this (edit|Bash) was not run\./);
    expect(out.permissionDecisionReason).toContain(`Workspace: ${box.workspace}`);
  });

  it("releases at agentStop and at sessionEnd, which carry no event name", async () => {
    expectAllow(await copilot("pretooluse", "preToolUse.json"));
    expectAllow(await copilot("stop", "agentStop.json"));
    expect(existsSync(box.lockPath())).toBe(false);
    expectAllow(await copilot("pretooluse", "preToolUse.json"));
    expectAllow(await copilot("posttooluse", "postToolUse.json"));
    expectAllow(await copilot("stop", "sessionEnd.json"));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("always exits 0, since any other exit of a preToolUse hook is a denial; a fail-open is a progress line", async () => {
    const result = await agentHook(box, "pretooluse", "not json", ["--agent", "copilot"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([
      { type: "progress", message: expect.stringMatching(/^claude-session-guard: not guarding this workspace: the hook payload on stdin is not JSON/) },
    ]);
    expect(result.stderr).toMatch(/^claude-session-guard: /);
  });
});
