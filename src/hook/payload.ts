// A Claude Code hook payload, parsed leniently: Claude Code adds fields over time, so only what
// the guard uses is required, and everything else is ignored.

import { input } from "../messages.js";

export interface HookPayload {
  sessionId: string;
  cwd: string | null;
  event: string | null;
  toolName: string | null;
  toolInput: Record<string, unknown>;
}

export type PayloadResult = { ok: true; payload: HookPayload } | { ok: false; problem: string };

/**
 * The longest session id the guard records. Agents use UUIDs (36 characters); a longer id is
 * refused rather than written into a record the guard could not read back whole.
 */
export const MAX_SESSION_ID = 256;

export function parsePayload(text: string): PayloadResult {
  if (text.trim() === "") return { ok: false, problem: input.noPayload };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: input.notJson };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, problem: input.notObject };
  }
  const p = value as Record<string, unknown>;
  if (typeof p.session_id !== "string" || p.session_id.trim() === "") {
    return { ok: false, problem: input.noSessionId };
  }
  if (p.session_id.length > MAX_SESSION_ID) return { ok: false, problem: input.sessionIdTooLong(p.session_id.length, MAX_SESSION_ID) };
  if (typeof p.cwd === "string" && p.cwd.includes("\u0000")) return { ok: false, problem: input.nulInPath("cwd") };
  const toolInput = p.tool_input;
  return {
    ok: true,
    payload: {
      sessionId: p.session_id,
      cwd: typeof p.cwd === "string" && p.cwd !== "" ? p.cwd : null,
      event: typeof p.hook_event_name === "string" ? p.hook_event_name : null,
      toolName: typeof p.tool_name === "string" ? p.tool_name : null,
      toolInput:
        typeof toolInput === "object" && toolInput !== null && !Array.isArray(toolInput)
          ? (toolInput as Record<string, unknown>)
          : {},
    },
  };
}
