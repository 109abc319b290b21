// GitHub Copilot CLI, from its documentation: no Copilot runs here. Its own hooks
// (`.github/hooks/*.json`) get camelCase payloads with no event name (sessionId, cwd, toolName,
// toolArgs: an object, or a JSON string in older builds, or the raw patch of apply_patch); the
// hooks it runs from Claude Code's settings get a snake_case payload with Claude Code's event
// and tool names. It denies with top-level `{"permissionDecision":"deny", …}` and shows
// `{"type":"progress"}` lines to its user; any exit code but 0 from a preToolUse hook is a
// denial, so this adapter's answers always exit 0 like every other.

import type { Agent } from "./agents.js";
import type { HookCommand } from "../hook/commands.js";
import { denialText, failOpenTexts, type Rendered } from "../hook/render.js";
import { isObject, type JsonObject, nonEmpty } from "../hook/payload.js";
import { patchPaths } from "./patch.js";
import { text, translated } from "./translate.js";

/** Copilot CLI's tools that read, search or talk, never change files. */
const READ_ONLY = new Set([
  "view", "glob", "grep", "rg", "web_fetch", "web_search", "ask_user", "report_intent", "update_todo", "read_bash", "read_powershell",
  "list_bash", "list_powershell", "skill", "Read", "Glob", "Grep", "WebFetch", "WebSearch",
]);

export const copilot: Agent = {
  name: "copilot",
  payload(p, command) {
    const camel = p.session_id === undefined;
    const tool = nonEmpty(camel ? p.toolName : p.tool_name);
    const args = camel ? p.toolArgs : p.tool_input;
    return translated(
      "copilot",
      camel ? "sessionId" : "session_id",
      {
        session_id: camel ? p.sessionId : p.session_id,
        cwd: p.cwd,
        hook_event_name: nonEmpty(p.hook_event_name) ?? eventOf(command, p),
        ...canonical(tool, args),
        reason: p.reason,
        source: p.source,
      },
      tool,
    );
  },
  render(result): Rendered {
    switch (result.kind) {
      case "allow":
        return { stdout: "", stderr: "" };
      case "deny":
        return { stdout: `${JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: denialText(result) })}\n`, stderr: "" };
      case "notice":
        return { stdout: `${progress(result.systemMessage)}${JSON.stringify({ additionalContext: result.additionalContext })}\n`, stderr: "" };
      case "failOpen": {
        // A progress line is for display only: it never decides anything.
        const { notice, stderr } = failOpenTexts(result.problem, result.self);
        return { stdout: result.quiet ? "" : progress(notice), stderr };
      }
    }
  },
};

/** Its own payloads name no event: the hook command and the fields say which one it is. */
function eventOf(command: HookCommand, p: JsonObject): string {
  switch (command) {
    case "pretooluse":
      return "PreToolUse";
    case "posttooluse":
      return p.error !== undefined ? "PostToolUseFailure" : "PostToolUse";
    case "stop":
      return p.reason !== undefined ? "SessionEnd" : "Stop";
    case "sessionstart":
      return "SessionStart";
  }
}

function canonical(tool: string | null, args: unknown): { tool_name: string | null; tool_input: JsonObject } {
  const input = argsObject(args);
  const path = text(input, "path") ?? text(input, "file_path");
  switch (tool) {
    case "bash":
    case "Bash":
      return { tool_name: "Bash", tool_input: { command: input.command } };
    case "powershell":
      return { tool_name: "PowerShell", tool_input: { command: input.command } };
    case "write_bash":
    case "write_powershell":
      // Typing into a running shell: nothing says what it does.
      return { tool_name: "Bash", tool_input: {} };
    case "apply_patch":
    case "git_apply_patch":
      return { tool_name: "apply_patch", tool_input: { paths: typeof args === "string" ? patchPaths(args) : [] } };
    default:
      if (tool !== null && READ_ONLY.has(tool)) return { tool_name: "Read", tool_input: {} };
      // create, edit, str_replace_editor, insert, Write, Edit (apply_patch renamed, its patch as the input), MCP tools, …
      if (typeof args === "string" && /^\*\*\* Begin Patch/m.test(args)) return { tool_name: "apply_patch", tool_input: { paths: patchPaths(args) } };
      return { tool_name: "Write", tool_input: path === null ? {} : { file_path: path } };
  }
}

/** toolArgs as an object: it is one in current builds, a JSON string in older ones. */
function argsObject(args: unknown): JsonObject {
  if (isObject(args)) return args;
  if (typeof args !== "string") return {};
  try {
    const parsed: unknown = JSON.parse(args);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function progress(message: string): string {
  return `${JSON.stringify({ type: "progress", message })}\n`;
}
