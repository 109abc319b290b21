import { describe, expect, it } from "vitest";
import { parsePayload } from "../../../src/hook/payload.js";

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
      payload: { sessionId: "d178ebb3", cwd: "/tmp/ws", event: "PreToolUse", toolName: "Bash", toolInput: { command: "ls", timeout: 5000 } },
    });
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
