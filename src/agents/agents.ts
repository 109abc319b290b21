// What an adapter for a coding agent is, and which agent sent a payload: an adapter reads the
// agent's hook payload into the core's (Claude Code's) shape and writes a HookResult the way that
// agent reads it. Claude Code's adapter is on every hook call's path; the others are bundled apart
// (dist/agents.cjs) and loaded only by calls that name or send another agent's payload.

import type { HookCommand } from "../hook/commands.js";
import type { JsonObject, PayloadResult } from "../hook/payload.js";
import type { HookResult, Rendered } from "../hook/render.js";
import type { AgentName } from "./names.js";

export type { AgentName };

export interface Agent {
  name: AgentName;
  /** The agent's payload for `command`, as the core reads it, or why it cannot be read. */
  payload(value: JsonObject, command: HookCommand): PayloadResult;
  /** A decision as the agent reads it. Every agent gets exit 0: each treats some other code as a denial. */
  render(result: HookResult): Rendered;
}

/**
 * Which agent sent a payload that arrived without `--agent`: Cursor and Copilot CLI also run the
 * hooks in Claude Code's settings files, each sending its own payload. Only their tell-tale
 * fields count, so a Claude Code payload (whatever it adds later) is never mistaken for theirs.
 * Codex and Gemini CLI read only their own files, which name the agent.
 */
export function detectAgent(p: JsonObject): AgentName {
  if (typeof p.cursor_version === "string" || typeof p.conversation_id === "string" || Array.isArray(p.workspace_roots)) return "cursor";
  // Copilot's own camelCase payload, or the snake_case one it sends to Claude Code-style hooks:
  // an ISO timestamp, which Claude Code's payloads do not carry, and none of the prompt id, mode
  // or call id that Claude Code's tool and turn events do.
  if (typeof p.sessionId === "string" && p.session_id === undefined) return "copilot";
  if (typeof p.timestamp === "string" && p.prompt_id === undefined && p.permission_mode === undefined && p.tool_use_id === undefined) return "copilot";
  return "claude";
}
