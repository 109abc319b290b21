// A Claude Code hook payload, parsed leniently: Claude Code adds fields over time, so only what
// the guard uses is required, and everything else is ignored or read as absent. Other agents'
// payloads are translated into this shape (src/agents/) and read by the same code.

import type { AgentName } from "../agents/names.js";
import { input } from "../messages.js";

/** One entry of a Stop payload's `background_tasks`: work in flight that will wake the session. */
export interface BackgroundTask {
  id: string;
  /** shell, subagent, monitor, workflow, teammate, "MCP task", "cloud session", … */
  type: string;
  status: string;
  description?: string;
  command?: string;
}

export interface HookPayload {
  /** The agent that sent the payload; its session ids carry its name (`codex:…`) unless it is Claude Code. */
  agent: AgentName;
  sessionId: string;
  cwd: string | null;
  event: string | null;
  /** The tool as policy.ts knows it: Claude Code's name for what the call does. */
  toolName: string | null;
  /** The tool as the agent calls it, for what people and the agent read. */
  toolLabel: string | null;
  toolInput: Record<string, unknown>;
  toolUseId: string | null;
  /** The task id a finished call started in the background (Bash: backgroundTaskId, Monitor: taskId). */
  backgroundTaskId: string | null;
  /** Stop's list of work in flight; null when the payload has none (SessionEnd, StopFailure, older versions). */
  backgroundTasks: BackgroundTask[] | null;
  /** SessionEnd's reason (clear, logout, prompt_input_exit, other, …). */
  reason: string | null;
  /** SessionStart's source (startup, resume, clear, compact, fork). */
  source: string | null;
  /** Set on a subagent's (or in-process teammate's) own calls. */
  agentId: string | null;
}

export type PayloadResult = { ok: true; payload: HookPayload } | { ok: false; problem: string };

/**
 * The longest session id the guard records. Agents use UUIDs (36 characters); a longer id is
 * refused rather than written into a record the guard could not read back whole.
 */
export const MAX_SESSION_ID = 256;

export type JsonObject = Record<string, unknown>;

/** The JSON object on stdin, whichever agent sent it. */
export function readPayload(text: string): { ok: true; value: JsonObject } | { ok: false; problem: string } {
  // Cursor on Windows starts every payload with a byte order mark.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, problem: input.noPayload };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: input.notJson };
  }
  if (!isObject(value)) return { ok: false, problem: input.notObject };
  return { ok: true, value };
}

/** A payload in Claude Code's shape (Claude Code's own, or another agent's translated by its adapter). */
export function claudePayload(p: JsonObject, agent: AgentName = "claude"): PayloadResult {
  if (typeof p.session_id !== "string" || p.session_id.trim() === "") {
    return { ok: false, problem: input.noSessionId };
  }
  if (p.session_id.length > MAX_SESSION_ID) return { ok: false, problem: input.sessionIdTooLong(p.session_id.length, MAX_SESSION_ID) };
  if (typeof p.cwd === "string" && p.cwd.includes("\u0000")) return { ok: false, problem: input.nulInPath("cwd") };
  const toolInput = isObject(p.tool_input) ? p.tool_input : {};
  for (const field of ["file_path", "notebook_path"]) {
    if (typeof toolInput[field] === "string" && (toolInput[field] as string).includes("\u0000")) return { ok: false, problem: input.nulInPath(field) };
  }
  if (Array.isArray(toolInput.paths) && toolInput.paths.some((path) => typeof path === "string" && path.includes("\u0000"))) return { ok: false, problem: input.nulInPath("patch") };
  const response = isObject(p.tool_response) ? p.tool_response : {};
  return {
    ok: true,
    payload: {
      agent,
      sessionId: p.session_id,
      cwd: nonEmpty(p.cwd),
      event: nonEmpty(p.hook_event_name),
      toolName: nonEmpty(p.tool_name),
      toolLabel: nonEmpty(p.tool_name),
      toolInput,
      toolUseId: nonEmpty(p.tool_use_id),
      backgroundTaskId: nonEmpty(response.backgroundTaskId) ?? nonEmpty(response.taskId),
      backgroundTasks: Array.isArray(p.background_tasks) ? p.background_tasks.flatMap(task) : null,
      reason: nonEmpty(p.reason),
      source: nonEmpty(p.source),
      agentId: nonEmpty(p.agent_id),
    },
  };
}

function task(value: unknown): BackgroundTask[] {
  if (!isObject(value) || typeof value.id !== "string" || typeof value.type !== "string") return [];
  return [
    {
      id: value.id,
      type: value.type,
      status: typeof value.status === "string" ? value.status : "running",
      ...(typeof value.description === "string" && { description: value.description }),
      ...(typeof value.command === "string" && { command: value.command }),
    },
  ];
}

export function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
