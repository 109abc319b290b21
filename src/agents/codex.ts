// Codex CLI (0.171). Its payloads are Claude Code's in shape (session_id, cwd, hook_event_name,
// tool_name, tool_input, tool_use_id) and it reads Claude Code's answers (a hookSpecificOutput
// deny blocks, a systemMessage shows in its terminal UI), so only the tools differ, and a denial
// carries its details in the reason, which Codex hands the model whole: `Bash` is
// every shell call (`exec_command`, the raw command line in `command`, `cwd` its working
// directory), `apply_patch` carries the patch in `command`, and anything else (MCP tools) is
// guarded as Claude Code's unknown tools are.

import type { Agent } from "./agents.js";
import { denialText, render } from "../hook/render.js";
import { nonEmpty, isObject } from "../hook/payload.js";
import { patchPaths } from "./patch.js";
import { text, translated } from "./translate.js";

export const codex: Agent = {
  name: "codex",
  payload(p) {
    const tool = nonEmpty(p.tool_name);
    const raw = isObject(p.tool_input) ? p.tool_input : {};
    const patch = tool === "apply_patch" ? text(raw, "command") : null;
    return translated(
      "codex",
      "session_id",
      {
        session_id: p.session_id,
        cwd: p.cwd,
        hook_event_name: nonEmpty(p.hook_event_name) ?? "",
        tool_name: tool,
        tool_input: tool === "apply_patch" ? { paths: patch === null ? [] : patchPaths(patch) } : raw,
        tool_use_id: p.tool_use_id,
        reason: p.reason,
        source: p.source,
      },
    );
  },
  render: (result) => render(result.kind === "deny" ? { kind: "deny", reason: denialText(result) } : result),
};
