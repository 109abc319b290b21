// Cursor, from its documentation: no Cursor runs here. Payloads from cursor.com/docs/hooks (and a
// third party's capture of cursor-agent 2026.09.10, see test/fixtures/agents/README.md) through
// the built binary, with `--agent cursor` as install writes it, and without it, as Cursor runs
// the hooks in Claude Code's settings.

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

const cursor = (command: string, fixture: string, over: Record<string, unknown> = {}, args = ["--agent", "cursor"]) =>
  agentHook(box, command, agentPayload(`cursor/${fixture}`, box.workspace, over), args);

describe("cursor (documented payloads)", () => {
  it("takes the workspace in workspace_roots for a Shell call from the CLI, whose cwd is empty", async () => {
    expectAllow(await cursor("pretooluse", "preToolUse.shell.captured-cli-2026.09.10.json", { tool_input: { command: "touch x", cwd: "", timeout: 30000 } }));
    expect(readLock(box)).toMatchObject({ session_id: "cursor:e747cb7c-e568-4341-aece-6fe8bb11b174", agent: "cursor", workspace: box.workspace });
  });

  it.each([
    ["with --agent cursor (.cursor/hooks.json)", ["--agent", "cursor"]],
    ["without it (Cursor running Claude Code's settings)", []],
  ])("denies with Cursor's permission answer while Claude Code holds the workspace, %s", async (_, args) => {
    expectAllow(await runCli(["pretooluse"], { input: payload("aaaa1111-claude", box.workspace), env: { ...box.env, CLAUDE_PID: String(process.pid) } }));
    const result = await cursor("pretooluse", "preToolUse.write.illustrative.json", {}, args);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(result.stdout);
    expect(Object.keys(out).sort()).toEqual(["agent_message", "permission", "user_message"]);
    expect(out.permission).toBe("deny");
    expect(out.agent_message).toMatch(/^claude-session-guard: Claude Code session aaaa1111 \(pid \d+\) holds this workspace, so this Write was not run\./);
    expect(out.agent_message).toContain(`Workspace: ${box.workspace}`);
    expect(out.user_message).toBe(out.agent_message.split("\n")[0]);
    expectAllow(await cursor("pretooluse", "preToolUse.read.captured-cli-2026.09.10.json", {}, args));
  });

  it("releases at sessionEnd, the only end a headless run fires, and at stop", async () => {
    expectAllow(await cursor("pretooluse", "preToolUse.json"));
    expectAllow(await cursor("stop", "sessionEnd.json"));
    expect(existsSync(box.lockPath())).toBe(false);
    expectAllow(await cursor("pretooluse", "preToolUse.json"));
    expectAllow(await cursor("posttooluse", "postToolUse.json"));
    expectAllow(await cursor("stop", "stop.json"));
    expect(existsSync(box.lockPath())).toBe(false);
  });

  it("fails open with nothing on stdout (no JSON it could misread), the warning on stderr, exit 0", async () => {
    const result = await agentHook(box, "pretooluse", "not json", ["--agent", "cursor"]);
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toMatch(/^claude-session-guard: not guarding this workspace: the hook payload on stdin is not JSON/);
  });
});
