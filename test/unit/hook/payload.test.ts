import { describe, expect, it } from "vitest";
import { claudePayload, type PayloadResult, readPayload } from "../../../src/hook/payload.js";

function parsePayload(text: string): PayloadResult {
  const read = readPayload(text);
  return read.ok ? claudePayload(read.value) : read;
}

describe("parsePayload", () => {
  it("reads what the guard uses and ignores the rest", () => {
    const text = JSON.stringify({
      session_id: "d178ebb3",
      transcript_path: "/t.jsonl",
      cwd: "/tmp/ws",
      hook_event_name: "PreToolUse",
      tool_name: "Bash",
      tool_input: { command: "ls", timeout: 5000 },
      effort: { level: "high" },
      future_field: 1,
    });
    expect(parsePayload(text)).toEqual({
      ok: true,
      payload: {
        agent: "claude",
        sessionId: "d178ebb3",
        cwd: "/tmp/ws",
        event: "PreToolUse",
        toolName: "Bash",
        toolLabel: "Bash",
        toolInput: { command: "ls", timeout: 5000 },
        toolUseId: null,
        backgroundTaskId: null,
        backgroundTasks: null,
        reason: null,
        source: null,
        agentId: null,
      },
    });
  });

  it("reads a Stop's background work as Claude Code 2.1.331 sends it, skipping entries it cannot use", () => {
    const text = JSON.stringify({
      session_id: "s",
      cwd: "/w",
      hook_event_name: "Stop",
      background_tasks: [
        { id: "b9u7b9hsp", type: "shell", status: "running", description: "dev server", command: "npm run dev" },
        { id: "af0e366333b2aa6df", type: "subagent", status: "running", description: "scripted sub task", agent_type: "general-purpose" },
        { type: "monitor" },
        "nonsense",
      ],
    });
    expect(parsePayload(text)).toMatchObject({
      ok: true,
      payload: {
        backgroundTasks: [
          { id: "b9u7b9hsp", type: "shell", status: "running", description: "dev server", command: "npm run dev" },
          { id: "af0e366333b2aa6df", type: "subagent", status: "running", description: "scripted sub task" },
        ],
      },
    });
  });

  it("reads the background task a finished call started, a subagent's id, and why a session ended or started", () => {
    const post = JSON.stringify({ session_id: "s", tool_use_id: "toolu_1", tool_response: { backgroundTaskId: "b1" }, agent_id: "a1" });
    expect(parsePayload(post)).toMatchObject({ ok: true, payload: { toolUseId: "toolu_1", backgroundTaskId: "b1", agentId: "a1" } });
    const monitor = JSON.stringify({ session_id: "s", tool_response: { taskId: "m1" } });
    expect(parsePayload(monitor)).toMatchObject({ ok: true, payload: { backgroundTaskId: "m1" } });
    expect(parsePayload('{"session_id":"s","reason":"clear","source":"clear"}')).toMatchObject({ ok: true, payload: { reason: "clear", source: "clear" } });
  });

  it("refuses a session id longer than the guard records, and paths with a NUL byte", () => {
    expect(parsePayload(JSON.stringify({ session_id: "x".repeat(257) }))).toMatchObject({ ok: false, problem: expect.stringContaining("257 characters") });
    expect(parsePayload(JSON.stringify({ session_id: "x".repeat(256) }))).toMatchObject({ ok: true });
    expect(parsePayload(JSON.stringify({ session_id: "s", cwd: "/a\u0000b" }))).toMatchObject({ ok: false, problem: expect.stringContaining("NUL") });
    expect(parsePayload(JSON.stringify({ session_id: "s", tool_input: { file_path: "/a\u0000b" } }))).toMatchObject({ ok: false });
  });

  it("reads a payload that starts with a byte order mark (Cursor on Windows)", () => {
    expect(parsePayload(`\uFEFF${JSON.stringify({ session_id: "s" })}`)).toMatchObject({ ok: true, payload: { sessionId: "s" } });
  });

  it("accepts a Stop payload without tool fields", () => {
    expect(parsePayload('{"session_id":"s","cwd":"/w","hook_event_name":"Stop"}')).toMatchObject({
      ok: true,
      payload: { toolName: null, toolInput: {} },
    });
  });

  it.each([
    ["", "no hook payload on stdin"],
    ["{", "the hook payload on stdin is not JSON"],
    ["[1]", "the hook payload on stdin is not a JSON object"],
    ['{"cwd":"/w"}', "the hook payload has no session_id"],
    ['{"session_id":"  "}', "the hook payload has no session_id"],
    ['{"session_id":7}', "the hook payload has no session_id"],
  ])("rejects %j", (text, problem) => {
    expect(parsePayload(text)).toEqual({ ok: false, problem });
  });
});
