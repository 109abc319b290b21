// Gemini CLI (0.61). Its events have their own names (BeforeTool, AfterTool, AfterAgent at the end
// of a turn), its tools too (write_file, replace, run_shell_command, whose `dir_path` is where the
// command runs; relative paths are as the model wrote them, against the project directory), and
// it reads only its own answer: `{"decision":"deny","reason"}` blocks (a Claude Code deny does
// not), a systemMessage is what its user sees, and stdout must hold JSON alone.

import type { Agent } from "./agents.js";
import { denialText, failOpenTexts, firstLine, type Rendered } from "../hook/render.js";
import { isObject, type JsonObject, nonEmpty } from "../hook/payload.js";
import { text, translated, under } from "./translate.js";

const EVENTS: Record<string, string> = {
  BeforeTool: "PreToolUse",
  AfterTool: "PostToolUse",
  AfterAgent: "Stop",
  SessionEnd: "SessionEnd",
  SessionStart: "SessionStart",
};

/** Gemini CLI's tools that read, search or steer the session, never change files. */
const READ_ONLY = new Set([
  "read_file", "read_many_files", "list_directory", "glob", "grep_search", "search_file_content", "google_web_search", "web_fetch",
  "list_background_processes", "read_background_output", "enter_plan_mode", "exit_plan_mode", "update_topic", "write_todos", "complete_task",
]);

export const gemini: Agent = {
  name: "gemini",
  payload(p) {
    const tool = nonEmpty(p.tool_name);
    const raw = isObject(p.tool_input) ? p.tool_input : {};
    const event = nonEmpty(p.hook_event_name);
    const cwd = nonEmpty(p.cwd);
    const shell = tool === "run_shell_command";
    const dir = shell ? text(raw, "dir_path") : null;
    return translated(
      "gemini",
      "session_id",
      {
        session_id: p.session_id,
        cwd: dir === null ? cwd : under(cwd, dir),
        hook_event_name: (event !== null && EVENTS[event]) || (event ?? ""),
        ...canonical(tool, raw),
        // Gemini CLI gives its calls no id; the timestamp tells one background command from another.
        tool_use_id: shell ? p.timestamp : null,
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
        // Its terminal UI shows a denial to nobody but the model: the systemMessage tells the user.
        return { stdout: `${JSON.stringify({ decision: "deny", reason: denialText(result), systemMessage: firstLine(result.reason) })}\n`, stderr: "" };
      case "notice":
        // AfterTool appends additionalContext to the tool's result for the model; the other events show only the message.
        return {
          stdout: `${JSON.stringify({ systemMessage: result.systemMessage, hookSpecificOutput: { hookEventName: geminiEvent(result.event), additionalContext: result.additionalContext } })}\n`,
          stderr: "",
        };
      case "failOpen": {
        const { notice, stderr } = failOpenTexts(result.problem, result.self);
        // With nothing on stdout Gemini CLI shows stderr instead: an empty object keeps a warning already shown quiet.
        return { stdout: `${JSON.stringify(result.quiet ? {} : { systemMessage: notice })}\n`, stderr };
      }
    }
  },
};

function canonical(tool: string | null, input: JsonObject): { tool_name: string | null; tool_input: JsonObject } {
  switch (tool) {
    case "write_file":
      return { tool_name: "Write", tool_input: { file_path: input.file_path } };
    case "replace":
      return { tool_name: "Edit", tool_input: { file_path: input.file_path } };
    case "run_shell_command":
      return { tool_name: "Bash", tool_input: { command: input.command, ...(input.is_background === true && { run_in_background: true }), description: input.description } };
    default:
      return tool !== null && READ_ONLY.has(tool) ? { tool_name: "Read", tool_input: {} } : { tool_name: tool, tool_input: input };
  }
}

function geminiEvent(event: string): string {
  return Object.keys(EVENTS).find((name) => EVENTS[name] === event) ?? event;
}
