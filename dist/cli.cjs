"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/cli.ts
var cli_exports = {};
__export(cli_exports, {
  main: () => main
});
module.exports = __toCommonJS(cli_exports);
var import_node_path11 = require("node:path");

// src/hook/commands.ts
var HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"];
var HOOK_FLAGS = [
  { name: "ttl-ms", value: "ms", key: "ttlMs" },
  { name: "store", value: "url", key: "store" },
  { name: "wait", value: "seconds", key: "wait" },
  { name: "agent", value: "name", key: "agent" }
];
function isHookCommand(name) {
  return HOOK_COMMANDS.includes(name ?? "");
}

// src/agents/agents.ts
function detectAgent(p) {
  if (typeof p.cursor_version === "string" || typeof p.conversation_id === "string" || Array.isArray(p.workspace_roots)) return "cursor";
  if (typeof p.sessionId === "string" && p.session_id === void 0) return "copilot";
  if (typeof p.timestamp === "string" && p.prompt_id === void 0 && p.permission_mode === void 0 && p.tool_use_id === void 0) return "copilot";
  return "claude";
}

// src/agents/names.ts
var AGENT_NAMES = ["claude", "codex", "gemini", "cursor", "copilot"];
function isAgentName(name) {
  return AGENT_NAMES.includes(name);
}

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
function clearCommand(workspace2, self = NAME) {
  return `${self} clear --workspace ${shellQuote(workspace2)}`;
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
  denyReason: (tool, workspace2, holder, waitedMs = 0, self = NAME) => [
    `${PREFIX} ${holder.who} holds this workspace, so this ${tool ?? "tool"} was not run. Wait, or use a git worktree.` + (waitedMs > 0 ? ` (Waited ${duration(waitedMs)}.)` : ""),
    `Do not work around the lock with another tool or command. If that session is gone or stuck, clear it: ${clearCommand(workspace2, self)}`
  ].join("\n"),
  /** The rest, for Claude only (the hook's additionalContext beside the deny): never shown in the terminal. */
  denyContext: (workspace2, holder) => [
    `Workspace: ${workspace2}`,
    `Held by: ${holder.label}${holder.place ? `, ${holder.place}` : ""}${holder.doing ? `, ${holder.doing}` : ""}; ${holder.timing} (it renews while that session works).`,
    ...holder.work.map((line) => `Kept for its background ${line}. The lock is released when that work ends and its session's turn finishes; stopping the work in that session releases it sooner.`),
    "The other session's changes would collide with yours: tell the user, and wait, or suggest a separate git worktree (git worktree add)."
  ].join("\n"),
  /** The session by the name and terminal a person knows it by (else its id), its pid when no terminal is known, and its state. */
  holderWho: (agent, sessionId, pid, name, terminal, state2, reader = null) => `${agentPrefix(agent, reader)}session ${name === null ? shortId(sessionId) : `"${printable(name.length > 40 ? `${name.slice(0, 39)}\u2026` : name)}"`} (${[
    terminal !== null ? printable(terminal) : `pid ${pid}`,
    state2
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
  lostForUser: (workspace2, by, at, reason) => `${PREFIX} this session lost its lock on ${workspace2} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`,
  lostForClaude: (workspace2, by, at, reason) => `While this session was away, it lost its lock on the workspace ${workspace2}: ${lostHow(by, at, reason)}. Another session may have changed, added or deleted files and switched branches since your last turn. Before editing, re-read every file you intend to change and re-check \`git status\`; do not rely on what you read earlier.`,
  sessionStartForUser: (workspace2, holder) => `${PREFIX} ${holder.who} holds this workspace (${workspace2}); ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`,
  sessionStartForClaude: (workspace2, holder) => `Another ${holder.agent} session currently holds the lock on this workspace (${workspace2}): ${holderDetails(holder)}. Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree.`,
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
var output = {
  cannotWrite: (stream, detail) => `cannot write to ${stream} (${detail})`,
  hookAnswerLost: (detail) => `${PREFIX} ${detail}, so Claude Code gets no answer from this hook and the tool call runs unguarded`
};
var workspace = {
  noCwd: "the hook payload has no cwd and CLAUDE_PROJECT_DIR is not set",
  unresolvable: (dir, detail) => `cannot resolve the workspace directory ${dir}: ${detail}`,
  notDirectory: (path2) => `the hook payload's cwd ${path2} is not a directory`
};
var corrupt = {
  empty: "empty file",
  notJson: "not JSON",
  notObject: "not a JSON object",
  noSessionId: "no session_id",
  noPid: "no valid pid",
  noAcquiredAt: "no valid acquired_at",
  badTtl: "invalid ttl_ms",
  badSchema: "invalid schema_version",
  oversized: (bytes) => `larger than ${bytes} bytes`,
  symlink: (target) => `a symbolic link to ${target}, which the guard never follows`,
  future: "acquired_at is in the future by more than its TTL"
};
var files = {
  runtimeNotDirectory: (dir) => `the runtime directory ${dir} (or a parent of it) is not a directory`,
  runtimeForeign: (dir, uid2) => `the runtime directory ${dir} belongs to uid ${uid2}, not to this user, so another user could replace its locks: remove it (or point CLAUDE_CONFIG_DIR elsewhere) and the guard creates its own`,
  runtimeOpen: (dir, mode) => `the runtime directory ${dir} can be written by other users (mode ${mode.toString(8).padStart(3, "0")}), so they could plant files where the guard writes: chmod 700 ${shellQuote(dir)}`,
  foreignUnreadable: (path2, uid2) => `the lock ${path2} belongs to ${uid2 === null ? "another user" : `uid ${uid2}`} and this user cannot read it: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path2)})`,
  foreignLock: (path2, uid2) => `the lock ${path2} belongs to ${uid2 === null ? "another user" : `uid ${uid2}`}, so this user's guard cannot take it over safely: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path2)})`,
  recordTooLarge: (bytes) => `the lock record would be larger than ${bytes} bytes, more than the guard reads back`,
  cannotRead: (path2) => `cannot read the lock ${path2}`,
  notRegularFile: (path2) => `the lock ${path2} is not a regular file; remove it by hand`,
  cannotWrite: (dir) => `cannot write a lock in ${dir}`,
  cannotCreateRuntime: (dir) => `cannot create the runtime directory ${dir}`,
  cannotChange: (path2) => `cannot change the lock ${path2}`,
  cannotCreate: (path2) => `cannot create the lock ${path2}`,
  cannotList: (dir) => `cannot list ${dir}`,
  cannotLeaveNotice: (dir) => `cannot leave a notice in ${dir}`,
  cannotReadNotice: (path2) => `cannot read the notice ${path2}`,
  withCause: (what, detail) => `${what}: ${detail}`
};
var redis = {
  storeAt: (display) => `the Redis lock store at ${display}`,
  badUrl: (source, shown, why) => `${source} must be a Redis URL, redis://[user:password@]host[:port][/db] or rediss://\u2026 for TLS; "${shown}" ${why}`,
  notAUrl: "is not a URL (percent-encode characters such as @ / ? # in the password)",
  badScheme: (scheme) => `has the unsupported scheme "${scheme}"`,
  noHost: "has no host",
  queryOrFragment: "has a query or fragment, which the guard does not read",
  badPath: "has a path that is not a database number (percent-encode / ? # @ in a password: %2F %3F %23 %40)",
  userWithoutPassword: "has a user name but no password",
  badEncoding: "has credentials that are not valid percent-encoding",
  noClient: (detail) => `cannot load the Redis client (dist/redis.cjs): ${detail}`,
  closed: (where) => `${where} was already closed`,
  timedOut: (where, ms, doing2) => `${where} did not answer within ${ms} ms (${doing2})`,
  refusedCredentials: (where, detail) => `${where} refused the user name or password in the store URL (${detail})`,
  needsPassword: (where) => `${where} requires a password: put it in the store URL, redis://:PASSWORD@host:port`,
  wrongType: (where, doing2) => `${where} holds a key that is not a lock record (${doing2}); delete it with redis-cli DEL`,
  notRedis: (where, detail, source) => `${where} does not answer like a Redis server (${detail}); check the host and port in ${source}`,
  failedWhile: (where, doing2, detail) => `${where} failed while ${doing2}: ${detail}`,
  noConnection: (ms) => `no connection within ${ms} ms`,
  unreachable: (where, detail, source) => `cannot reach ${where} (${detail}); check that Redis runs there and that ${source} names it`,
  doing: {
    connecting: "connecting",
    loggingIn: "logging in",
    reading: "reading the lock",
    creating: "creating the lock",
    replacing: "replacing the lock",
    removing: "removing the lock",
    listing: "listing the locks",
    leavingNotice: "leaving a notice",
    takingNotice: "taking a notice",
    notingHeld: "noting a lock the session took",
    listingHeld: "listing the locks the session took",
    forgettingHeld: "forgetting the locks the session took"
  }
};

// src/hook/payload.ts
var MAX_SESSION_ID = 256;
function readPayload(text) {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, problem: input.noPayload };
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: input.notJson };
  }
  if (!isObject(value)) return { ok: false, problem: input.notObject };
  return { ok: true, value };
}
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
  if (Array.isArray(toolInput.paths) && toolInput.paths.some((path2) => typeof path2 === "string" && path2.includes("\0"))) return { ok: false, problem: input.nulInPath("patch") };
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
function oneLine(text) {
  return text.replace(/\s*\n\s*/g, " ");
}

// src/agents/claude.ts
var claude = {
  name: "claude",
  payload: (value) => claudePayload(value),
  render
};

// src/errors.ts
var GuardError = class extends Error {
  constructor(message, code, options) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
  code;
};
var StoreError = class extends GuardError {
};
var WorkspaceError = class extends GuardError {
  constructor(message, options) {
    super(message, "EWORKSPACE", options);
  }
};
var InputError = class extends GuardError {
};
var OutputError = class extends GuardError {
};
var ContentionError = class extends GuardError {
};
function errnoOf(error) {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : void 0;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/host/paths.ts
var import_node_os = require("node:os");
var import_node_path = require("node:path");
function runtimeDir(env3) {
  return (0, import_node_path.join)(claudeConfigDir(env3), "runtime");
}
function claudeConfigDir(env3) {
  const configured = env3.CLAUDE_CONFIG_DIR;
  return configured !== void 0 && configured !== "" ? configured : (0, import_node_path.join)(homeDir(env3), ".claude");
}
function homeDir(env3) {
  return env3.HOME || (0, import_node_os.homedir)();
}

// src/host/sessionRegistry.ts
var import_node_path2 = require("node:path");
function registryEntry(configDir, record, host) {
  if (record.hostname !== host.hostname()) return null;
  const started = typeof record.pid_start === "string" ? /^linux:[^:]+:(\d+)$/.exec(record.pid_start)?.[1] : void 0;
  if (started === void 0) return null;
  let value;
  try {
    value = JSON.parse(host.readFile((0, import_node_path2.join)(configDir, "sessions", `${record.pid}.json`)));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const e = value;
  if (e.pid !== record.pid || e.procStart !== started) return null;
  const text = (v) => typeof v === "string" && v !== "" ? v : void 0;
  const entry2 = {};
  const status = text(e.status);
  if (status !== void 0) entry2.status = status;
  if (typeof e.statusUpdatedAt === "number" && Number.isFinite(e.statusUpdatedAt)) entry2.statusUpdatedAt = e.statusUpdatedAt;
  for (const field of ["waitingFor", "name", "cwd", "tmux", "sessionId"]) {
    const v = text(e[field]);
    if (v !== void 0) entry2[field] = v;
  }
  return entry2;
}
function isIdleSince(entry2, since) {
  return entry2?.status === "idle" && entry2.statusUpdatedAt !== void 0 && entry2.statusUpdatedAt > since;
}
function terminalOf(pid, host) {
  if (host.platform !== "linux") return null;
  let stat;
  try {
    stat = host.readFile(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  const ttyNr = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[4]);
  if (!Number.isInteger(ttyNr) || ttyNr <= 0) return null;
  const major = ttyNr >> 8 & 4095;
  const minor = ttyNr & 255 | ttyNr >> 12 & 1048320;
  if (major >= 136 && major <= 143) return `/dev/pts/${(major - 136) * 256 + minor}`;
  if (major === 4 && minor < 64) return `/dev/tty${minor}`;
  return null;
}
function parentSessionOf(pid, host) {
  if (host.platform !== "linux") return null;
  let cmdline;
  try {
    cmdline = host.readFile(`/proc/${pid}/cmdline`);
  } catch {
    return null;
  }
  const args = cmdline.split("\0");
  const at = args.indexOf("--parent-session-id");
  const parent = at >= 0 ? args[at + 1] : void 0;
  return parent !== void 0 && parent !== "" ? parent : null;
}

// src/lock/record.ts
var SCHEMA_VERSION = 1;
var DEFAULT_TTL_MS = 3e5;
var MAX_WORK_ITEMS = 16;
var MAX_WORK_TEXT = 200;
function liveWork(record, now) {
  if (!Array.isArray(record.work)) return [];
  return record.work.filter(
    (w) => typeof w === "object" && w !== null && typeof w.type === "string" && typeof w.id === "string" && typeof w.until === "number" && typeof w.since === "number" && w.until > now
  );
}
function boundedWork(item) {
  const text = (value) => value === void 0 ? void 0 : value.length > MAX_WORK_TEXT ? `${value.slice(0, MAX_WORK_TEXT - 1)}\u2026` : value;
  const description = text(item.description);
  const command = text(item.command);
  return { type: text(item.type), id: text(item.id), ...description !== void 0 && { description }, ...command !== void 0 && { command }, since: item.since, until: item.until };
}
var ABSENT = { kind: "absent" };
function parseRecord(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: text.trim() === "" ? corrupt.empty : corrupt.notJson };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "corrupt", reason: corrupt.notObject };
  }
  const r = value;
  if (typeof r.session_id !== "string" || r.session_id === "") {
    return { kind: "corrupt", reason: corrupt.noSessionId };
  }
  if (!isPositiveInteger(r.pid)) return { kind: "corrupt", reason: corrupt.noPid };
  if (typeof r.acquired_at !== "number" || !Number.isFinite(r.acquired_at)) {
    return { kind: "corrupt", reason: corrupt.noAcquiredAt };
  }
  if (r.ttl_ms !== void 0 && !isPositiveInteger(r.ttl_ms)) {
    return { kind: "corrupt", reason: corrupt.badTtl };
  }
  if (r.schema_version !== void 0 && r.schema_version !== SCHEMA_VERSION) {
    if (!isPositiveInteger(r.schema_version)) return { kind: "corrupt", reason: corrupt.badSchema };
  }
  return {
    kind: "record",
    record: {
      ...r,
      schema_version: r.schema_version ?? SCHEMA_VERSION,
      session_id: r.session_id,
      pid: r.pid,
      acquired_at: r.acquired_at,
      ttl_ms: r.ttl_ms ?? DEFAULT_TTL_MS
    }
  };
}
function serializeRecord(record) {
  return `${JSON.stringify(record)}
`;
}
function isPositiveInteger(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

// src/host/sessionProcess.ts
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "tcsh", "csh", "busybox"]);
function sessionPid(env3, host) {
  const fromEnv = Number(env3.CLAUDE_PID);
  if (env3.CLAUDE_PID !== void 0 && /^\d+$/.test(env3.CLAUDE_PID) && isPositiveInteger(fromEnv)) return fromEnv;
  let pid = host.ppid;
  for (let hops = 0; hops < 4; hops++) {
    const info = parentAndName(pid, host);
    if (info === null || !SHELLS.has(info.name) || info.ppid <= 1) return pid;
    pid = info.ppid;
  }
  return pid;
}
function parentAndName(pid, host) {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    return stat && { name: stat.name, ppid: Number(stat.fields[1]) };
  }
  const line = host.ps(pid, "ppid,comm");
  const match = line && /^\s*(\d+)\s+(.+)$/.exec(line);
  if (!match) return null;
  return { ppid: Number(match[1]), name: (match[2] ?? "").split("/").pop().replace(/^-/, "") };
}
function startIdentity(pid, host) {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    const bootId = readQuietly("/proc/sys/kernel/random/boot_id", host);
    const started = stat?.fields[19];
    return stat && bootId && started ? `linux:${bootId.trim()}:${started}` : null;
  }
  if (host.platform === "darwin") {
    const started = host.ps(pid, "lstart");
    return started ? `darwin:${started}` : null;
  }
  return null;
}
function livenessProbe(host) {
  const here = host.hostname();
  return (record) => {
    if (record.hostname !== here) return "unknown";
    if (!sameBoot(record, host)) return "unknown";
    if (!host.exists(record.pid) || isZombie(record.pid, host)) return "dead";
    if (typeof record.pid_start !== "string") return "unknown";
    const now = startIdentity(record.pid, host);
    if (now === null) return "unknown";
    return now === record.pid_start ? "alive" : "dead";
  };
}
function isZombie(pid, host) {
  if (host.platform !== "linux") return false;
  const state2 = procStat(pid, host)?.fields[0];
  return state2 === "Z" || state2 === "X";
}
function sameBoot(record, host) {
  const recorded = typeof record.pid_start === "string" ? /^linux:([^:]+):/.exec(record.pid_start)?.[1] : void 0;
  if (recorded === void 0) return true;
  return readQuietly("/proc/sys/kernel/random/boot_id", host)?.trim() === recorded;
}
function procStat(pid, host) {
  const text = readQuietly(`/proc/${pid}/stat`, host);
  if (text === null) return null;
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  return { name: text.slice(open + 1, close), fields: text.slice(close + 2).split(" ") };
}
function readQuietly(path2, host) {
  try {
    return host.readFile(path2);
  } catch {
    return null;
  }
}

// src/host/workspace.ts
var nodeFs = __toESM(require("node:fs"), 1);
var import_node_path3 = require("node:path");

// src/lock/md5.ts
var S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
var K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
function md5Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const length = (bytes.length + 8 >>> 6) + 1 << 6;
  const message = new Uint8Array(length);
  message.set(bytes);
  message[bytes.length] = 128;
  const view = new DataView(message.buffer);
  view.setUint32(length - 8, bytes.length * 8 >>> 0, true);
  view.setUint32(length - 4, Math.floor(bytes.length / 536870912), true);
  let a0 = 1732584193;
  let b0 = 4023233417;
  let c0 = 2562383102;
  let d0 = 271733878;
  for (let offset = 0; offset < length; offset += 64) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f;
      let g;
      if (i < 16) {
        f = b & c | ~b & d;
        g = i;
      } else if (i < 32) {
        f = d & b | ~d & c;
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = 7 * i % 16;
      }
      const sum = a + f + K[i] + view.getUint32(offset + g * 4, true) | 0;
      a = d;
      d = c;
      c = b;
      b = b + (sum << S[i] | sum >>> 32 - S[i]) | 0;
    }
    a0 = a0 + a | 0;
    b0 = b0 + b | 0;
    c0 = c0 + c | 0;
    d0 = d0 + d | 0;
  }
  const out = new DataView(new ArrayBuffer(16));
  [a0, b0, c0, d0].forEach((word, i) => out.setUint32(i * 4, word >>> 0, true));
  return Array.from(new Uint8Array(out.buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// src/host/workspace.ts
function resolveWorkspace(env3, cwd, fs = nodeFs) {
  const explicit = nonEmpty2(env3.CLAUDE_SESSION_GUARD_WORKSPACE);
  if (explicit !== void 0) return named(env3, realpathOrResolved(explicit, fs));
  const start = startDirectory(env3, cwd, fs);
  return named(env3, gitRoot(start, fs) ?? start);
}
function workspaceOfTarget(env3, target, cwd, fs = nodeFs) {
  const explicit = nonEmpty2(env3.CLAUDE_SESSION_GUARD_WORKSPACE);
  if (explicit !== void 0) return named(env3, realpathOrResolved(explicit, fs));
  const base = cwd ?? nonEmpty2(env3.CLAUDE_PROJECT_DIR);
  if (!(0, import_node_path3.isAbsolute)(target) && base === void 0) throw new WorkspaceError(workspace.noCwd);
  const root = gitRoot(existingDirectory((0, import_node_path3.isAbsolute)(target) ? target : (0, import_node_path3.resolve)(base, target), fs), fs);
  return root === null ? resolveWorkspace(env3, cwd, fs) : named(env3, root);
}
function workspaceKey(identity) {
  return md5Hex(identity).slice(0, 12);
}
function named(env3, path2) {
  return { path: path2, key: workspaceKey(nonEmpty2(env3.CLAUDE_SESSION_GUARD_WORKSPACE_ID) ?? path2) };
}
function startDirectory(env3, cwd, fs) {
  const start = cwd ?? nonEmpty2(env3.CLAUDE_PROJECT_DIR) ?? null;
  if (start === null) throw new WorkspaceError(workspace.noCwd);
  try {
    return fs.realpathSync(start);
  } catch (error) {
    throw new WorkspaceError(workspace.unresolvable(start, messageOf(error)), { cause: error });
  }
}
function existingDirectory(path2, fs) {
  for (let at = path2; ; at = (0, import_node_path3.dirname)(at)) {
    let real;
    try {
      real = fs.realpathSync(at);
    } catch (error) {
      const code = errnoOf(error);
      if ((code === "ENOENT" || code === "ENOTDIR") && (0, import_node_path3.dirname)(at) !== at) continue;
      throw new WorkspaceError(workspace.unresolvable(at, messageOf(error)), { cause: error });
    }
    return at === path2 && !isDirectory(real, fs) ? (0, import_node_path3.dirname)(real) : real;
  }
}
function isDirectory(path2, fs) {
  return fs.lstatSync(path2, { throwIfNoEntry: false })?.isDirectory() === true;
}
function gitRoot(start, fs) {
  try {
    if (exists((0, import_node_path3.join)(start, ".git"), fs)) return start;
  } catch (error) {
    if (errnoOf(error) === "ENOTDIR") throw new WorkspaceError(workspace.notDirectory(start));
    throw error;
  }
  for (let dir = (0, import_node_path3.dirname)(start); ; dir = (0, import_node_path3.dirname)(dir)) {
    if (exists((0, import_node_path3.join)(dir, ".git"), fs)) return dir;
    if ((0, import_node_path3.dirname)(dir) === dir) return null;
  }
}
function exists(path2, fs) {
  return fs.lstatSync(path2, { throwIfNoEntry: false }) !== void 0;
}
function realpathOrResolved(path2, fs) {
  try {
    return fs.realpathSync(path2);
  } catch {
    return (0, import_node_path3.resolve)(path2);
  }
}
function nonEmpty2(value) {
  return value === void 0 || value === "" ? void 0 : value;
}

// src/lock/decide.ts
var MAX_RECORD_TTL_MS = 6048e5 + 72e5;
function judge(observed, now, probe) {
  if (observed.kind === "corrupt") return { state: "corrupt", reason: observed.reason };
  const record = observed.record;
  const ttl = Math.min(record.ttl_ms, MAX_RECORD_TTL_MS);
  if (record.acquired_at - now > ttl) {
    return { state: "corrupt", reason: corrupt.future };
  }
  if (now - record.acquired_at > ttl) return { state: "stale", record };
  if (probe(record) === "dead") return { state: "dead", record };
  return { state: "held", record, expiresAt: record.acquired_at + ttl };
}
function decideAcquire(observed, caller, probe, checks = {}) {
  if (observed.kind === "absent") return take("free", null, caller);
  if (observed.kind === "record" && observed.record.session_id === caller.sessionId) {
    return take("own", observed.record, caller);
  }
  const judged = judge(observed, caller.now, probe);
  switch (judged.state) {
    case "held":
      if (checks.sameProcess?.(judged.record)) return take("process", judged.record, caller);
      if (checks.sameTeam?.(judged.record)) return take("team", judged.record, caller);
      if (liveWork(judged.record, caller.now).length === 0 && checks.idle?.(judged.record)) return take("idle", judged.record, caller);
      return { kind: "deny", holder: judged.record, expiresAt: judged.expiresAt };
    case "corrupt":
      return take("corrupt", null, caller);
    default:
      return take(judged.state, judged.record, caller);
  }
}
function decideRefresh(observed, caller) {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record" || observed.record.session_id !== caller.sessionId) {
    return { kind: "skip", why: "not-ours" };
  }
  return { kind: "write", record: stamp(observed.record, caller) };
}
function decideStop(observed, caller, keep, checks = {}) {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record") return { kind: "skip", why: "not-ours" };
  const record = observed.record;
  if (record.session_id !== caller.sessionId && !checks.sameProcess?.(record)) return { kind: "skip", why: "not-ours" };
  const kept = keep(record);
  if (kept === null) return { kind: "skip", why: "kept" };
  if (kept.length === 0) return { kind: "remove", record };
  const work = kept.slice(0, MAX_WORK_ITEMS).map(boundedWork);
  const until = Math.max(...work.map((w) => w.until));
  return {
    kind: "write",
    record: { ...record, acquired_at: caller.now, ttl_ms: Math.max(1, until - caller.now), work, generation: nextGeneration(record) }
  };
}
function take(why, previous, caller) {
  const carries = why === "own" || why === "process" || why === "team";
  return { kind: "take", why, previous, record: stamp(carries ? previous : null, caller, previous) };
}
function stamp(own, caller, previous = own) {
  const work = workAfter(own, caller);
  const until = Math.max(caller.now + caller.ttlMs + caller.leaseMs, ...work.map((w) => w.until));
  return {
    schema_version: 1,
    session_id: caller.sessionId,
    pid: caller.pid,
    acquired_at: caller.now,
    ttl_ms: until - caller.now,
    ...caller.stamp,
    generation: nextGeneration(previous),
    created_at: typeof own?.created_at === "number" ? own.created_at : caller.now,
    ...work.length > 0 && { work }
  };
}
function workAfter(own, caller) {
  let work = own === null ? [] : liveWork(own, caller.now);
  if (caller.names !== void 0) {
    const { callId: callId2, taskId } = caller.names;
    work = work.map((w) => w.id === callId2 ? { ...w, id: taskId } : w);
  }
  if (caller.starts !== void 0) work = [...work.filter((w) => w.id !== caller.starts.id), caller.starts];
  return work.slice(-MAX_WORK_ITEMS).map(boundedWork);
}
function nextGeneration(previous) {
  const g = previous?.generation;
  return typeof g === "number" && Number.isSafeInteger(g) && g >= 0 ? g + 1 : 1;
}

// src/lock/apply.ts
var CONTENTION_BUDGET_MS = 1500;
var WAIT_POLL_MS = 250;
function acquire(store, key, caller, probe, clock2, checks = {}, waitUntil = 0) {
  return settle(store, key, clock2, (snapshot) => {
    const decision = decideAcquire(snapshot.observed, caller(), probe, checks);
    if (decision.kind === "deny") {
      const left = waitUntil - clock2.now();
      return left > 0 ? { result: decision, lookAgainIn: Math.min(WAIT_POLL_MS, left) } : { result: decision };
    }
    const swap = () => snapshot.version === null ? store.create(key, decision.record) : store.replace(key, snapshot.version, decision.record);
    return { swap, result: decision };
  });
}
function refresh(store, key, caller, clock2) {
  return settle(store, key, clock2, (snapshot) => {
    const decision = decideRefresh(snapshot.observed, caller());
    const version = snapshot.version;
    if (decision.kind === "skip" || version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: () => store.replace(key, version, decision.record), result: { refreshed: decision.record } };
  });
}
function finish(store, key, caller, keep, clock2, checks = {}) {
  return settle(store, key, clock2, (snapshot) => {
    const decision = decideStop(snapshot.observed, { ...caller, now: clock2.now() }, keep, checks);
    const version = snapshot.version;
    if (decision.kind === "skip" || version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    if (decision.kind === "remove") return { swap: () => store.remove(key, version), result: { released: decision.record } };
    return { swap: () => store.replace(key, version, decision.record), result: { kept: decision.record } };
  });
}
async function settle(store, key, clock2, step) {
  let deadline = clock2.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 0; ; attempt++) {
    const last = clock2.now() > deadline;
    const { swap, result, lookAgainIn } = step(await store.read(key));
    if (lookAgainIn !== void 0) {
      await clock2.sleep(lookAgainIn);
      deadline = clock2.now() + CONTENTION_BUDGET_MS;
      attempt = -1;
      continue;
    }
    const outcome = swap === void 0 ? "ok" : await swap();
    if (outcome === "ok") return result;
    if (last) throw new ContentionError(input.contention(CONTENTION_BUDGET_MS), "ECONTENTION");
    if (outcome === "busy") await clock2.sleep(1 + Math.random() * Math.min(2 ** attempt, 20));
  }
}

// src/hook/policy.ts
var BASH_DEFAULT_TIMEOUT_MS = 12e4;
var BASH_MAX_TIMEOUT_MS = 6e5;
var BACKGROUND_DEFAULT_TIMEOUT_MS = 6e5;
var BACKGROUND_MAX_TIMEOUT_MS = 72e5;
var MONITOR_DEFAULT_TIMEOUT_MS = 3e5;
var MONITOR_MAX_TIMEOUT_MS = 6e5;
var MIN_TTL_MS = 1e3;
var MAX_TTL_MS = 6048e5;
var NOTHING = { guarded: false, targets: [], leaseMs: 0, starts: null };
var NEVER_GUARDED = /* @__PURE__ */ new Set([
  "Read",
  "Glob",
  "Grep",
  "LS",
  "WebFetch",
  "WebSearch",
  "ToolSearch",
  "TodoWrite",
  "TaskStop",
  "ListAgents",
  "EnterWorktree",
  "ExitPlanMode",
  "Skill",
  "ScheduleWakeup",
  "CronList",
  "AskUserQuestion"
]);
function planCall(payload, env3, readOnly) {
  const tool = payload.toolName ?? "";
  const input2 = payload.toolInput;
  const text = (key) => typeof input2[key] === "string" && input2[key] !== "" ? input2[key] : null;
  if (NEVER_GUARDED.has(tool)) return NOTHING;
  switch (tool) {
    case "Write":
    case "Edit":
    case "MultiEdit":
      return { guarded: true, targets: named2(text("file_path")), leaseMs: 0, starts: null };
    case "NotebookEdit":
      return { guarded: true, targets: named2(text("notebook_path")), leaseMs: 0, starts: null };
    case "apply_patch":
      return { guarded: true, targets: Array.isArray(input2.paths) ? input2.paths.filter((p) => typeof p === "string" && p !== "") : [], leaseMs: 0, starts: null };
    case "Bash":
      return shellPlan(text("command"), input2, env3, readOnly, callId(payload));
    case "PowerShell":
      return shellPlan(text("command"), input2, env3, powerShellReadOnly, callId(payload));
    case "Monitor": {
      const command = text("command");
      if (command === null || !isStrictBash(env3) && readOnly(command)) return NOTHING;
      const runsMs = clamp(input2.timeout_ms, MONITOR_DEFAULT_TIMEOUT_MS, MONITOR_MAX_TIMEOUT_MS);
      return { guarded: true, targets: [], leaseMs: 0, starts: { type: "monitor", id: callId(payload), command, ...describe(text("description")), runsMs } };
    }
    case "ExitWorktree":
      return input2.action === "remove" ? { guarded: true, targets: [], leaseMs: 0, starts: null } : NOTHING;
    default:
      return { guarded: true, targets: [], leaseMs: 0, starts: null };
  }
}
function shellPlan(command, input2, env3, readOnly, id) {
  if (command !== null && !isStrictBash(env3) && readOnly(command)) {
    return NOTHING;
  }
  if (input2.run_in_background === true) {
    const runsMs = clamp(input2.timeout, BACKGROUND_DEFAULT_TIMEOUT_MS, BACKGROUND_MAX_TIMEOUT_MS);
    const description = typeof input2.description === "string" ? input2.description : null;
    return { guarded: true, targets: [], leaseMs: 0, starts: { type: "shell", id, ...command !== null && { command }, ...describe(description), runsMs } };
  }
  return { guarded: true, targets: [], leaseMs: clamp(input2.timeout, BASH_DEFAULT_TIMEOUT_MS, BASH_MAX_TIMEOUT_MS), starts: null };
}
var POWERSHELL_READ_ONLY = /* @__PURE__ */ new Set(["get-childitem", "gci", "ls", "dir", "get-content", "gc", "cat", "type", "get-location", "gl", "pwd", "test-path", "select-string", "sls", "get-item", "gi", "resolve-path", "rvpa", "get-date", "get-command", "gcm"]);
function powerShellReadOnly(command) {
  if (/[|;&<>`$(){}\n\r@]/.test(command)) return false;
  const cmdlet = command.trim().split(/\s+/)[0];
  return cmdlet !== void 0 && POWERSHELL_READ_ONLY.has(cmdlet.toLowerCase());
}
function named2(path2) {
  return path2 === null ? [] : [path2];
}
function clamp(declared, fallback, max) {
  const value = typeof declared === "number" && Number.isFinite(declared) && declared > 0 ? declared : fallback;
  return Math.round(Math.min(value, max));
}
function describe(description) {
  return description === null ? {} : { description };
}
function callId(payload) {
  return payload.toolUseId ?? "";
}
function resolveTtl(flag, env3) {
  if (flag !== void 0) return parseTtl(flag, "--ttl-ms");
  const fromEnv = env3.CLAUDE_SESSION_GUARD_TTL_MS;
  if (fromEnv !== void 0 && fromEnv !== "") return parseTtl(fromEnv, "CLAUDE_SESSION_GUARD_TTL_MS");
  return DEFAULT_TTL_MS;
}
function parseTtl(raw, source) {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < MIN_TTL_MS || value > MAX_TTL_MS) throw new InputError(input.invalidTtl(source, raw), "ETTL");
  return value;
}
var MAX_WAIT_S = 300;
function resolveWaitMs(flag) {
  if (flag === void 0) return 0;
  const value = Number(flag);
  if (!/^\d+$/.test(flag.trim()) || value > MAX_WAIT_S) throw new InputError(input.invalidWait(flag), "EWAIT");
  return value * 1e3;
}
function switchOf(raw) {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false" || value === "no" || value === "off") return false;
  if (value === "1" || value === "true" || value === "yes" || value === "on") return true;
  return null;
}
function isDisabled(env3) {
  return switchOf(env3.CLAUDE_SESSION_GUARD_DISABLE) === true;
}
function isStrictBash(env3) {
  return switchOf(env3.CLAUDE_SESSION_GUARD_STRICT_BASH) === true;
}

// src/hook/background.ts
var LEASES = {
  shell: "deadline",
  monitor: "deadline",
  "cloud session": "none",
  "memory save": "none",
  "auto-mode scan": "none"
};
function leaseOf(type) {
  return LEASES[type] ?? "ttl";
}
function keepAtEnd(ending, record, at) {
  const running = liveWork(record, at.now);
  switch (ending.event) {
    case "SubagentStop":
      return null;
    case "SessionEnd":
      return ending.reason === "clear" && running.length > 0 ? null : [];
    default:
      return ending.tasks === null ? running.length > 0 ? null : [] : keptBy(ending.tasks, running, at);
  }
}
function keptBy(tasks, running, at) {
  const kept = [];
  for (const task2 of tasks) {
    if (task2.status !== "running" && task2.status !== "pending") continue;
    const lease = leaseOf(task2.type);
    if (lease === "none") continue;
    const seen = running.find((w) => w.id === task2.id || task2.command !== void 0 && w.command !== void 0 && boundedWork({ ...w, command: task2.command }).command === w.command);
    const description = task2.description ?? seen?.description;
    const named3 = { type: task2.type, id: task2.id, ...description !== void 0 && { description }, ...task2.command !== void 0 && { command: task2.command } };
    if (lease === "deadline") {
      if (seen !== void 0) kept.push({ ...named3, since: seen.since, until: seen.until });
      else if (at.here) {
        const runs = task2.type === "monitor" ? MONITOR_DEFAULT_TIMEOUT_MS : BACKGROUND_DEFAULT_TIMEOUT_MS;
        kept.push({ ...named3, since: at.now, until: at.now + runs + at.ttlMs });
      }
    } else {
      kept.push({ ...named3, since: seen?.since ?? at.now, until: at.now + at.ttlMs });
    }
  }
  return kept;
}

// src/hook/holder.ts
function holderText(record, expiresAt, now, entry2, tty, reader = null) {
  const work = liveWork(record, now);
  const agent = typeof record.agent === "string" ? record.agent : null;
  const terminal = entry2?.tmux !== void 0 ? `tmux ${entry2.tmux}` : tty;
  return {
    agent: hook.agentName(agent),
    who: hook.holderWho(agent, record.session_id, record.pid, entry2?.name ?? null, terminal, state(entry2, work.length > 0), reader),
    label: hook.holderLabel(record.session_id, record.pid, typeof record.agent === "string" ? record.agent : null),
    place: hook.holderPlace(entry2?.name ?? null, entry2?.tmux ?? null, tty, entry2?.cwd ?? null),
    doing: doing(entry2, work.length > 0),
    timing: hook.timing(now - record.acquired_at, expiresAt - now),
    work: work.map((w) => hook.workLine(w.type, w.description ?? null, w.command ?? null, now - w.since, w.until - now))
  };
}
function doing(entry2, hasWork) {
  switch (entry2?.status) {
    case "busy":
      return hook.doing.working;
    case "waiting":
      return entry2.waitingFor === "permission prompt" || entry2.waitingFor === void 0 ? hook.doing.waitingPermission : hook.doing.waiting(entry2.waitingFor);
    case "shell":
      return hook.doing.idleWithShell;
    case "idle":
      return hasWork ? hook.doing.idleWithWork : hook.doing.idle;
    default:
      return hasWork ? hook.doing.keptForWork : hook.doing.unknown;
  }
}
function state(entry2, hasWork) {
  switch (entry2?.status) {
    case "busy":
      return hook.state.working;
    case "waiting":
      return entry2.waitingFor === "permission prompt" || entry2.waitingFor === void 0 ? hook.state.waitingPermission : hook.state.waiting;
    default:
      return hasWork ? hook.state.background : hook.state.unknown;
  }
}

// src/hook/runHook.ts
async function runHook(command, args, deps) {
  const { env: env3 } = deps;
  let agent = claude;
  let payload = null;
  let workspace2 = null;
  try {
    const text = await deps.readInput();
    const named3 = args.ok ? args.flags.agent : void 0;
    if (named3 !== void 0) agent = await adapter(named3, deps);
    const read = readPayload(text);
    if (read.ok && named3 === void 0) agent = await adapter(detectAgent(read.value), deps);
    const parsed = read.ok ? agent.payload(read.value, command) : read;
    if (isDisabled(env3)) return { agent, result: disabled(deps, command, parsed.ok ? parsed.payload : null) };
    if (!parsed.ok) throw new InputError(parsed.problem, "EPAYLOAD");
    payload = parsed.payload;
    if (!args.ok) throw new InputError(args.problem, "EFLAG");
    const call = new Call(deps, payload, resolveTtl(args.flags.ttlMs, env3), resolveWaitMs(args.flags.wait));
    const store = await deps.openStore();
    try {
      return { agent, result: await HANDLERS[command](call, store, (ws) => workspace2 = ws) };
    } finally {
      await store.close();
    }
  } catch (error) {
    if (isDisabled(env3)) return { agent, result: { kind: "allow" } };
    const problem = error instanceof GuardError ? error.message : hook.internalError(messageOf(error));
    const code = error instanceof GuardError ? error.code : "EINTERNAL";
    deps.log(entry(deps, command, "fail-open", payload, workspace2, { error: problem, code }));
    const shown = deps.firstShowing?.(payload?.sessionId ?? `pid:${deps.host.ppid}`, problem) ?? true;
    if (!shown) return { agent, result: { kind: "failOpen", problem, quiet: true } };
    const self = deps.selfInvocation?.();
    return { agent, result: { kind: "failOpen", problem, ...self !== void 0 && { self } } };
  }
}
async function adapter(name, deps) {
  if (!isAgentName(name)) throw new InputError(input.unknownAgent(name, AGENT_NAMES.join(", ")), "EAGENT");
  if (name === "claude") return claude;
  try {
    return await deps.loadAgent(name);
  } catch (error) {
    throw new InputError(input.noAgentsBundle(messageOf(error)), "EAGENT", { cause: error });
  }
}
function disabled(deps, command, payload) {
  deps.log(entry(deps, command, "disabled", payload, null, { ...payload?.cwd && { cwd: payload.cwd } }));
  return { kind: "allow" };
}
var Call = class {
  constructor(deps, payload, ttlMs, waitMs = 0) {
    this.deps = deps;
    this.payload = payload;
    this.ttlMs = ttlMs;
    this.waitMs = waitMs;
  }
  deps;
  payload;
  ttlMs;
  waitMs;
  identity;
  get now() {
    return this.deps.clock.now();
  }
  /** The session's process and its start identity: /proc reads that a denial never needs. */
  self() {
    if (this.identity === void 0) {
      const pid = sessionPid(this.payload.agent === "claude" ? this.deps.env : {}, this.deps.host);
      this.identity = { pid, pidStart: startIdentity(pid, this.deps.host) };
    }
    return this.identity;
  }
  /** The workspace the session is in (the payload's cwd). */
  here() {
    return resolveWorkspace(this.deps.env, this.payload.cwd, this.deps.workspaceFs);
  }
  /** The workspaces this call acts in: those of the files it changes, or of the directory it runs in. */
  actsIn(targets) {
    if (targets.length === 0) return [this.here()];
    const found = /* @__PURE__ */ new Map();
    for (const target of targets) {
      const workspace2 = workspaceOfTarget(this.deps.env, target, this.payload.cwd, this.deps.workspaceFs);
      found.set(workspace2.key, workspace2);
    }
    return [...found.values()];
  }
  caller(workspace2, extra) {
    return () => {
      const { pid, pidStart } = this.self();
      return {
        sessionId: this.payload.sessionId,
        pid,
        now: this.now,
        ttlMs: this.ttlMs,
        stamp: {
          workspace: workspace2.path,
          hostname: this.deps.host.hostname(),
          ...pidStart !== null && { pid_start: pidStart },
          ...this.payload.agent !== "claude" && { agent: this.payload.agent }
        },
        ...extra
      };
    };
  }
  /** Asked only when a held lock would otherwise deny this call. */
  checks() {
    const { host } = this.deps;
    const sameHost = (holder) => holder.hostname === host.hostname();
    return {
      // The process moved on from the holder's session to this one (/clear): Claude Code's
      // registry, checked against the process's start identity, names this session now.
      sameProcess: (holder) => {
        const { pid, pidStart } = this.self();
        if (!sameHost(holder) || pidStart === null || holder.pid !== pid || holder.pid_start !== pidStart) return false;
        return registryEntry(claudeConfigDir(this.deps.env), holder, host)?.sessionId === this.payload.sessionId;
      },
      sameTeam: (holder) => {
        if (!sameHost(holder)) return false;
        const myLead = parentSessionOf(this.self().pid, host);
        const theirLead = parentSessionOf(holder.pid, host);
        return myLead !== null && (holder.session_id === myLead || theirLead === myLead) || theirLead === this.payload.sessionId;
      },
      idle: (holder) => isIdleSince(registryEntry(claudeConfigDir(this.deps.env), holder, host), holder.acquired_at)
    };
  }
  /** The holder as a person knows it, from the record and what Claude Code's registry says. */
  describe(holder, expiresAt) {
    const entry2 = registryEntry(claudeConfigDir(this.deps.env), holder, this.deps.host);
    const tty = holder.hostname === this.deps.host.hostname() ? terminalOf(holder.pid, this.deps.host) : null;
    return holderText(holder, expiresAt, this.now, entry2, tty, this.payload.agent);
  }
};
var HANDLERS = {
  async pretooluse(call, store, acted) {
    const { deps, payload } = call;
    const plan = planCall(payload, deps.env, deps.readOnlyCommand);
    if (!plan.guarded) return { kind: "allow" };
    const workspaces = call.actsIn(plan.targets);
    const started = call.now;
    for (const workspace2 of workspaces) {
      acted(workspace2);
      const denial = await take2(call, store, workspace2, plan, started);
      if (denial !== null) return denial;
    }
    return firstNotice(deps, payload, workspaces, store, "PreToolUse");
  },
  /** PostToolUse and PostToolUseFailure: the call acted in a workspace, so its lock there lives on. */
  async posttooluse(call, store, acted) {
    const { deps, payload } = call;
    const workspaces = call.actsIn(planCall(payload, deps.env, () => false).targets);
    const names = payload.backgroundTaskId !== null && payload.toolUseId !== null ? { callId: payload.toolUseId, taskId: payload.backgroundTaskId } : void 0;
    for (const workspace2 of workspaces) {
      acted(workspace2);
      await refresh(store, workspace2.key, call.caller(workspace2, { leaseMs: 0, ...names !== void 0 && { names } }), deps.clock);
    }
    return firstNotice(deps, payload, workspaces, store, payload.event === "PostToolUseFailure" ? "PostToolUseFailure" : "PostToolUse");
  },
  async sessionstart(call, store, acted) {
    const { deps, payload } = call;
    if (payload.source === "clear") await adopt(call, store);
    const workspace2 = call.here();
    acted(workspace2);
    const { observed } = await store.read(workspace2.key);
    if (observed.kind !== "record" || observed.record.session_id === payload.sessionId) return { kind: "allow" };
    const judged = judge(observed, call.now, livenessProbe(deps.host));
    if (judged.state !== "held" || call.checks().sameProcess?.(judged.record)) return { kind: "allow" };
    const holder = call.describe(judged.record, judged.expiresAt);
    return {
      kind: "notice",
      event: "SessionStart",
      systemMessage: hook.sessionStartForUser(workspace2.path, holder),
      additionalContext: hook.sessionStartForClaude(workspace2.path, holder)
    };
  },
  /** Stop, SessionEnd, StopFailure (and SubagentStop, which never releases): every lock the session holds. */
  async stop(call, store, acted) {
    const { deps, payload } = call;
    let here = null;
    try {
      here = call.here();
      acted(here);
    } catch (error) {
      if (!(error instanceof WorkspaceError)) throw error;
    }
    const keys = new Set(await store.heldBy(payload.sessionId));
    if (here !== null) keys.add(here.key);
    const ending = { event: payload.event, tasks: payload.backgroundTasks, reason: payload.reason };
    const checks = { sameProcess: call.checks().sameProcess };
    let keeps = false;
    for (const key of keys) {
      const keep = (record) => keepAtEnd(ending, record, { now: call.now, ttlMs: call.ttlMs, here: key === here?.key });
      const outcome = await finish(store, key, { sessionId: payload.sessionId, now: call.now }, keep, deps.clock, checks);
      if ("released" in outcome) {
        deps.log(entry(deps, "stop", "release", payload, workspaceOf(outcome.released, here), { holder: holderOf(outcome.released) }));
      } else if ("kept" in outcome) {
        keeps = true;
        deps.log(entry(deps, "stop", "keep", payload, workspaceOf(outcome.kept, here), { work: outcome.kept.work }));
      } else if (outcome.skipped === "kept") {
        keeps = true;
      }
    }
    if (!keeps || payload.event === "SessionEnd") await store.forgetHeld(payload.sessionId);
    return { kind: "allow" };
  }
};
async function take2(call, store, workspace2, plan, started) {
  const { deps, payload } = call;
  const outcome = await acquire(
    store,
    workspace2.key,
    () => {
      const now = call.now;
      const starts = plan.starts === null ? void 0 : (({ runsMs, ...item }) => ({ ...item, since: now, until: now + runsMs + call.ttlMs }))(plan.starts);
      return call.caller(workspace2, { leaseMs: plan.leaseMs, ...starts !== void 0 && { starts } })();
    },
    livenessProbe(deps.host),
    deps.clock,
    call.checks(),
    // --wait: the holder's turn may be about to end; a short wait beats a denial.
    call.waitMs > 0 ? started + call.waitMs : 0
  );
  const waitedMs = call.waitMs > 0 ? call.now - started : 0;
  if (outcome.kind === "deny") {
    const waited = waitedMs > 0 ? { waited_ms: waitedMs } : {};
    deps.log(entry(deps, "pretooluse", "block", payload, workspace2, { holder: holderOf(outcome.holder), ...waited }));
    const holder = call.describe(outcome.holder, outcome.expiresAt);
    return {
      kind: "deny",
      reason: hook.denyReason(payload.toolLabel, workspace2.path, holder, waitedMs, deps.selfInvocation?.()),
      context: hook.denyContext(workspace2.path, holder)
    };
  }
  if (outcome.why !== "own") {
    const outcomeName = outcome.why === "free" ? "acquire" : "takeover";
    deps.log(
      entry(deps, "pretooluse", outcomeName, payload, workspace2, {
        ...outcome.previous && { holder: holderOf(outcome.previous) },
        ...outcome.why !== "free" && { reason: outcome.why },
        ...waitedMs > 0 && { waited_ms: waitedMs }
      })
    );
    await store.noteHeld(payload.sessionId, workspace2.key);
  }
  if ((outcome.why === "stale" || outcome.why === "idle") && outcome.previous !== null) {
    await store.putNotice(workspace2.key, outcome.previous.session_id, {
      by: { session_id: outcome.record.session_id, pid: outcome.record.pid },
      at: outcome.record.acquired_at,
      reason: outcome.why,
      generation: outcome.previous.generation ?? null
    });
  }
  return null;
}
async function firstNotice(deps, payload, workspaces, store, event) {
  for (const workspace2 of workspaces) {
    const notice = await deliverNotice(deps, payload, workspace2, store, event);
    if (notice.kind !== "allow") return notice;
  }
  return { kind: "allow" };
}
async function adopt(call, store) {
  const { sameProcess } = call.checks();
  for (const lock of await store.list()) {
    const { observed } = lock.snapshot;
    if (observed.kind !== "record" || observed.record.session_id === call.payload.sessionId || !sameProcess(observed.record)) continue;
    const workspace2 = { path: typeof observed.record.workspace === "string" ? observed.record.workspace : lock.location, key: lock.key };
    const outcome = await acquire(store, lock.key, call.caller(workspace2, { leaseMs: 0 }), livenessProbe(call.deps.host), call.deps.clock, { sameProcess });
    if (outcome.kind === "take") {
      await store.noteHeld(call.payload.sessionId, lock.key);
      call.deps.log(entry(call.deps, "sessionstart", "takeover", call.payload, workspace2, { holder: holderOf(observed.record), reason: outcome.why }));
    }
  }
}
async function deliverNotice(deps, payload, workspace2, store, event) {
  const notice = await store.takeNotice(workspace2.key, payload.sessionId);
  if (notice === null) return { kind: "allow" };
  deps.log(entry(deps, event === "PreToolUse" ? "pretooluse" : "posttooluse", "lost", payload, workspace2, { by: notice.by }));
  const { forUser, forClaude } = lostText(notice, workspace2);
  return { kind: "notice", event, systemMessage: forUser, additionalContext: forClaude };
}
function lostText(notice, workspace2) {
  const by = notice.by === null ? hook.anOperator : hook.otherSession(notice.by.session_id, notice.by.pid);
  const at = new Date(notice.at).toISOString();
  return { forUser: hook.lostForUser(workspace2.path, by, at, notice.reason), forClaude: hook.lostForClaude(workspace2.path, by, at, notice.reason) };
}
function workspaceOf(record, fallback) {
  return typeof record.workspace === "string" ? { path: record.workspace, key: "" } : fallback;
}
function holderOf(record) {
  return { session_id: record.session_id, pid: record.pid, acquired_at: record.acquired_at, ttl_ms: record.ttl_ms };
}
function entry(deps, event, outcome, payload, workspace2, extra = {}) {
  return {
    time: new Date(deps.clock.now()).toISOString(),
    event,
    outcome,
    session: payload?.sessionId ?? null,
    workspace: workspace2?.path ?? null,
    ...payload?.toolLabel && { tool: payload.toolLabel },
    ...extra
  };
}

// src/lock/fileStore.ts
var nodeFs2 = __toESM(require("node:fs"), 1);
var import_node_path4 = require("node:path");
var LOCK_FILE = /^session-lock-([0-9a-f]{12})\.json$/;
var MAX_RECORD_BYTES = 64 * 1024;
var OVERSIZED = "\0oversized";
var MAX_CLAIM_LEVELS = 8;
var SYMLINK = "\0symlink:";
var NOTICE_TTL_MS = 864e5;
var { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = nodeFs2.constants;
var READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
var CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
var { O_APPEND } = nodeFs2.constants;
var APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW;
var HELD_INDEX_TTL_MS = 7 * 864e5;
function lockFileName(key) {
  return `session-lock-${key}.json`;
}
function fileStore(runtimeDir2, options = {}) {
  const fs = options.fs ?? nodeFs2;
  const now = options.now ?? Date.now;
  const claimStaleMs = options.claimStaleMs ?? 3e3;
  const pathOf = (key) => (0, import_node_path4.join)(runtimeDir2, lockFileName(key));
  const noticePrefix = (key) => `session-notice-${key}-`;
  const noticePath = (key, sessionId) => (0, import_node_path4.join)(runtimeDir2, `${noticePrefix(key)}${md5Hex(sessionId).slice(0, 12)}.json`);
  const heldPath = (sessionId) => (0, import_node_path4.join)(runtimeDir2, `session-held-${md5Hex(sessionId).slice(0, 12)}.keys`);
  let checked = false;
  function checkRuntimeDir() {
    if (checked) return;
    let stat;
    try {
      stat = fs.statSync(runtimeDir2);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return;
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir2), code);
      throw failure(files.cannotRead(runtimeDir2), error);
    }
    if (!stat.isDirectory()) throw new StoreError(files.runtimeNotDirectory(runtimeDir2), "ENOTDIR");
    if (options.uid !== void 0 && stat.uid !== options.uid) throw new StoreError(files.runtimeForeign(runtimeDir2, stat.uid), "EUNSAFE");
    if ((stat.mode & 18) !== 0) throw new StoreError(files.runtimeOpen(runtimeDir2, stat.mode & 511), "EUNSAFE");
    checked = true;
  }
  function read(path2) {
    checkRuntimeDir();
    let fd;
    try {
      fd = fs.openSync(path2, READ_FLAGS);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return { observed: ABSENT, version: null };
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir2), code);
      if (code === "ELOOP") return readSymlink(path2);
      if (code === "EACCES" && options.uid !== void 0 && ownerOf(path2) !== options.uid) {
        throw new StoreError(files.foreignUnreadable(path2, ownerOf(path2)), "EFOREIGN");
      }
      throw failure(files.cannotRead(path2), error);
    }
    try {
      let stat;
      try {
        stat = fs.fstatSync(fd, { bigint: true });
      } catch (error) {
        throw failure(files.cannotRead(path2), error);
      }
      if (!stat.isFile()) throw new StoreError(files.notRegularFile(path2), "ENOTFILE");
      const text = readAll(fd, path2);
      const version = { token: stat.ino.toString(), text };
      const observed = text === OVERSIZED ? { kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES) } : parseRecord(text);
      return { observed, version };
    } finally {
      closeQuietly(fd);
    }
  }
  function readAll(fd, path2) {
    const buffer = Buffer.alloc(MAX_RECORD_BYTES + 1);
    let length = 0;
    try {
      for (; ; ) {
        const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length === buffer.length) break;
      }
    } catch (error) {
      throw failure(files.cannotRead(path2), error);
    }
    return length > MAX_RECORD_BYTES ? OVERSIZED : buffer.toString("utf8", 0, length);
  }
  function readSymlink(path2) {
    try {
      const stat = fs.lstatSync(path2, { bigint: true });
      const target = fs.readlinkSync(path2, "utf8");
      return { observed: { kind: "corrupt", reason: corrupt.symlink(target) }, version: { token: stat.ino.toString(), text: `${SYMLINK}${target}` } };
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return { observed: ABSENT, version: null };
      throw failure(files.cannotRead(path2), error);
    }
  }
  function ownerOf(path2) {
    try {
      return fs.lstatSync(path2).uid;
    } catch {
      return null;
    }
  }
  function writeTemp(path2, record) {
    const text = serializeRecord(record);
    if (Buffer.byteLength(text) > MAX_RECORD_BYTES) throw new StoreError(files.recordTooLarge(MAX_RECORD_BYTES), "ERECORD");
    return writePrivate(path2, text);
  }
  function writePrivate(path2, text) {
    checkRuntimeDir();
    const temp = tempName(path2);
    const data = Buffer.from(text);
    let fd;
    try {
      fd = fs.openSync(temp, CREATE_FLAGS, 384);
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir2), error);
      makeRuntimeDir();
      try {
        fd = fs.openSync(temp, CREATE_FLAGS, 384);
      } catch (retryError) {
        throw failure(files.cannotWrite(runtimeDir2), retryError);
      }
    }
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      closeQuietly(fd);
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir2), error);
    }
    try {
      fs.closeSync(fd);
    } catch (error) {
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir2), error);
    }
    return temp;
  }
  function makeRuntimeDir() {
    try {
      fs.mkdirSync(runtimeDir2, { recursive: true, mode: 448 });
    } catch (error) {
      throw failure(files.cannotCreateRuntime(runtimeDir2), error);
    }
  }
  function claim(path2, expected) {
    const claims = [];
    for (let level = 1; level <= MAX_CLAIM_LEVELS; level++) {
      const claimPath = `${path2}.${expected.token}.claim${level}`;
      try {
        fs.linkSync(path2, claimPath);
      } catch (error) {
        const code = errnoOf(error);
        if (code === "ENOENT") return "conflict";
        if (code === "EPERM" && options.uid !== void 0 && ownerOf(path2) !== options.uid) {
          throw new StoreError(files.foreignLock(path2, ownerOf(path2)), "EFOREIGN");
        }
        if (code !== "EEXIST") throw failure(files.cannotChange(path2), error);
        const held = statQuietly(claimPath);
        if (held === null) return "conflict";
        if (held.ino.toString() !== expected.token) return "conflict";
        if (now() - Number(held.ctimeMs) < claimStaleMs) return "busy";
        claims.push(claimPath);
        continue;
      }
      claims.push(claimPath);
      const linked = statQuietly(claimPath);
      if (linked === null || linked.ino.toString() !== expected.token || !holds(claimPath, expected)) {
        unlinkQuietly(claimPath);
        return "conflict";
      }
      return claims;
    }
    return "busy";
  }
  function holds(path2, expected) {
    const text = expected.text;
    if (text === void 0) return false;
    try {
      if (text.startsWith(SYMLINK)) return fs.lstatSync(path2).isSymbolicLink() && `${SYMLINK}${fs.readlinkSync(path2, "utf8")}` === text;
      const fd = fs.openSync(path2, READ_FLAGS);
      try {
        return readAll(fd, path2) === text;
      } finally {
        closeQuietly(fd);
      }
    } catch {
      return false;
    }
  }
  function swap(key, expected, record) {
    const path2 = pathOf(key);
    let temp = record === null ? null : writeTemp(path2, record);
    try {
      const claims = claim(path2, expected);
      if (typeof claims === "string") return claims;
      try {
        if (temp === null) {
          fs.unlinkSync(path2);
        } else {
          fs.renameSync(temp, path2);
          temp = null;
        }
      } catch (error) {
        throw failure(files.cannotChange(path2), error);
      } finally {
        for (const claimPath of claims) unlinkQuietly(claimPath);
      }
      return "ok";
    } finally {
      if (temp !== null) unlinkQuietly(temp);
    }
  }
  function statQuietly(path2) {
    try {
      return fs.lstatSync(path2, { bigint: true });
    } catch {
      return null;
    }
  }
  function unlinkQuietly(path2) {
    try {
      fs.unlinkSync(path2);
    } catch {
    }
  }
  function closeQuietly(fd) {
    try {
      fs.closeSync(fd);
    } catch {
    }
  }
  return {
    async read(key) {
      return read(pathOf(key));
    },
    async create(key, record) {
      const path2 = pathOf(key);
      const temp = writeTemp(path2, record);
      try {
        fs.linkSync(temp, path2);
        return "ok";
      } catch (error) {
        if (errnoOf(error) === "EEXIST") return "conflict";
        throw failure(files.cannotCreate(path2), error);
      } finally {
        unlinkQuietly(temp);
      }
    },
    async replace(key, expected, record) {
      return swap(key, expected, record);
    },
    async remove(key, expected) {
      return swap(key, expected, null);
    },
    async list() {
      checkRuntimeDir();
      let names2;
      try {
        names2 = fs.readdirSync(runtimeDir2);
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return [];
        throw failure(files.cannotList(runtimeDir2), error);
      }
      const locks = [];
      for (const name of names2.sort()) {
        const key = LOCK_FILE.exec(name)?.[1];
        if (key === void 0) continue;
        const location = (0, import_node_path4.join)(runtimeDir2, name);
        let snapshot;
        try {
          snapshot = read(location);
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          snapshot = { observed: { kind: "corrupt", reason: error.message }, version: null };
        }
        locks.push({ key, location, snapshot });
      }
      return locks;
    },
    location: pathOf,
    async putNotice(key, sessionId, notice) {
      const path2 = noticePath(key, sessionId);
      let temp = null;
      try {
        temp = writePrivate(path2, JSON.stringify(notice));
        fs.renameSync(temp, path2);
        temp = null;
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw failure(files.cannotLeaveNotice(runtimeDir2), error);
      } finally {
        if (temp !== null) unlinkQuietly(temp);
      }
      for (const old of notices((name, at) => name.startsWith(noticePrefix(key)) && now() - at > NOTICE_TTL_MS)) unlinkQuietly(old);
    },
    async takeNotice(key, sessionId) {
      checkRuntimeDir();
      const path2 = noticePath(key, sessionId);
      const found = readNotice(path2);
      if (found === null) return null;
      try {
        fs.unlinkSync(path2);
      } catch {
        return null;
      }
      return now() - found.leftAt <= NOTICE_TTL_MS ? found.notice : null;
    },
    /** One line per lock taken, appended with O_APPEND: concurrent hooks of one session never tear each other's lines. */
    async noteHeld(sessionId, key) {
      checkRuntimeDir();
      const path2 = heldPath(sessionId);
      const line = Buffer.from(`${key}
`);
      let fd;
      try {
        fd = fs.openSync(path2, APPEND_FLAGS, 384);
      } catch (error) {
        if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir2), error);
        makeRuntimeDir();
        try {
          fd = fs.openSync(path2, APPEND_FLAGS, 384);
        } catch (retryError) {
          throw failure(files.cannotWrite(runtimeDir2), retryError);
        }
      }
      try {
        fs.writeSync(fd, line, 0, line.length);
      } catch (error) {
        throw failure(files.cannotWrite(runtimeDir2), error);
      } finally {
        closeQuietly(fd);
      }
    },
    async heldBy(sessionId) {
      checkRuntimeDir();
      let fd;
      try {
        fd = fs.openSync(heldPath(sessionId), READ_FLAGS);
      } catch (error) {
        if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ELOOP") return [];
        throw failure(files.cannotRead(heldPath(sessionId)), error);
      }
      try {
        return [...new Set(readAll(fd, heldPath(sessionId)).split("\n").filter((line) => /^[0-9a-f]{12}$/.test(line)))];
      } finally {
        closeQuietly(fd);
      }
    },
    async forgetHeld(sessionId) {
      unlinkQuietly(heldPath(sessionId));
    },
    async close() {
    },
    /**
     * Removes temp and claim files left by processes that died mid-change. Only names this store
     * creates, only older than `olderThanMs`: a live writer's files are never touched.
     */
    sweep(olderThanMs) {
      const removed = [];
      for (const name of names()) {
        if (/^session-held-[0-9a-f]{12}\.keys$/.test(name)) {
          const path3 = (0, import_node_path4.join)(runtimeDir2, name);
          const stat2 = statQuietly(path3);
          if (stat2 !== null && now() - Number(stat2.mtimeMs) > Math.max(olderThanMs, HELD_INDEX_TTL_MS)) {
            unlinkQuietly(path3);
            removed.push(path3);
          }
          continue;
        }
        if (!/^session-(lock|notice)-[0-9a-f-]+\.json\.\S+\.(tmp|claim\d+)$/.test(name)) continue;
        const path2 = (0, import_node_path4.join)(runtimeDir2, name);
        const stat = statQuietly(path2);
        if (stat === null || now() - Number(stat.ctimeMs) < olderThanMs) continue;
        if (name.includes(".claim")) {
          const lock = statQuietly(path2.replace(/\.json\..*$/, ".json"));
          if (lock !== null && lock.ino === stat.ino) continue;
        }
        unlinkQuietly(path2);
        removed.push(path2);
      }
      return removed;
    },
    sweepNotices(olderThanMs) {
      const old = notices((_name, at) => olderThanMs === 0 || now() - at > olderThanMs);
      for (const path2 of old) unlinkQuietly(path2);
      return old;
    },
    staleNotices(olderThanMs) {
      return notices((_name, at) => now() - at > olderThanMs).length;
    },
    discard(key) {
      const path2 = pathOf(key);
      const stat = statQuietly(path2);
      if (stat === null) return "absent";
      if (stat.isDirectory() || options.uid === void 0 || Number(stat.uid) === options.uid) return "kept";
      try {
        fs.unlinkSync(path2);
        return "removed";
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return "absent";
        throw failure(files.cannotChange(path2), error);
      }
    }
  };
  function names() {
    try {
      return fs.readdirSync(runtimeDir2);
    } catch {
      return [];
    }
  }
  function notices(pick) {
    const picked = [];
    for (const name of names()) {
      if (!/^session-notice-[0-9a-f]{12}-[0-9a-f]{12}\.json$/.test(name)) continue;
      const path2 = (0, import_node_path4.join)(runtimeDir2, name);
      const stat = statQuietly(path2);
      if (stat !== null && pick(name, Number(stat.mtimeMs))) picked.push(path2);
    }
    return picked;
  }
  function readNotice(path2) {
    let fd;
    try {
      fd = fs.openSync(path2, READ_FLAGS);
    } catch {
      return null;
    }
    try {
      const leftAt = Number(fs.fstatSync(fd).mtimeMs);
      const value = JSON.parse(readAll(fd, path2));
      return typeof value === "object" && value !== null ? { notice: value, leftAt } : null;
    } catch {
      return null;
    } finally {
      closeQuietly(fd);
    }
  }
}
function tempName(path2) {
  return `${path2}.${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}.tmp`;
}
function failure(what, error) {
  return new StoreError(files.withCause(what, messageOf(error)), errnoOf(error) ?? "EUNKNOWN");
}

// src/lock/redis/redisStore.ts
var import_node_path5 = require("node:path");

// src/lock/redis/redisUrl.ts
function parseRedisUrl(raw, source = "CLAUDE_SESSION_GUARD_STORE") {
  const bad = (why) => new StoreError(redis.badUrl(source, redactUrl(raw), why), "EBADURL");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw bad(redis.notAUrl);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(redis.badScheme(url.protocol));
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") throw bad(redis.noHost);
  if (url.search !== "" || url.hash !== "") throw bad(redis.queryOrFragment);
  const dbText = url.pathname.replace(/^\//, "");
  if (!/^\d{0,9}$/.test(dbText)) {
    throw bad(redis.badPath);
  }
  const username = decode(url.username, bad);
  const password = decode(url.password, bad);
  if (username !== void 0 && password === void 0) throw bad(redis.userWithoutPassword);
  const port = url.port === "" ? 6379 : Number(url.port);
  const db = dbText === "" ? 0 : Number(dbText);
  return {
    host,
    port,
    db,
    tls: url.protocol === "rediss:",
    username,
    password,
    display: `${url.protocol}//${url.hostname}:${port}/${db}`
  };
}
function decode(value, bad) {
  if (value === "") return void 0;
  try {
    return decodeURIComponent(value);
  } catch {
    throw bad(redis.badEncoding);
  }
}
function redactUrl(raw) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? "";
  if (raw.includes("@")) return `${scheme}***`;
  const query = raw.search(/[?#]/);
  return query < 0 ? raw : `${raw.slice(0, query)}?***`;
}
function scrub(text, target, raw) {
  let out = text;
  const secrets = /* @__PURE__ */ new Set();
  if (target.password !== void 0) {
    if (raw !== void 0) secrets.add(raw);
    if (target.username !== void 0) secrets.add(`${target.username}:${target.password}`);
    secrets.add(target.password);
    secrets.add(encodeURIComponent(target.password));
  }
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") out = out.split(secret).join("***");
  }
  return out;
}

// src/lock/redis/redisStore.ts
var LOCK_PREFIX = "claude-session-guard:lock:";
var NOTICE_PREFIX = "claude-session-guard:notice:";
var HELD_PREFIX = "claude-session-guard:held:";
var LOCK_KEY = /^claude-session-guard:lock:([0-9a-f]{12})$/;
var MAX_RECORD_BYTES2 = 64 * 1024;
function loadClient() {
  return true ? Promise.resolve(require((0, import_node_path5.join)(__dirname, "redis.cjs"))) : null;
}
var REPLACE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;
var REMOVE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;
var TAKE = `
local value = redis.call('GET', KEYS[1])
if value then redis.call('DEL', KEYS[1]) end
return value`;
function redisStore(url, options = {}) {
  const target = options.target ?? parseRedisUrl(url, options.source);
  const source = options.source ?? "CLAUDE_SESSION_GUARD_STORE";
  const connectTimeoutMs = options.connectTimeoutMs ?? (target.tls ? 600 : 300);
  const commandTimeoutMs = options.commandTimeoutMs ?? 400;
  const retentionMs = options.retentionMs ?? 36e5;
  const noticeTtlMs = options.noticeTtlMs ?? 864e5;
  const heldTtlMs = 8 * 864e5;
  const scanCount = options.scanCount ?? 100;
  const load = options.loadClient ?? loadClient;
  const where = redis.storeAt(target.display);
  const lockKey = (key) => `${LOCK_PREFIX}${key}`;
  const sessionHash = (sessionId) => md5Hex(sessionId).slice(0, 12);
  const noticeKey = (key, sessionId) => `${NOTICE_PREFIX}${key}:${sessionHash(sessionId)}`;
  const heldKey = (sessionId) => `${HELD_PREFIX}${sessionHash(sessionId)}`;
  let client = null;
  let connection = null;
  let broken = null;
  let closed = false;
  let lastError = null;
  async function connect() {
    let Client;
    try {
      ({ Redis: Client } = await load());
    } catch (error) {
      throw new StoreError(redis.noClient(messageOf(error)), "ENOCLIENT");
    }
    const redis2 = new Client({
      host: target.host,
      port: target.port,
      // SNI names a host, never an address.
      ...target.tls && { tls: isAddress(target.host) ? {} : { servername: target.host } },
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      // One attempt: a hook that cannot reach Redis now fails open now; retrying would only
      // stall the tool call.
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      // No handshake of ioredis's own (HELLO, INFO, CLIENT SETINFO): each is a round trip, and some
      // print warnings to stderr. Credentials and the database are sent below instead.
      protocol: 2,
      enableReadyCheck: false,
      disableClientInfo: true,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false
    });
    redis2.on("error", (error) => lastError = error);
    client = redis2;
    try {
      await within(redis2.connect(), connectTimeoutMs + 100, redis.doing.connecting);
    } catch (error) {
      throw unreachable(error instanceof StoreError ? error : lastError ?? error);
    }
    const setup = [];
    if (target.password !== void 0) {
      const auth = target.username !== void 0 ? redis2.auth(target.username, target.password) : redis2.auth(target.password);
      setup.push(auth.catch((error) => /no password is set|without any password configured/i.test(messageOf(error)) ? "OK" : Promise.reject(error)));
    }
    if (target.db !== 0) setup.push(redis2.select(target.db));
    await within(Promise.all(setup), commandTimeoutMs, redis.doing.loggingIn);
    return redis2;
  }
  async function step(doing2, run) {
    if (closed) throw new StoreError(redis.closed(where), "ECLOSED");
    if (broken !== null) throw broken;
    try {
      connection ??= connect();
      const redis2 = await connection;
      return await within(run(redis2), commandTimeoutMs, doing2);
    } catch (error) {
      const problem = failure2(error, doing2);
      if (!isReplyError(error)) {
        broken = problem;
        client?.disconnect();
      }
      throw problem;
    }
  }
  function within(promise, ms, doing2) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StoreError(redis.timedOut(where, ms, doing2), "ETIMEDOUT")), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
  function failure2(error, doing2) {
    if (error instanceof StoreError) return new StoreError(scrub(error.message, target, url), error.code);
    const text = scrub(messageOf(error), target, url);
    const code = codeOf(error);
    if (code === "WRONGPASS" || /invalid password|invalid username-password/i.test(text)) {
      return new StoreError(redis.refusedCredentials(where, text), "EAUTH");
    }
    if (code === "NOAUTH") return new StoreError(redis.needsPassword(where), "EAUTH");
    if (code === "WRONGTYPE") return new StoreError(redis.wrongType(where, doing2), "EWRONGTYPE");
    if (/unknown RESP type|protocol error/i.test(text)) return new StoreError(redis.notRedis(where, text, source), "EPROTO");
    return new StoreError(redis.failedWhile(where, doing2, text), code ?? "EREDIS");
  }
  function unreachable(error) {
    const detail = error instanceof StoreError ? redis.noConnection(connectTimeoutMs) : scrub(messageOf(error), target, url);
    return new StoreError(redis.unreachable(where, detail, source), error instanceof StoreError ? error.code : codeOf(error) ?? "ECONNECT");
  }
  function snapshotOf(value) {
    if (value === null) return { observed: ABSENT, version: null };
    return { observed: observe(value), version: { token: value.toString("latin1") } };
  }
  const expected = (version) => Buffer.from(version.token, "latin1");
  return {
    async read(key) {
      return step(redis.doing.reading, async (redis2) => snapshotOf(await redis2.getBuffer(lockKey(key))));
    },
    async create(key, record) {
      const reply = await step(
        redis.doing.creating,
        (redis2) => redis2.set(lockKey(key), serializeRecord(record), "PX", expiry(record.ttl_ms, retentionMs), "NX")
      );
      return reply === "OK" ? "ok" : "conflict";
    },
    async replace(key, version, record) {
      const reply = await step(
        redis.doing.replacing,
        (redis2) => redis2.eval(REPLACE, 1, lockKey(key), expected(version), serializeRecord(record), expiry(record.ttl_ms, retentionMs))
      );
      return swapped(reply);
    },
    async remove(key, version) {
      return swapped(await step(redis.doing.removing, (redis2) => redis2.eval(REMOVE, 1, lockKey(key), expected(version))));
    },
    async list() {
      const keys = /* @__PURE__ */ new Set();
      let cursor = "0";
      do {
        const [next, batch] = await step(redis.doing.listing, (redis2) => redis2.scan(cursor, "MATCH", `${LOCK_PREFIX}*`, "COUNT", scanCount));
        for (const name of batch) if (LOCK_KEY.test(name)) keys.add(name);
        cursor = next;
      } while (cursor !== "0");
      const names = [...keys].sort();
      const locks = [];
      for (let i = 0; i < names.length; i += scanCount) {
        const chunk = names.slice(i, i + scanCount);
        const values = await step(redis.doing.listing, (redis2) => redis2.mgetBuffer(...chunk));
        chunk.forEach((name, j) => {
          const value = values[j] ?? null;
          if (value === null) return;
          const key = LOCK_KEY.exec(name)[1];
          locks.push({ key, location: location(key), snapshot: snapshotOf(value) });
        });
      }
      return locks;
    },
    location,
    async putNotice(key, sessionId, notice) {
      await step(redis.doing.leavingNotice, (redis2) => redis2.set(noticeKey(key, sessionId), JSON.stringify(notice), "PX", noticeTtlMs));
    },
    async takeNotice(key, sessionId) {
      const value = await step(redis.doing.takingNotice, (redis2) => redis2.eval(TAKE, 1, noticeKey(key, sessionId)));
      if (typeof value !== "string") return null;
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
    },
    async noteHeld(sessionId, key) {
      await step(redis.doing.notingHeld, (redis2) => redis2.multi().sadd(heldKey(sessionId), key).pexpire(heldKey(sessionId), heldTtlMs).exec());
    },
    async heldBy(sessionId) {
      return (await step(redis.doing.listingHeld, (redis2) => redis2.smembers(heldKey(sessionId)))).filter((key) => /^[0-9a-f]{12}$/.test(key));
    },
    async forgetHeld(sessionId) {
      await step(redis.doing.forgettingHeld, (redis2) => redis2.del(heldKey(sessionId)));
    },
    async close() {
      closed = true;
      const redis2 = client;
      client = null;
      if (redis2 === null) return;
      redis2.disconnect();
      redis2.stream?.unref?.();
    }
  };
  function location(key) {
    return `${target.display} ${lockKey(key)}`;
  }
}
function observe(value) {
  if (value.length > MAX_RECORD_BYTES2) return { kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES2) };
  return parseRecord(value.toString("utf8"));
}
function expiry(ttlMs, retentionMs) {
  return Math.max(1, Math.ceil(ttlMs + retentionMs));
}
function isAddress(host) {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}
function isReplyError(error) {
  return error instanceof Error && error.name === "ReplyError";
}
function swapped(reply) {
  return reply === 1 ? "ok" : "conflict";
}
function codeOf(error) {
  return errnoOf(error) ?? /^([A-Z]+)\s/.exec(messageOf(error))?.[1];
}

// src/lock/openStore.ts
function chooseStore(env3, runtimeDir2, flag) {
  const given = flag ?? env3.CLAUDE_SESSION_GUARD_STORE;
  const url = given?.trim();
  if (url === void 0 || url === "") return { kind: "file", dir: runtimeDir2 };
  const source = sourceOf(flag);
  const target = parseRedisUrl(url, source);
  return { kind: "redis", connection: () => ({ url, target }), display: target.display, source, redact: (text) => scrub(text, target, url) };
}
function sourceOf(flag) {
  return flag !== void 0 && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
}
async function openStore(choice, { uid: uid2 } = {}) {
  if (choice.kind === "file") return fileStore(choice.dir, { uid: uid2 });
  const { url, target } = choice.connection();
  return redisStore(url, { source: choice.source, target });
}

// src/world.ts
var nodeFs6 = __toESM(require("node:fs"), 1);
var import_node_os3 = require("node:os");

// node_modules/env-paths/index.js
var import_node_path6 = __toESM(require("node:path"), 1);
var import_node_os2 = __toESM(require("node:os"), 1);
var import_node_process = __toESM(require("node:process"), 1);

// node_modules/is-safe-filename/index.js
var unsafeFilenameFixtures = Object.freeze([
  "",
  "   ",
  ".",
  "..",
  " .",
  ". ",
  " ..",
  ".. ",
  "../",
  "../foo",
  "foo/../bar",
  "foo/bar",
  "foo\\bar",
  "foo\0bar"
]);
function isSafeFilename(filename) {
  if (typeof filename !== "string") {
    return false;
  }
  const trimmed = filename.trim();
  return trimmed !== "" && trimmed !== "." && trimmed !== ".." && !filename.includes("/") && !filename.includes("\\") && !filename.includes("\0");
}
function assertSafeFilename(filename) {
  if (typeof filename !== "string") {
    throw new TypeError("Expected a string");
  }
  if (!isSafeFilename(filename)) {
    throw new Error(`Unsafe filename: ${JSON.stringify(filename)}`);
  }
}

// node_modules/env-paths/index.js
var homedir2 = import_node_os2.default.homedir();
var tmpdir = import_node_os2.default.tmpdir();
var { env } = import_node_process.default;
var macos = (name) => {
  const library = import_node_path6.default.join(homedir2, "Library");
  return {
    data: import_node_path6.default.join(library, "Application Support", name),
    config: import_node_path6.default.join(library, "Preferences", name),
    cache: import_node_path6.default.join(library, "Caches", name),
    log: import_node_path6.default.join(library, "Logs", name),
    temp: import_node_path6.default.join(tmpdir, name)
  };
};
var windows = (name) => {
  const appData = env.APPDATA || import_node_path6.default.join(homedir2, "AppData", "Roaming");
  const localAppData = env.LOCALAPPDATA || import_node_path6.default.join(homedir2, "AppData", "Local");
  return {
    // Data/config/cache/log are invented by me as Windows isn't opinionated about this
    data: import_node_path6.default.join(localAppData, name, "Data"),
    config: import_node_path6.default.join(appData, name, "Config"),
    cache: import_node_path6.default.join(localAppData, name, "Cache"),
    log: import_node_path6.default.join(localAppData, name, "Log"),
    temp: import_node_path6.default.join(tmpdir, name)
  };
};
var linux = (name) => {
  const username = import_node_path6.default.basename(homedir2);
  return {
    data: import_node_path6.default.join(env.XDG_DATA_HOME || import_node_path6.default.join(homedir2, ".local", "share"), name),
    config: import_node_path6.default.join(env.XDG_CONFIG_HOME || import_node_path6.default.join(homedir2, ".config"), name),
    cache: import_node_path6.default.join(env.XDG_CACHE_HOME || import_node_path6.default.join(homedir2, ".cache"), name),
    // https://wiki.debian.org/XDGBaseDirectorySpecification#state
    log: import_node_path6.default.join(env.XDG_STATE_HOME || import_node_path6.default.join(homedir2, ".local", "state"), name),
    temp: import_node_path6.default.join(tmpdir, username, name)
  };
};
function envPaths(name, { suffix = "nodejs" } = {}) {
  assertSafeFilename(name);
  if (suffix) {
    name += `-${suffix}`;
  }
  assertSafeFilename(name);
  if (import_node_process.default.platform === "darwin") {
    return macos(name);
  }
  if (import_node_process.default.platform === "win32") {
    return windows(name);
  }
  return linux(name);
}

// src/host/decisionLog.ts
var nodeFs3 = __toESM(require("node:fs"), 1);
var import_node_path7 = require("node:path");
var LOG_FILE = "decisions.jsonl";
var MAX_LOG_BYTES = 1024 * 1024;
function appendDecision(dir, entry2, fs = nodeFs3, maxBytes = MAX_LOG_BYTES) {
  const path2 = (0, import_node_path7.join)(dir, LOG_FILE);
  const line = `${JSON.stringify(entry2)}
`;
  try {
    rotateIfFull(path2, maxBytes, fs);
    fs.appendFileSync(path2, line, { mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 448 });
      fs.appendFileSync(path2, line, { mode: 384 });
    } catch {
    }
  }
}
function rotateIfFull(path2, maxBytes, fs) {
  const size = fs.statSync(path2, { throwIfNoEntry: false })?.size ?? 0;
  if (size >= maxBytes) fs.renameSync(path2, `${path2}.1`);
}

// src/host/selfInvocation.ts
var nodeFs4 = __toESM(require("node:fs"), 1);
var import_node_path9 = require("node:path");

// src/settings/executable.ts
var import_node_fs = require("node:fs");
var import_node_path8 = require("node:path");
function isExecutableFile(path2, fs) {
  try {
    if (!fs.statSync(path2).isFile()) return false;
    fs.accessSync(path2, import_node_fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function findOnPath(name, pathVar, fs, cwd = "/") {
  if (name.includes("/")) return isExecutableFile((0, import_node_path8.resolve)(cwd, name), fs) ? (0, import_node_path8.resolve)(cwd, name) : null;
  for (const dir of (pathVar ?? "").split(import_node_path8.delimiter)) {
    const candidate = (0, import_node_path8.join)(dir === "" ? cwd : dir, name);
    if (isExecutableFile(candidate, fs)) return (0, import_node_path8.isAbsolute)(candidate) ? candidate : (0, import_node_path8.resolve)(cwd, candidate);
  }
  return null;
}

// src/host/selfInvocation.ts
var NAME2 = "claude-session-guard";
function selfInvocation(script, nodePath, pathVar, fs = nodeFs4) {
  const real = realpath(script, fs);
  const found = findOnPath(NAME2, pathVar, fs);
  if (found !== null) {
    const foundReal = realpath(found, fs);
    if (foundReal === real || (0, import_node_path9.dirname)(foundReal) === (0, import_node_path9.dirname)(real)) return NAME2;
  }
  const shim = (0, import_node_path9.join)((0, import_node_path9.dirname)(real), NAME2);
  if (shim !== real && isExecutableFile(shim, fs)) return shellQuote(shim);
  return `${shellQuote(nodePath)} ${shellQuote(real)}`;
}
function realpath(path2, fs) {
  try {
    return fs.realpathSync(path2);
  } catch {
    return path2;
  }
}

// src/host/stdin.ts
var MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
var STDIN_TIMEOUT_MS = 3e3;
function readInput(stream, { maxBytes = MAX_PAYLOAD_BYTES, timeoutMs = STDIN_TIMEOUT_MS } = {}) {
  return new Promise((resolve3, reject) => {
    const chunks = [];
    let total = 0;
    const finish2 = (error) => {
      clearTimeout(timer);
      stream.removeAllListeners("data").removeAllListeners("end").removeAllListeners("error");
      if (error) {
        stream.destroy();
        reject(error);
      } else {
        resolve3(Buffer.concat(chunks, total).toString("utf8"));
      }
    };
    const timer = setTimeout(() => finish2(new InputError(input.stdinTimeout(timeoutMs), "ESTDIN")), timeoutMs);
    stream.on("data", (chunk) => {
      total += chunk.length;
      if (total > maxBytes) return finish2(new InputError(input.stdinTooLarge(maxBytes), "ESTDIN"));
      chunks.push(chunk);
    });
    stream.on("end", () => finish2(null));
    stream.on("error", (error) => finish2(new InputError(input.stdinFailed(error.message), "ESTDIN")));
  });
}

// src/host/warnings.ts
var nodeFs5 = __toESM(require("node:fs"), 1);
var import_node_path10 = require("node:path");
var REPEAT_AFTER_MS = 36e5;
var FORGET_AFTER_MS = 864e5;
function shouldShow(last, problem, now) {
  return last === null || last.problem !== problem || now - last.at >= REPEAT_AFTER_MS || now < last.at;
}
function firstShowing(dir, session, problem, now, fs = nodeFs5) {
  const path2 = (0, import_node_path10.join)(dir, `warned-${md5Hex(session).slice(0, 16)}.json`);
  let last = null;
  try {
    const value = JSON.parse(fs.readFileSync(path2, "utf8"));
    if (typeof value.problem === "string" && typeof value.at === "number") last = { problem: value.problem, at: value.at };
  } catch {
  }
  if (!shouldShow(last, problem, now)) return false;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 448 });
    fs.writeFileSync(path2, JSON.stringify({ problem, at: now }), { mode: 384 });
    if (last === null) sweep(dir, now, fs);
  } catch {
  }
  return true;
}
function sweep(dir, now, fs) {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith("warned-")) continue;
    const path2 = (0, import_node_path10.join)(dir, name);
    const mtime = fs.statSync(path2, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime !== void 0 && now - mtime > FORGET_AFTER_MS) fs.unlinkSync(path2);
  }
}

// src/world.ts
var clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve3) => setTimeout(resolve3, ms))
};
var env2 = () => process.env;
var argv1 = () => process.argv[1] ?? "claude-session-guard";
var uid = () => process.getuid?.();
var stdin = () => readInput(process.stdin);
function logDir() {
  return envPaths("claude-session-guard", { suffix: "" }).log;
}
function log(entry2) {
  appendDecision(logDir(), entry2);
}
function selfInvocation2() {
  return selfInvocation(argv1(), process.execPath, process.env.PATH);
}
function firstShowing2(session, problem) {
  return firstShowing(logDir(), session, problem, Date.now());
}
var processHost = () => ({
  platform: process.platform,
  ppid: process.ppid,
  readFile: (path2) => nodeFs6.readFileSync(path2, "utf8"),
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  },
  ps(pid, field) {
    try {
      const { execFileSync } = process.getBuiltinModule("node:child_process");
      const out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8", timeout: 1e3 });
      return out.trim() || null;
    } catch {
      return null;
    }
  },
  hostname: import_node_os3.hostname
});
function write(fd, text) {
  const data = Buffer.from(text);
  let written = 0;
  while (written < data.length) {
    try {
      written += nodeFs6.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      else throw new OutputError(output.cannotWrite(fd === 1 ? "stdout" : "stderr", code ?? messageOf(error)), "EOUTPUT");
    }
  }
}
function warn(text) {
  try {
    write(2, text);
  } catch {
  }
}

// src/cli.ts
async function main(argv) {
  const [command, ...rest] = argv;
  if (isHookCommand(command) && !rest.some((a) => a === "--help" || a === "-h")) return hook2(command, rest);
  const { runProgram } = await loadOperator();
  return runProgram(argv);
}
async function hook2(command, args) {
  const parsed = parseHookArgs(command, args);
  const env3 = env2();
  const deps = {
    env: env3,
    readInput: stdin,
    clock,
    openStore: () => openStore(chooseStore(env3, runtimeDir(env3), parsed.ok ? parsed.flags.store : void 0), { uid: uid() }),
    host: processHost(),
    log,
    firstShowing: firstShowing2,
    selfInvocation: selfInvocation2,
    readOnlyCommand: await loadClassifier(),
    loadAgent
  };
  const { agent, result } = await runHook(command, parsed, deps);
  const { stdout, stderr } = agent.render(result);
  try {
    if (stdout) write(1, stdout);
  } catch (error) {
    const problem = messageOf(error);
    log({ time: (/* @__PURE__ */ new Date()).toISOString(), event: command, outcome: "fail-open", session: null, workspace: null, error: problem, code: "EOUTPUT" });
    warn(`${output.hookAnswerLost(problem)}
`);
    return 0;
  }
  if (stderr) warn(stderr);
  return 0;
}
function parseHookArgs(command, args) {
  if (args.length === 0) return { ok: true, flags: {} };
  const { parseArgs } = process.getBuiltinModule("node:util");
  let values;
  try {
    ({ values } = parseArgs({ args, options: Object.fromEntries(HOOK_FLAGS.map((f) => [f.name, { type: "string" }])) }));
  } catch {
    const known = new Set(HOOK_FLAGS.map((f) => `--${f.name}`));
    const unknown = args.find((arg) => arg.startsWith("-") && !known.has(arg.split("=")[0])) ?? args.at(-1);
    return { ok: false, problem: input.unknownArgument(unknown, command) };
  }
  const flags = { ok: true, flags: {} };
  for (const flag of HOOK_FLAGS) if (typeof values[flag.name] === "string") flags.flags[flag.key] = values[flag.name];
  return flags;
}
async function loadClassifier() {
  const classifier = true ? () => require((0, import_node_path11.join)(__dirname, "bash.cjs")) : await null.then((loaded) => () => loaded);
  return (command) => classifier().classifyBash(command).readOnly;
}
async function loadAgent(name) {
  const agents = true ? require((0, import_node_path11.join)(__dirname, "agents.cjs")) : await null;
  return agents.AGENTS[name];
}
function loadOperator() {
  return true ? Promise.resolve(require((0, import_node_path11.join)(__dirname, "operator.cjs"))) : null;
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  main
});
