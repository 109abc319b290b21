// What every adapter for another agent does with its payload: name the session after the agent,
// so two agents' ids never collide, and hand the core a payload in Claude Code's shape.

import { claudePayload, type JsonObject, nonEmpty, type PayloadResult } from "../hook/payload.js";
import { input } from "../messages.js";
import type { AgentName } from "./agents.js";

/** The fields of a Claude Code payload the core reads (see hook/payload.ts). */
export interface ClaudeShape {
  session_id: unknown;
  cwd: unknown;
  hook_event_name: string;
  tool_name?: string | null;
  tool_input?: JsonObject;
  tool_use_id?: unknown;
  reason?: unknown;
  source?: unknown;
}

/**
 * The core's payload for another agent: its session id as `<agent>:<id>`, and the tool named both
 * as policy.ts knows it (`tool_name`) and as the agent calls it (`label`).
 */
export function translated(agent: AgentName, idField: string, shape: ClaudeShape, label: string | null = null): PayloadResult {
  const id = nonEmpty(shape.session_id);
  if (id === null || id.trim() === "") return { ok: false, problem: input.noField(idField) };
  const parsed = claudePayload({ ...shape, session_id: `${agent}:${id}` } as JsonObject, agent);
  return parsed.ok ? { ok: true, payload: { ...parsed.payload, toolLabel: label ?? parsed.payload.toolLabel } } : parsed;
}

/** `path` as seen from `dir`: itself when absolute, else joined (the workspace resolver cleans up `..`). */
export function under(dir: string | null, path: string): string {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || dir === null) return path;
  return `${dir.replace(/[\\/]+$/, "")}/${path}`;
}

/** A string field of an object, or null when it is absent or empty. */
export function text(object: unknown, key: string): string | null {
  return typeof object === "object" && object !== null ? nonEmpty((object as JsonObject)[key]) : null;
}
