"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/agents/index.ts
var agents_exports = {};
__export(agents_exports, {
  AGENTS: () => AGENTS
});
module.exports = __toCommonJS(agents_exports);

// src/messages.ts
var PREFIX = "claude-session-guard:";
var NAME = "claude-session-guard";
function duration(ms) {
  const seconds = Math.max(0, Math.round(ms / 1e3));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
var AGENT_PREFIX = /^(codex|gemini|cursor|copilot):/;
function shortId(sessionId) {
  return printable(sessionId.replace(AGENT_PREFIX, "").slice(0, 8));
}
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
var escapeControl = (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
function printable(value) {
  return value.replace(CONTROL, escapeControl);
}
function clearCommand(workspace, self = NAME) {
  return `${self} clear --workspace ${shellQuote(workspace)}`;
}
function sessionAndPid(sessionId, pid) {
  return `session ${shortId(sessionId)} (pid ${pid})`;
}
function lostHow(by, at, reason) {
  if (reason === "cleared") return `${by} cleared it at ${at}`;
  if (reason === "idle") return `it sat idle at its prompt and ${by} took over at ${at}`;
  return `it lapsed and ${by} took over at ${at}`;
}
function holderSummary(holder) {
  return [holder.label, holder.place, holder.doing].filter((part) => part !== "").join(", ");
}
function holderDetails(holder) {
  return `${holderSummary(holder)}, ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}`;
}
function agentPrefix(agent, reader = null) {
  const holder = agent ?? "claude";
  return holder === "claude" && (reader ?? "claude") === "claude" ? "" : `${agentName(holder)} `;
}
function agentName(agent) {
  return { codex: "Codex CLI", gemini: "Gemini CLI", cursor: "Cursor", copilot: "Copilot CLI", claude: "Claude Code" }[agent] ?? agent;
}
var hook = {
  holderLine: (sessionId, pid, activeAgoMs, expiresInMs) => `${sessionAndPid(sessionId, pid)}, last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,
  agentName: (agent) => agentName(agent ?? "claude"),
  holderLabel: (sessionId, pid, agent) => agent === null || agent === "claude" ? sessionAndPid(sessionId, pid) : `${agentName(agent)} ${sessionAndPid(sessionId, pid)}`,
  holderPlace: (name, tmux, tty, startDir) => [
    name !== null ? `named "${printable(name)}"` : null,
    tmux !== null ? `in tmux pane ${printable(tmux)}${tty !== null ? ` (${tty})` : ""}` : tty !== null ? `on ${tty}` : null,
    startDir !== null ? `started in ${printable(startDir)}` : null
  ].filter((part) => part !== null).join(", "),
  timing: (activeAgoMs, expiresInMs) => `last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,
  workLine: (type, description, command, runningMs, leftMs) => `${type}${description !== null ? ` "${printable(description)}"` : ""}${command !== null && command !== description ? ` (${printable(command)})` : ""}, running for ${duration(runningMs)}, keeps the lock at most ${duration(leftMs)} more`,
  doing: {
    working: "working now",
    waitingPermission: "waiting for its user's permission",
    waiting: (what) => `waiting for its user (${printable(what)})`,
    idleWithShell: "idle, with background work still running",
    idleWithWork: "idle, kept for its background work",
    keptForWork: "kept for its background work",
    idle: "idle at its prompt",
    unknown: ""
  },
  /**
   * What a person sees of a denial, and Claude first. Claude Code 2.1.331 shows a denied Write's
   * reason in red, every line, and folds a denied Bash call to its first line (cut at 200
   * characters with its prefix): so the first line alone says who holds the workspace and what to
   * do, in under 170 characters for common names, and the second how to get out.
   */
  denyReason: (tool, workspace, holder, waitedMs = 0, self = NAME) => [
    `${PREFIX} ${holder.who} holds this workspace, so this ${tool ?? "tool"} was not run. Wait, or use a git worktree.` + (waitedMs > 0 ? ` (Waited ${duration(waitedMs)}.)` : ""),
    `Do not work around the lock with another tool or command. If that session is gone or stuck, clear it: ${clearCommand(workspace, self)}`
  ].join("\n"),
  /** The rest, for Claude only (the hook's additionalContext beside the deny): never shown in the terminal. */
  denyContext: (workspace, holder) => [
    `Workspace: ${workspace}`,
    `Held by: ${holder.label}${holder.place ? `, ${holder.place}` : ""}${holder.doing ? `, ${holder.doing}` : ""}; ${holder.timing} (it renews while that session works).`,
    ...holder.work.map((line) => `Kept for its background ${line}. The lock is released when that work ends and its session's turn finishes; stopping the work in that session releases it sooner.`),
    "The other session's changes would collide with yours: tell the user, and wait, or suggest a separate git worktree (git worktree add)."
  ].join("\n"),
  /** The session by the name and terminal a person knows it by (else its id), its pid when no terminal is known, and its state. */
  holderWho: (agent, sessionId, pid, name, terminal, state, reader = null) => `${agentPrefix(agent, reader)}session ${name === null ? shortId(sessionId) : `"${printable(name.length > 40 ? `${name.slice(0, 39)}\u2026` : name)}"`} (${[
    terminal !== null ? printable(terminal) : `pid ${pid}`,
    state
  ].filter((part) => part !== "").join(", ")})`,
  state: {
    working: "working",
    waitingPermission: "waiting for permission",
    waiting: "waiting for its user",
    background: "background work running",
    unknown: ""
  },
  failOpenNotice: (problem, self = NAME) => `${PREFIX} not guarding this workspace: ${problem}. Other sessions are not kept out until this is fixed; run \`${self} doctor\`.`,
  failOpenStderr: (problem) => `${PREFIX} ${problem} (allowing the tool call)`,
  otherSession: (sessionId, pid) => `another ${agentName(AGENT_PREFIX.exec(sessionId)?.[1] ?? "claude")} session (session ${shortId(sessionId)}, pid ${pid})`,
  idleHolder: "its session sat idle at its prompt",
  anOperator: "an operator (claude-session-guard clear)",
  lostForUser: (workspace, by, at, reason) => `${PREFIX} this session lost its lock on ${workspace} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`,
  lostForClaude: (workspace, by, at, reason) => `While this session was away, it lost its lock on the workspace ${workspace}: ${lostHow(by, at, reason)}. Another session may have changed, added or deleted files and switched branches since your last turn. Before editing, re-read every file you intend to change and re-check \`git status\`; do not rely on what you read earlier.`,
  sessionStartForUser: (workspace, holder) => `${PREFIX} ${holder.who} holds this workspace (${workspace}); ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`,
  sessionStartForClaude: (workspace, holder) => `Another ${holder.agent} session currently holds the lock on this workspace (${workspace}): ${holderDetails(holder)}. Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree.`,
  internalError: (detail) => `internal error (${detail}); please report it`
};
var input = {
  noPayload: "no hook payload on stdin",
  notJson: "the hook payload on stdin is not JSON",
  notObject: "the hook payload on stdin is not a JSON object",
  noSessionId: "the hook payload has no session_id",
  sessionIdTooLong: (length, max) => `the hook payload's session_id is ${length} characters long, more than the ${max} the guard records`,
  nulInPath: (field) => `the hook payload's ${field} contains a NUL byte, which no path can`,
  stdinTimeout: (ms) => `no complete hook payload on stdin within ${ms} ms`,
  stdinTooLarge: (bytes) => `the hook payload on stdin is larger than ${bytes} bytes`,
  stdinFailed: (detail) => `cannot read stdin: ${detail}`,
  unknownArgument: (arg, command) => `unknown argument "${arg}" for ${command}`,
  unknownAgent: (name, known) => `unknown agent "${name}" for --agent: use one of ${known}`,
  noField: (field) => `the hook payload has no ${field}`,
  noAgentsBundle: (detail) => `cannot load the adapters for other agents (dist/agents.cjs): ${detail}`,
  invalidTtl: (source, value) => `${source} must be a whole number of milliseconds from 1000 to 604800000, got "${value}"`,
  contention: (ms) => `the lock kept changing under this hook for ${ms} ms`,
  invalidWait: (value) => `--wait must be a whole number of seconds from 0 to 300, got "${value}"`
};

// src/hook/render.ts
function render(result) {
  switch (result.kind) {
    case "allow":
      return { stdout: "", stderr: "" };
    case "deny":
      return {
        stdout: `${JSON.stringify({
          hookSpecificOutput: {
            hookEventName: "PreToolUse",
            permissionDecision: "deny",
            permissionDecisionReason: result.reason,
            ...result.context !== void 0 && { additionalContext: result.context }
          }
        })}
`,
        stderr: ""
      };
    case "notice":
      return {
        stdout: `${JSON.stringify({
          systemMessage: result.systemMessage,
          hookSpecificOutput: { hookEventName: result.event, additionalContext: result.additionalContext }
        })}
`,
        stderr: ""
      };
    case "failOpen": {
      if (result.quiet) return { stdout: "", stderr: failOpenTexts(result.problem).stderr };
      const { notice, stderr } = failOpenTexts(result.problem, result.self);
      return { stdout: `${JSON.stringify({ systemMessage: notice })}
`, stderr };
    }
  }
}
function failOpenTexts(problem, self) {
  const line = printable(oneLine(problem));
  return { notice: hook.failOpenNotice(line, self), stderr: `${hook.failOpenStderr(line)}
` };
}
function denialText(result) {
  return result.context === void 0 ? result.reason : `${result.reason}
${result.context}`;
}
function firstLine(text2) {
  return text2.split("\n", 1)[0];
}
function oneLine(text2) {
  return text2.replace(/\s*\n\s*/g, " ");
}

// src/hook/payload.ts
var MAX_SESSION_ID = 256;
function claudePayload(p, agent = "claude") {
  if (typeof p.session_id !== "string" || p.session_id.trim() === "") {
    return { ok: false, problem: input.noSessionId };
  }
  if (p.session_id.length > MAX_SESSION_ID) return { ok: false, problem: input.sessionIdTooLong(p.session_id.length, MAX_SESSION_ID) };
  if (typeof p.cwd === "string" && p.cwd.includes("\0")) return { ok: false, problem: input.nulInPath("cwd") };
  const toolInput = isObject(p.tool_input) ? p.tool_input : {};
  for (const field of ["file_path", "notebook_path"]) {
    if (typeof toolInput[field] === "string" && toolInput[field].includes("\0")) return { ok: false, problem: input.nulInPath(field) };
  }
  if (Array.isArray(toolInput.paths) && toolInput.paths.some((path) => typeof path === "string" && path.includes("\0"))) return { ok: false, problem: input.nulInPath("patch") };
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
      agentId: nonEmpty(p.agent_id)
    }
  };
}
function task(value) {
  if (!isObject(value) || typeof value.id !== "string" || typeof value.type !== "string") return [];
  return [
    {
      id: value.id,
      type: value.type,
      status: typeof value.status === "string" ? value.status : "running",
      ...typeof value.description === "string" && { description: value.description },
      ...typeof value.command === "string" && { command: value.command }
    }
  ];
}
function nonEmpty(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/agents/patch.ts
var FILE_LINE = /^\*\*\* (?:(?:Add|Update|Delete) File|Move to): (.+?)\s*$/gm;
function patchPaths(patch) {
  const paths = /* @__PURE__ */ new Set();
  for (const match of patch.matchAll(FILE_LINE)) if (match[1] !== "") paths.add(match[1]);
  return [...paths];
}

// src/agents/translate.ts
function translated(agent, idField, shape, label = null) {
  const id = nonEmpty(shape.session_id);
  if (id === null || id.trim() === "") return { ok: false, problem: input.noField(idField) };
  const parsed = claudePayload({ ...shape, session_id: `${agent}:${id}` }, agent);
  return parsed.ok ? { ok: true, payload: { ...parsed.payload, toolLabel: label ?? parsed.payload.toolLabel } } : parsed;
}
function under(dir, path) {
  if (path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || dir === null) return path;
  return `${dir.replace(/[\\/]+$/, "")}/${path}`;
}
function text(object, key) {
  return typeof object === "object" && object !== null ? nonEmpty(object[key]) : null;
}

// src/agents/codex.ts
var codex = {
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
        source: p.source
      }
    );
  },
  render: (result) => render(result.kind === "deny" ? { kind: "deny", reason: denialText(result) } : result)
};

// src/agents/copilot.ts
var READ_ONLY = /* @__PURE__ */ new Set([
  "view",
  "glob",
  "grep",
  "rg",
  "web_fetch",
  "web_search",
  "ask_user",
  "report_intent",
  "update_todo",
  "read_bash",
  "read_powershell",
  "list_bash",
  "list_powershell",
  "skill",
  "Read",
  "Glob",
  "Grep",
  "WebFetch",
  "WebSearch"
]);
var copilot = {
  name: "copilot",
  payload(p, command) {
    const camel = p.session_id === void 0;
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
        source: p.source
      },
      tool
    );
  },
  render(result) {
    switch (result.kind) {
      case "allow":
        return { stdout: "", stderr: "" };
      case "deny":
        return { stdout: `${JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: denialText(result) })}
`, stderr: "" };
      case "notice":
        return { stdout: `${progress(result.systemMessage)}${JSON.stringify({ additionalContext: result.additionalContext })}
`, stderr: "" };
      case "failOpen": {
        const { notice, stderr } = failOpenTexts(result.problem, result.self);
        return { stdout: result.quiet ? "" : progress(notice), stderr };
      }
    }
  }
};
function eventOf(command, p) {
  switch (command) {
    case "pretooluse":
      return "PreToolUse";
    case "posttooluse":
      return p.error !== void 0 ? "PostToolUseFailure" : "PostToolUse";
    case "stop":
      return p.reason !== void 0 ? "SessionEnd" : "Stop";
    case "sessionstart":
      return "SessionStart";
  }
}
function canonical(tool, args) {
  const input2 = argsObject(args);
  const path = text(input2, "path") ?? text(input2, "file_path");
  switch (tool) {
    case "bash":
    case "Bash":
      return { tool_name: "Bash", tool_input: { command: input2.command } };
    case "powershell":
      return { tool_name: "PowerShell", tool_input: { command: input2.command } };
    case "write_bash":
    case "write_powershell":
      return { tool_name: "Bash", tool_input: {} };
    case "apply_patch":
    case "git_apply_patch":
      return { tool_name: "apply_patch", tool_input: { paths: typeof args === "string" ? patchPaths(args) : [] } };
    default:
      if (tool !== null && READ_ONLY.has(tool)) return { tool_name: "Read", tool_input: {} };
      if (typeof args === "string" && /^\*\*\* Begin Patch/m.test(args)) return { tool_name: "apply_patch", tool_input: { paths: patchPaths(args) } };
      return { tool_name: "Write", tool_input: path === null ? {} : { file_path: path } };
  }
}
function argsObject(args) {
  if (isObject(args)) return args;
  if (typeof args !== "string") return {};
  try {
    const parsed = JSON.parse(args);
    return isObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
function progress(message) {
  return `${JSON.stringify({ type: "progress", message })}
`;
}

// src/agents/cursor.ts
var EVENTS = {
  pretooluse: "PreToolUse",
  posttooluse: "PostToolUse",
  posttoolusefailure: "PostToolUseFailure",
  stop: "Stop",
  sessionend: "SessionEnd",
  sessionstart: "SessionStart"
};
var READ_ONLY2 = /* @__PURE__ */ new Set(["Read", "Grep", "Glob", "LS", "WebFetch", "WebSearch", "TabRead", "TodoWrite", "SemanticSearch"]);
var FILE_KEYS = ["file_path", "path", "target_file", "relative_path"];
var cursor = {
  name: "cursor",
  payload(p) {
    const tool = nonEmpty(p.tool_name);
    const raw = isObject(p.tool_input) ? p.tool_input : {};
    const event = nonEmpty(p.hook_event_name);
    const roots = Array.isArray(p.workspace_roots) ? p.workspace_roots : [];
    const cwd = nonEmpty(p.cwd) ?? nonEmpty(roots[0]);
    const shellDir = tool === "Shell" ? text(raw, "working_directory") ?? text(raw, "cwd") : null;
    return translated(
      "cursor",
      "conversation_id",
      {
        session_id: p.conversation_id ?? p.session_id,
        cwd: shellDir === null ? cwd : under(cwd, shellDir),
        hook_event_name: event !== null && EVENTS[event.toLowerCase()] || (event ?? ""),
        ...canonical2(tool, raw),
        tool_use_id: p.tool_use_id,
        reason: p.reason
      },
      tool
    );
  },
  render(result) {
    switch (result.kind) {
      case "allow":
        return { stdout: "", stderr: "" };
      case "deny":
        return { stdout: `${JSON.stringify({ permission: "deny", user_message: firstLine(result.reason), agent_message: denialText(result) })}
`, stderr: "" };
      case "notice":
        return {
          stdout: result.event === "PreToolUse" ? "" : `${JSON.stringify({ additional_context: result.additionalContext })}
`,
          stderr: `${result.systemMessage}
`
        };
      case "failOpen":
        return { stdout: "", stderr: result.quiet ? failOpenTexts(result.problem).stderr : `${failOpenTexts(result.problem, result.self).notice}
` };
    }
  }
};
function canonical2(tool, input2) {
  if (tool === "Shell") return { tool_name: "Bash", tool_input: { command: input2.command } };
  if (tool !== null && READ_ONLY2.has(tool)) return { tool_name: "Read", tool_input: {} };
  const file = FILE_KEYS.map((key) => text(input2, key)).find((path) => path !== null) ?? null;
  return { tool_name: "Write", tool_input: file === null ? {} : { file_path: file } };
}

// src/agents/gemini.ts
var EVENTS2 = {
  BeforeTool: "PreToolUse",
  AfterTool: "PostToolUse",
  AfterAgent: "Stop",
  SessionEnd: "SessionEnd",
  SessionStart: "SessionStart"
};
var READ_ONLY3 = /* @__PURE__ */ new Set([
  "read_file",
  "read_many_files",
  "list_directory",
  "glob",
  "grep_search",
  "search_file_content",
  "google_web_search",
  "web_fetch",
  "list_background_processes",
  "read_background_output",
  "enter_plan_mode",
  "exit_plan_mode",
  "update_topic",
  "write_todos",
  "complete_task"
]);
var gemini = {
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
        hook_event_name: event !== null && EVENTS2[event] || (event ?? ""),
        ...canonical3(tool, raw),
        // Gemini CLI gives its calls no id; the timestamp tells one background command from another.
        tool_use_id: shell ? p.timestamp : null,
        reason: p.reason,
        source: p.source
      },
      tool
    );
  },
  render(result) {
    switch (result.kind) {
      case "allow":
        return { stdout: "", stderr: "" };
      case "deny":
        return { stdout: `${JSON.stringify({ decision: "deny", reason: denialText(result), systemMessage: firstLine(result.reason) })}
`, stderr: "" };
      case "notice":
        return {
          stdout: `${JSON.stringify({ systemMessage: result.systemMessage, hookSpecificOutput: { hookEventName: geminiEvent(result.event), additionalContext: result.additionalContext } })}
`,
          stderr: ""
        };
      case "failOpen": {
        const { notice, stderr } = failOpenTexts(result.problem, result.self);
        return { stdout: `${JSON.stringify(result.quiet ? {} : { systemMessage: notice })}
`, stderr };
      }
    }
  }
};
function canonical3(tool, input2) {
  switch (tool) {
    case "write_file":
      return { tool_name: "Write", tool_input: { file_path: input2.file_path } };
    case "replace":
      return { tool_name: "Edit", tool_input: { file_path: input2.file_path } };
    case "run_shell_command":
      return { tool_name: "Bash", tool_input: { command: input2.command, ...input2.is_background === true && { run_in_background: true }, description: input2.description } };
    default:
      return tool !== null && READ_ONLY3.has(tool) ? { tool_name: "Read", tool_input: {} } : { tool_name: tool, tool_input: input2 };
  }
}
function geminiEvent(event) {
  return Object.keys(EVENTS2).find((name) => EVENTS2[name] === event) ?? event;
}

// src/agents/index.ts
var AGENTS = { codex, gemini, cursor, copilot };
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  AGENTS
});
