// The coding agents the guard speaks to, by the names `--agent` takes and records carry.

export const AGENT_NAMES = ["claude", "codex", "gemini", "cursor", "copilot"] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

export function isAgentName(name: string): name is AgentName {
  return (AGENT_NAMES as readonly string[]).includes(name);
}
