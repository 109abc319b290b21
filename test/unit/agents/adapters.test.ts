// Each agent's adapter on that agent's own payloads (test/fixtures/agents): what the core reads
// from them (session, workspace, tool as policy.ts knows it) and what the agent reads back.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectAgent } from "../../../src/agents/agents.js";
import { claude } from "../../../src/agents/claude.js";
import { AGENTS } from "../../../src/agents/index.js";
import { patchPaths } from "../../../src/agents/patch.js";
import type { HookCommand } from "../../../src/hook/commands.js";
import type { HookPayload, JsonObject } from "../../../src/hook/payload.js";
import { planCall } from "../../../src/hook/policy.js";
import type { HookResult } from "../../../src/hook/render.js";
import { classifyBash } from "../../../src/bash/readOnly.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures/agents");
const fixture = (path: string): JsonObject => JSON.parse(readFileSync(join(FIXTURES, path), "utf8").replaceAll("/WORKSPACE", "/w"));
const claudeFixture = (name: string): JsonObject => JSON.parse(readFileSync(join(import.meta.dirname, "../../fixtures/payloads", name), "utf8"));

function read(agent: keyof typeof AGENTS, path: string, command: HookCommand = "pretooluse"): HookPayload {
  const parsed = AGENTS[agent].payload(fixture(path), command);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.payload;
}

const plan = (payload: HookPayload) => planCall(payload, {}, (command) => classifyBash(command).readOnly);

const DENY: HookResult = { kind: "deny", reason: "claude-session-guard: first line\nsecond line", context: "Workspace: /w" };
/** What an agent with one channel to its model gets of a denial: the reason, then the details Claude Code gets apart. */
const WHOLE = "claude-session-guard: first line\nsecond line\nWorkspace: /w";
const NOTICE = (event: string): HookResult => ({ kind: "notice", event, systemMessage: "for the user", additionalContext: "for the agent" });
const FAIL_OPEN: HookResult = { kind: "failOpen", problem: "the store\nis gone" };

describe("detectAgent", () => {
  it("takes Claude Code's own payloads for Claude Code's, every event of them", () => {
    for (const name of readdirJson(join(import.meta.dirname, "../../fixtures/payloads"))) expect(detectAgent(claudeFixture(name)), name).toBe("claude");
  });

  it("recognises Cursor's and Copilot CLI's payloads, which both send to hooks in Claude Code's settings", () => {
    for (const name of ["preToolUse.json", "preToolUse.shell.captured-cli-2026.09.10.json", "stop.json", "sessionEnd.json"]) expect(detectAgent(fixture(`cursor/${name}`)), name).toBe("cursor");
    for (const name of ["preToolUse.json", "agentStop.json", "PreToolUse.vscode-compat.json", "Stop.vscode-compat.json", "SessionEnd.vscode-compat.json"]) {
      expect(detectAgent(fixture(`copilot/${name}`)), name).toBe("copilot");
    }
  });

  it("leaves Codex and Gemini CLI to --agent: they read only their own files, which name it", () => {
    expect(detectAgent(fixture("codex/PreToolUse.Bash-write.json"))).toBe("claude");
  });
});

describe("patchPaths", () => {
  it("reads every file a patch adds, updates, deletes or moves to, once each", () => {
    const patch = ["*** Begin Patch", "*** Add File: a.txt", "+x", "*** Update File: src/b.ts", "*** Move to: src/c.ts", "@@", "-1", "+2", "*** Delete File: /abs/d.txt", "*** Update File: a.txt", "*** End Patch", ""].join("\n");
    expect(patchPaths(patch)).toEqual(["a.txt", "src/b.ts", "src/c.ts", "/abs/d.txt"]);
    expect(patchPaths("not a patch")).toEqual([]);
  });
});

describe("codex", () => {
  it("names the session after Codex and reads its shell calls as Bash, acting in the call's cwd", () => {
    const payload = read("codex", "codex/PreToolUse.Bash-write.json");
    expect(payload).toMatchObject({ agent: "codex", sessionId: "codex:01a231a5-4306-7f80-9911-e26dc56254ee", cwd: "/w", toolName: "Bash", toolLabel: "Bash" });
    expect(plan(payload)).toMatchObject({ guarded: true, targets: [] });
    expect(plan(read("codex", "codex/PreToolUse.Bash-readonly.json"))).toMatchObject({ guarded: false });
  });

  it("reads apply_patch as the files its patch changes", () => {
    const payload = read("codex", "codex/PreToolUse.apply_patch-add.json");
    expect(payload).toMatchObject({ toolName: "apply_patch", toolLabel: "apply_patch", toolInput: { paths: ["added-by-patch.txt"] } });
    expect(plan(payload)).toMatchObject({ guarded: true, targets: ["added-by-patch.txt"] });
  });

  it("keeps Claude Code's event names and answers", () => {
    expect(read("codex", "codex/Stop.json", "stop")).toMatchObject({ event: "Stop", backgroundTasks: null });
    expect(read("codex", "codex/SessionEnd.json", "stop")).toMatchObject({ event: "SessionEnd" });
    expect(read("codex", "codex/SessionStart.json", "sessionstart")).toMatchObject({ event: "SessionStart", source: "startup" });
    for (const result of [NOTICE("PreToolUse"), FAIL_OPEN, { kind: "allow" } as const]) expect(AGENTS.codex.render(result)).toEqual(claude.render(result));
    // Codex hands the model the reason alone: the details go in it.
    expect(JSON.parse(AGENTS.codex.render(DENY).stdout)).toEqual({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: WHOLE } });
  });
});

describe("gemini", () => {
  it("reads write_file and replace as Write and Edit of their (relative) file, under Gemini's own event names", () => {
    expect(read("gemini", "gemini/BeforeTool.write_file.json")).toMatchObject({
      agent: "gemini",
      sessionId: "gemini:683ba695-f1f1-4453-ba4d-d1242b242713",
      event: "PreToolUse",
      toolName: "Write",
      toolLabel: "write_file",
      toolInput: { file_path: "written-by-write_file.txt" },
    });
    expect(read("gemini", "gemini/BeforeTool.replace.json")).toMatchObject({ toolName: "Edit", toolLabel: "replace" });
    expect(read("gemini", "gemini/AfterTool.write_file.json", "posttooluse")).toMatchObject({ event: "PostToolUse" });
    expect(read("gemini", "gemini/AfterAgent.json", "stop")).toMatchObject({ event: "Stop", backgroundTasks: null });
  });

  it("reads run_shell_command as Bash running where its dir_path says, and its read-only commands as such", () => {
    expect(plan(read("gemini", "gemini/BeforeTool.run_shell_command-write.json"))).toMatchObject({ guarded: true });
    expect(plan(read("gemini", "gemini/BeforeTool.run_shell_command-readonly.json"))).toMatchObject({ guarded: false });
    const inSub = AGENTS.gemini.payload({ ...fixture("gemini/BeforeTool.run_shell_command-write.json"), tool_input: { command: "make", dir_path: "pkg/app" } }, "pretooluse");
    expect(inSub).toMatchObject({ ok: true, payload: { cwd: "/w/pkg/app" } });
    const background = AGENTS.gemini.payload({ ...fixture("gemini/BeforeTool.run_shell_command-write.json"), tool_input: { command: "npm run dev", is_background: true } }, "pretooluse");
    expect(background.ok && plan(background.payload).starts).toMatchObject({ type: "shell", command: "npm run dev" });
  });

  it("denies with Gemini's decision and a message for its user; warns with a systemMessage; prints JSON only", () => {
    expect(JSON.parse(AGENTS.gemini.render(DENY).stdout)).toEqual({ decision: "deny", reason: WHOLE, systemMessage: "claude-session-guard: first line" });
    expect(JSON.parse(AGENTS.gemini.render(NOTICE("PostToolUse")).stdout)).toEqual({
      systemMessage: "for the user",
      hookSpecificOutput: { hookEventName: "AfterTool", additionalContext: "for the agent" },
    });
    const failOpen = AGENTS.gemini.render(FAIL_OPEN);
    expect(JSON.parse(failOpen.stdout)).toEqual({ systemMessage: expect.stringMatching(/^claude-session-guard: not guarding this workspace: the store is gone\./) });
    expect(failOpen.stderr).toMatch(/^claude-session-guard: /);
    // A warning this session was already shown: an empty object, since Gemini CLI would show stderr in place of an empty stdout.
    expect(JSON.parse(AGENTS.gemini.render({ ...FAIL_OPEN, quiet: true } as HookResult).stdout)).toEqual({});
    expect(AGENTS.gemini.render({ kind: "allow" })).toEqual({ stdout: "", stderr: "" });
  });
});

describe("cursor (from its documentation)", () => {
  it("names the session by conversation_id and finds the workspace in workspace_roots when cwd is empty (the CLI)", () => {
    const shell = read("cursor", "cursor/preToolUse.shell.captured-cli-2026.09.10.json");
    expect(shell).toMatchObject({ agent: "cursor", sessionId: "cursor:e747cb7c-e568-4341-aece-6fe8bb11b174", cwd: "/w", event: "PreToolUse", toolName: "Bash", toolLabel: "Shell" });
    expect(plan(shell)).toMatchObject({ guarded: false });
    expect(read("cursor", "cursor/preToolUse.json")).toMatchObject({ cwd: "/w", toolInput: { command: "npm install" } });
  });

  it("guards every tool but the read-only ones, at the file it names when it names one", () => {
    expect(plan(read("cursor", "cursor/preToolUse.write.illustrative.json"))).toMatchObject({ guarded: true, targets: ["/w/src/new.ts"] });
    expect(plan(read("cursor", "cursor/preToolUse.strreplace.illustrative.json"))).toMatchObject({ guarded: true, targets: ["/w/src/main.ts"] });
    expect(plan(read("cursor", "cursor/preToolUse.read.captured-cli-2026.09.10.json"))).toMatchObject({ guarded: false });
    expect(read("cursor", "cursor/stop.json", "stop")).toMatchObject({ event: "Stop" });
    expect(read("cursor", "cursor/sessionEnd.json", "stop")).toMatchObject({ event: "SessionEnd" });
  });

  it("denies with Cursor's permission answer and never prints anything else on stdout but context it reads", () => {
    expect(JSON.parse(AGENTS.cursor.render(DENY).stdout)).toEqual({ permission: "deny", user_message: "claude-session-guard: first line", agent_message: WHOLE });
    expect(AGENTS.cursor.render(NOTICE("PreToolUse"))).toEqual({ stdout: "", stderr: "for the user\n" });
    expect(JSON.parse(AGENTS.cursor.render(NOTICE("PostToolUse")).stdout)).toEqual({ additional_context: "for the agent" });
    const failOpen = AGENTS.cursor.render(FAIL_OPEN);
    expect(failOpen.stdout).toBe("");
    expect(failOpen.stderr).toMatch(/^claude-session-guard: not guarding this workspace: the store is gone\./);
  });
});

describe("copilot (from its documentation)", () => {
  it("reads its camelCase payloads, toolArgs as a JSON string or an object, naming the event from the hook command", () => {
    expect(read("copilot", "copilot/preToolUse.json")).toMatchObject({ agent: "copilot", sessionId: "copilot:0f2c7a52-6d7e-4b8a-9c3f-1e2d3c4b5a69", event: "PreToolUse", toolName: "Bash", toolInput: { command: "rm -rf dist" } });
    expect(plan(read("copilot", "copilot/preToolUse.toolArgs-object.observed-1.0.89.json"))).toMatchObject({ guarded: false });
    expect(plan(read("copilot", "copilot/preToolUse.edit.observed-1.0.89.json"))).toMatchObject({ guarded: true, targets: ["/w/src/app.ts"] });
    expect(plan(read("copilot", "copilot/preToolUse.create.captured-prempti.json"))).toMatchObject({ guarded: true, targets: ["/w/file.txt"] });
    expect(plan(read("copilot", "copilot/preToolUse.apply_patch.illustrative.json"))).toMatchObject({ guarded: true, targets: ["src/app.ts"] });
    expect(plan(read("copilot", "copilot/preToolUse.view.observed-1.0.89.json"))).toMatchObject({ guarded: false });
    expect(read("copilot", "copilot/postToolUseFailure.json", "posttooluse")).toMatchObject({ event: "PostToolUseFailure" });
    expect(read("copilot", "copilot/agentStop.json", "stop")).toMatchObject({ event: "Stop" });
    expect(read("copilot", "copilot/sessionEnd.json", "stop")).toMatchObject({ event: "SessionEnd", reason: "complete" });
  });

  it("reads the snake_case payload it sends to hooks in Claude Code's settings", () => {
    expect(read("copilot", "copilot/PreToolUse.vscode-compat.json")).toMatchObject({ sessionId: "copilot:0f2c7a52-6d7e-4b8a-9c3f-1e2d3c4b5a69", event: "PreToolUse", toolName: "Bash", toolInput: { command: "rm -rf dist" } });
    expect(read("copilot", "copilot/Stop.vscode-compat.json", "stop")).toMatchObject({ event: "Stop" });
  });

  it("denies with a top-level permissionDecision, warns with a progress line, and never asks for anything else", () => {
    expect(JSON.parse(AGENTS.copilot.render(DENY).stdout)).toEqual({ permissionDecision: "deny", permissionDecisionReason: WHOLE });
    const [progress, final] = AGENTS.copilot.render(NOTICE("PostToolUse")).stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(progress).toEqual({ type: "progress", message: "for the user" });
    expect(final).toEqual({ additionalContext: "for the agent" });
    const failOpen = AGENTS.copilot.render(FAIL_OPEN);
    expect(failOpen.stdout.trim().split("\n").map((line) => JSON.parse(line))).toEqual([{ type: "progress", message: expect.stringMatching(/^claude-session-guard: not guarding/) }]);
    expect(AGENTS.copilot.render({ ...FAIL_OPEN, quiet: true } as HookResult).stdout).toBe("");
  });
});

describe("every adapter", () => {
  it.each(Object.keys(AGENTS) as Array<keyof typeof AGENTS>)("%s allows with nothing at all on stdout or stderr", (agent) => {
    expect(AGENTS[agent].render({ kind: "allow" })).toEqual({ stdout: "", stderr: "" });
  });

  it.each(Object.keys(AGENTS) as Array<keyof typeof AGENTS>)("%s refuses a payload without the agent's session id, naming the field", (agent) => {
    expect(AGENTS[agent].payload({ cwd: "/w", hook_event_name: "PreToolUse" }, "pretooluse")).toMatchObject({ ok: false, problem: expect.stringMatching(/^the hook payload has no (session_id|sessionId|conversation_id)$/) });
  });
});

function readdirJson(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith(".json"));
}
