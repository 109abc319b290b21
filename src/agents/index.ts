// The entry point of dist/agents.cjs: the adapters of the agents other than Claude Code, loaded
// by the hook entry point only for calls that name or send one of them.

import type { Agent, AgentName } from "./agents.js";
import { codex } from "./codex.js";
import { copilot } from "./copilot.js";
import { cursor } from "./cursor.js";
import { gemini } from "./gemini.js";

export const AGENTS: Record<Exclude<AgentName, "claude">, Agent> = { codex, gemini, cursor, copilot };
