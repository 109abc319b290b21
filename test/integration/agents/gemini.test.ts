// Gemini CLI 0.61's payloads (captured from the real CLI) through the built binary with
// `--agent gemini`: its own events and tools, and the only answers it reads.

import { existsSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectAllow, expectDeny } from "../support/answers.js";
import { type CliResult, payload, runCli, type Sandbox, sandbox } from "../support/cli.js";
import { agentHook, agentPayload, readLock } from "./fixtures.js";

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const gemini = (command: string, fixture: string, over: Record<string, unknown> = {}) =>
  agentHook(box, command, agentPayload(`gemini/${fixture}`, box.workspace, over), ["--agent", "gemini"]);

/** Gemini CLI reads stdout as one JSON object and nothing else. */
function answer(result: CliResult): Record<string, unknown> {
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe("gemini", () => {
  it("takes the workspace for write_file (a path relative to the project) under its own name", async () => {
    expectAllow(await gemini("pretooluse", "BeforeTool.write_file.json"));
    expect(readLock(box)).toMatchObject({ session_id: "gemini:683ba695-f1f1-4453-ba4d-d1242b242713", agent: "gemini", workspace: box.workspace });
    const reason = expectDeny(await runCli(["pretooluse"], { input: payload("claude-session", box.workspace, { tool: "Bash" }), env: box.env }));
    expect(reason).toMatch(/^claude-session-guard: Gemini CLI session 683ba695 \(pid \d+\) holds this workspace, so this Bash was not run\./);
  });

  it("denies with its own decision and a message for its user while Claude Code holds the workspace; read-only commands pass", async () => {
    expectAllow(await runCli(["pretooluse"], { input: payload("aaaa1111-claude", box.workspace), env: { ...box.env, CLAUDE_PID: String(process.pid) } }));
    for (const fixture of ["BeforeTool.write_file.json", "BeforeTool.replace.json", "BeforeTool.run_shell_command-write.json"]) {
      const result = await gemini("pretooluse", fixture);
      expect(result.stderr).toBe("");
      const out = answer(result);
      expect(Object.keys(out).sort()).toEqual(["decision", "reason", "systemMessage"]);
      expect(out.decision).toBe("deny");
      expect(out.reason).toMatch(/^claude-session-guard: Claude Code session aaaa1111 \(pid \d+\) holds this workspace, so this (write_file|replace|run_shell_command) was not run\./);
      expect(out.reason).toContain(`Workspace: ${box.workspace}`);
      expect(out.systemMessage).toBe(String(out.reason).split("\n")[0]);
    }
    expectAllow(await gemini("pretooluse", "BeforeTool.run_shell_command-readonly.json"));
  });

  it("releases at the end of a turn (AfterAgent) and at SessionEnd", async () => {
    expectAllow(await gemini("pretooluse", "BeforeTool.write_file.json"));
    expectAllow(await gemini("posttooluse", "AfterTool.write_file.json"));
    expectAllow(await gemini("stop", "AfterAgent.json"));
    expect(existsSync(box.lockPath())).toBe(false);
    expectAllow(await gemini("pretooluse", "BeforeTool.replace.json"));
    expectAllow(await gemini("stop", "SessionEnd.json"));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("fails open with JSON alone on stdout: a systemMessage its user sees", async () => {
    const result = await agentHook(box, "pretooluse", "not json", ["--agent", "gemini"]);
    expect(Object.keys(answer(result))).toEqual(["systemMessage"]);
    expect(answer(result).systemMessage).toMatch(/^claude-session-guard: not guarding this workspace: the hook payload on stdin is not JSON/);
    expect(result.stderr).toMatch(/^claude-session-guard: /);
  });
});
