// Cursor (the editor and cursor-agent), from its documentation: no Cursor runs here. Its payloads
// name the session `conversation_id` and the project in `workspace_roots` (the CLI sends an empty
// `cwd`); its events are camelCase (preToolUse, postToolUse, postToolUseFailure, stop at the end
// of an agent loop, sessionEnd), or Claude Code's names when it runs hooks from Claude Code's
// settings, with the same payload. Its tools have their own names (Shell, Write, StrReplace,
// Delete, MCP:<tool>, …) whose file keys are not documented, so every tool but a read-only few
// is guarded. It reads `{"permission":"deny","user_message","agent_message"}`, under Claude Code's
// settings too; stdout is empty for everything else, stderr goes to its Hooks output channel.

import type { Agent } from "./agents.js";
import { denialText, failOpenTexts, firstLine, type Rendered } from "../hook/render.js";
import { isObject, type JsonObject, nonEmpty } from "../hook/payload.js";
import { text, translated, under } from "./translate.js";

const EVENTS: Record<string, string> = {
  pretooluse: "PreToolUse",
  posttooluse: "PostToolUse",
  posttoolusefailure: "PostToolUseFailure",
  stop: "Stop",
  sessionend: "SessionEnd",
  sessionstart: "SessionStart",
};

const READ_ONLY = new Set(["Read", "Grep", "Glob", "LS", "WebFetch", "WebSearch", "TabRead", "TodoWrite", "SemanticSearch"]);
const FILE_KEYS = ["file_path", "path", "target_file", "relative_path"];

export const cursor: Agent = {
  name: "cursor",
  payload(p) {
    const tool = nonEmpty(p.tool_name);
    const raw = isObject(p.tool_input) ? p.tool_input : {};
    const event = nonEmpty(p.hook_event_name);
    const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots : [];
    const cwd = nonEmpty(p.cwd) ?? nonEmpty(roots[0]);
    const shellDir = tool === "Shell" ? (text(raw, "working_directory") ?? text(raw, "cwd")) : null;
    return translated(
      "cursor",
      "conversation_id",
      {
        session_id: p.conversation_id ?? p.session_id,
        cwd: shellDir === null ? cwd : under(cwd, shellDir),
        hook_event_name: (event !== null && EVENTS[event.toLowerCase()]) || (event ?? ""),
        ...canonical(tool, raw),
        tool_use_id: p.tool_use_id,
        reason: p.reason,
      },
      tool,
    );
  },
  render(result): Rendered {
    switch (result.kind) {
      case "allow":
        return { stdout: "", stderr: "" };
      case "deny":
        return { stdout: `${JSON.stringify({ permission: "deny", user_message: firstLine(result.reason), agent_message: denialText(result) })}\n`, stderr: "" };
      case "notice":
        // Only postToolUse and sessionStart carry context to the model; the user reads stderr.
        return {
          stdout: result.event === "PreToolUse" ? "" : `${JSON.stringify({ additional_context: result.additionalContext })}\n`,
          stderr: `${result.systemMessage}\n`,
        };
      case "failOpen":
        // Cursor has no warning that lets a call run: the notice goes to stderr with the rest.
        return { stdout: "", stderr: result.quiet ? failOpenTexts(result.problem).stderr : `${failOpenTexts(result.problem, result.self).notice}\n` };
    }
  },
};

function canonical(tool: string | null, input: JsonObject): { tool_name: string | null; tool_input: JsonObject } {
  if (tool === "Shell") return { tool_name: "Bash", tool_input: { command: input.command } };
  if (tool !== null && READ_ONLY.has(tool)) return { tool_name: "Read", tool_input: {} };
  const file = FILE_KEYS.map((key) => text(input, key)).find((path) => path !== null) ?? null;
  // Write, StrReplace, Edit, Delete, ApplyPatch, MCP tools, …: where they say, else the project.
  return { tool_name: "Write", tool_input: file === null ? {} : { file_path: file } };
}
