// Every sentence a user or Claude reads, in one place, so tests can assert exact text and a
// wording change is one edit. A leaf: templates over strings and numbers, importing nothing;
// the modules that own a domain object (a lock view, a doctor check) turn it into primitives.

export const PREFIX = "claude-session-guard:";
const NAME = "claude-session-guard";

/** 0s, 42s, 4m18s, 2h05m: short, and exact enough for a person deciding whether to wait. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The agent name other agents' session ids start with (`codex:…`); Claude Code's carry none. */
const AGENT_PREFIX = /^(codex|gemini|cursor|copilot):/;

/** The first eight characters of a session id (after its agent's name): what people compare across a denial, status and log. */
export function shortId(sessionId: string): string {
  return printable(sessionId.replace(AGENT_PREFIX, "").slice(0, 8));
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const escapeControl = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;

/**
 * A value from a record, a payload or a log, made safe for a terminal: every control character
 * (an escape sequence that retitles the terminal, a newline that breaks a table) is shown as
 * `\xNN` instead of being sent raw.
 */
export function printable(value: string): string {
  return value.replace(CONTROL, escapeControl);
}

const COLOUR = /(\u001b\[[0-9;]*m)/;

/**
 * A whole text for a terminal: its lines and tabs stay, every other control character is shown as
 * `\xNN`. With `keepColour`, colour sequences (ESC [ digits m, which can change colours and
 * nothing else: no cursor, no title, no clearing) pass as they are.
 */
export function printableText(text: string, keepColour = false): string {
  if (!keepColour) return text.replace(CONTROL_EXCEPT_LINES, escapeControl);
  return text
    .split(COLOUR)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(CONTROL_EXCEPT_LINES, escapeControl)))
    .join("");
}

/** `self`: how to run the guard where the message is read (the hook's `selfInvocation`); the bare name by default. */
export function clearCommand(workspace: string, self = NAME): string {
  return `${self} clear --workspace ${shellQuote(workspace)}`;
}

export function failed(message: string): string {
  return `${PREFIX} ${message}`;
}

/** `session 8a22b5eb (pid 23671)`: a holder as the denial, status and clear name it. */
export function sessionAndPid(sessionId: string, pid: number | string): string {
  return `session ${shortId(sessionId)} (pid ${pid})`;
}

function lostHow(by: string, at: string, reason: "stale" | "cleared" | "idle"): string {
  if (reason === "cleared") return `${by} cleared it at ${at}`;
  if (reason === "idle") return `it sat idle at its prompt and ${by} took over at ${at}`;
  return `it lapsed and ${by} took over at ${at}`;
}

/** A holder as the hook's messages take it: the texts hook/holder.ts builds from a lock record. */
export interface Holder {
  /** The agent that holds it, as a person calls it: "Claude Code", "Codex CLI", … */
  agent: string;
  /** `session "ws-e3" (tmux csgA:@0.%0, working)`, or `session 8a22b5eb (pid 23671)`. */
  who: string;
  /** `session 8a22b5eb (pid 23671)`, with the agent's name when it is not Claude Code. */
  label: string;
  /** `named "ws-e3", in tmux pane csgA:@0.%0 (/dev/pts/3), started in /home/ana/app`, or "". */
  place: string;
  /** `working now`, `waiting for its user's permission`, `idle, kept for its background work`, … */
  doing: string;
  /** `last active 2s ago, lock expires in 4m58s` */
  timing: string;
  /** One line per piece of background work that keeps the lock. */
  work: string[];
}

/** For the first line of a denial: who, where, and what it is doing. */
function holderSummary(holder: Holder): string {
  return [holder.label, holder.place, holder.doing].filter((part) => part !== "").join(", ");
}

/** Everything known about a holder, for a heads-up. */
function holderDetails(holder: Holder): string {
  return `${holderSummary(holder)}, ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}`;
}

/**
 * Another agent's name before its session ("Codex CLI "); nothing for Claude Code, the default,
 * unless the one reading is another agent, who is told it is Claude Code.
 */
function agentPrefix(agent: string | null, reader: string | null = null): string {
  const holder = agent ?? "claude";
  return holder === "claude" && (reader ?? "claude") === "claude" ? "" : `${agentName(holder)} `;
}

/** How a person calls an agent in a holder's name. */
function agentName(agent: string): string {
  return ({ codex: "Codex CLI", gemini: "Gemini CLI", cursor: "Cursor", copilot: "Copilot CLI", claude: "Claude Code" } as Record<string, string>)[agent] ?? agent;
}

/** What the hook commands say: to Claude in a denial or notice, to the user in a warning. */
export const hook = {
  holderLine: (sessionId: string, pid: number, activeAgoMs: number, expiresInMs: number) =>
    `${sessionAndPid(sessionId, pid)}, last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,

  agentName: (agent: string | null) => agentName(agent ?? "claude"),
  holderLabel: (sessionId: string, pid: number, agent: string | null) =>
    agent === null || agent === "claude" ? sessionAndPid(sessionId, pid) : `${agentName(agent)} ${sessionAndPid(sessionId, pid)}`,
  holderPlace: (name: string | null, tmux: string | null, tty: string | null, startDir: string | null) =>
    [
      name !== null ? `named "${printable(name)}"` : null,
      tmux !== null ? `in tmux pane ${printable(tmux)}${tty !== null ? ` (${tty})` : ""}` : tty !== null ? `on ${tty}` : null,
      startDir !== null ? `started in ${printable(startDir)}` : null,
    ]
      .filter((part) => part !== null)
      .join(", "),
  timing: (activeAgoMs: number, expiresInMs: number) => `last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,
  workLine: (type: string, description: string | null, command: string | null, runningMs: number, leftMs: number) =>
    `${type}${description !== null ? ` "${printable(description)}"` : ""}${command !== null && command !== description ? ` (${printable(command)})` : ""}, running for ${duration(runningMs)}, keeps the lock at most ${duration(leftMs)} more`,
  doing: {
    working: "working now",
    waitingPermission: "waiting for its user's permission",
    waiting: (what: string) => `waiting for its user (${printable(what)})`,
    idleWithShell: "idle, with background work still running",
    idleWithWork: "idle, kept for its background work",
    keptForWork: "kept for its background work",
    idle: "idle at its prompt",
    unknown: "",
  },

  /**
   * What a person sees of a denial, and Claude first. Claude Code 2.1.331 shows a denied Write's
   * reason in red, every line, and folds a denied Bash call to its first line (cut at 200
   * characters with its prefix): so the first line alone says who holds the workspace and what to
   * do, in under 170 characters for common names, and the second how to get out.
   */
  denyReason: (tool: string | null, workspace: string, holder: Holder, waitedMs = 0, self = NAME) =>
    [
      `${PREFIX} ${holder.who} holds this workspace, so this ${tool ?? "tool"} was not run. Wait, or use a git worktree.` +
        (waitedMs > 0 ? ` (Waited ${duration(waitedMs)}.)` : ""),
      `Do not work around the lock with another tool or command. If that session is gone or stuck, clear it: ${clearCommand(workspace, self)}`,
    ].join("\n"),
  /** The rest, for Claude only (the hook's additionalContext beside the deny): never shown in the terminal. */
  denyContext: (workspace: string, holder: Holder) =>
    [
      `Workspace: ${workspace}`,
      `Held by: ${holder.label}${holder.place ? `, ${holder.place}` : ""}${holder.doing ? `, ${holder.doing}` : ""}; ${holder.timing} (it renews while that session works).`,
      ...holder.work.map((line) => `Kept for its background ${line}. The lock is released when that work ends and its session's turn finishes; stopping the work in that session releases it sooner.`),
      "The other session's changes would collide with yours: tell the user, and wait, or suggest a separate git worktree (git worktree add).",
    ].join("\n"),
  /** The session by the name and terminal a person knows it by (else its id), its pid when no terminal is known, and its state. */
  holderWho: (agent: string | null, sessionId: string, pid: number, name: string | null, terminal: string | null, state: string, reader: string | null = null) =>
    `${agentPrefix(agent, reader)}session ${name === null ? shortId(sessionId) : `"${printable(name.length > 40 ? `${name.slice(0, 39)}…` : name)}"`} (${[
      terminal !== null ? printable(terminal) : `pid ${pid}`,
      state,
    ]
      .filter((part) => part !== "")
      .join(", ")})`,
  state: {
    working: "working",
    waitingPermission: "waiting for permission",
    waiting: "waiting for its user",
    background: "background work running",
    unknown: "",
  },

  failOpenNotice: (problem: string, self = NAME) =>
    `${PREFIX} not guarding this workspace: ${problem}. Other sessions are not kept out until this is fixed; run \`${self} doctor\`.`,
  failOpenStderr: (problem: string) => `${PREFIX} ${problem} (allowing the tool call)`,

  otherSession: (sessionId: string, pid: number) =>
    `another ${agentName(AGENT_PREFIX.exec(sessionId)?.[1] ?? "claude")} session (session ${shortId(sessionId)}, pid ${pid})`,
  idleHolder: "its session sat idle at its prompt",
  anOperator: "an operator (claude-session-guard clear)",

  lostForUser: (workspace: string, by: string, at: string, reason: "stale" | "cleared" | "idle") =>
    `${PREFIX} this session lost its lock on ${workspace} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`,
  lostForClaude: (workspace: string, by: string, at: string, reason: "stale" | "cleared" | "idle") =>
    `While this session was away, it lost its lock on the workspace ${workspace}: ${lostHow(by, at, reason)}. ` +
    "Another session may have changed, added or deleted files and switched branches since your last turn. " +
    "Before editing, re-read every file you intend to change and re-check `git status`; do not rely on what you read earlier.",

  sessionStartForUser: (workspace: string, holder: Holder) =>
    `${PREFIX} ${holder.who} holds this workspace (${workspace}); ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`,
  sessionStartForClaude: (workspace: string, holder: Holder) =>
    `Another ${holder.agent} session currently holds the lock on this workspace (${workspace}): ${holderDetails(holder)}. ` +
    "Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. " +
    "Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree.",

  internalError: (detail: string) => `internal error (${detail}); please report it`,
};

/** Why a hook could not judge a call: its input, flags or settings. */
export const input = {
  noPayload: "no hook payload on stdin",
  notJson: "the hook payload on stdin is not JSON",
  notObject: "the hook payload on stdin is not a JSON object",
  noSessionId: "the hook payload has no session_id",
  sessionIdTooLong: (length: number, max: number) => `the hook payload's session_id is ${length} characters long, more than the ${max} the guard records`,
  nulInPath: (field: string) => `the hook payload's ${field} contains a NUL byte, which no path can`,
  stdinTimeout: (ms: number) => `no complete hook payload on stdin within ${ms} ms`,
  stdinTooLarge: (bytes: number) => `the hook payload on stdin is larger than ${bytes} bytes`,
  stdinFailed: (detail: string) => `cannot read stdin: ${detail}`,
  unknownArgument: (arg: string, command: string) => `unknown argument "${arg}" for ${command}`,
  unknownAgent: (name: string, known: string) => `unknown agent "${name}" for --agent: use one of ${known}`,
  noField: (field: string) => `the hook payload has no ${field}`,
  noAgentsBundle: (detail: string) => `cannot load the adapters for other agents (dist/agents.cjs): ${detail}`,
  invalidTtl: (source: string, value: string) => `${source} must be a whole number of milliseconds from 1000 to 604800000, got "${value}"`,
  contention: (ms: number) => `the lock kept changing under this hook for ${ms} ms`,
  invalidWait: (value: string) => `--wait must be a whole number of seconds from 0 to 300, got "${value}"`,
};

export const output = {
  cannotWrite: (stream: string, detail: string) => `cannot write to ${stream} (${detail})`,
  hookAnswerLost: (detail: string) =>
    `${PREFIX} ${detail}, so Claude Code gets no answer from this hook and the tool call runs unguarded`,
};

export const workspace = {
  noCwd: "the hook payload has no cwd and CLAUDE_PROJECT_DIR is not set",
  unresolvable: (dir: string, detail: string) => `cannot resolve the workspace directory ${dir}: ${detail}`,
  notDirectory: (path: string) => `the hook payload's cwd ${path} is not a directory`,
};

/** Why a stored record is not a lock: shown by status, doctor and clear. */
export const corrupt = {
  empty: "empty file",
  notJson: "not JSON",
  notObject: "not a JSON object",
  noSessionId: "no session_id",
  noPid: "no valid pid",
  noAcquiredAt: "no valid acquired_at",
  badTtl: "invalid ttl_ms",
  badSchema: "invalid schema_version",
  oversized: (bytes: number) => `larger than ${bytes} bytes`,
  symlink: (target: string) => `a symbolic link to ${target}, which the guard never follows`,
  future: "acquired_at is in the future by more than its TTL",
};

/** The file store's failures. */
export const files = {
  runtimeNotDirectory: (dir: string) => `the runtime directory ${dir} (or a parent of it) is not a directory`,
  runtimeForeign: (dir: string, uid: number) =>
    `the runtime directory ${dir} belongs to uid ${uid}, not to this user, so another user could replace its locks: remove it (or point CLAUDE_CONFIG_DIR elsewhere) and the guard creates its own`,
  runtimeOpen: (dir: string, mode: number) =>
    `the runtime directory ${dir} can be written by other users (mode ${mode.toString(8).padStart(3, "0")}), so they could plant files where the guard writes: chmod 700 ${shellQuote(dir)}`,
  foreignUnreadable: (path: string, uid: number | null) =>
    `the lock ${path} belongs to ${uid === null ? "another user" : `uid ${uid}`} and this user cannot read it: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path)})`,
  foreignLock: (path: string, uid: number | null) =>
    `the lock ${path} belongs to ${uid === null ? "another user" : `uid ${uid}`}, so this user's guard cannot take it over safely: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path)})`,
  recordTooLarge: (bytes: number) => `the lock record would be larger than ${bytes} bytes, more than the guard reads back`,
  cannotRead: (path: string) => `cannot read the lock ${path}`,
  notRegularFile: (path: string) => `the lock ${path} is not a regular file; remove it by hand`,
  cannotWrite: (dir: string) => `cannot write a lock in ${dir}`,
  cannotCreateRuntime: (dir: string) => `cannot create the runtime directory ${dir}`,
  cannotChange: (path: string) => `cannot change the lock ${path}`,
  cannotCreate: (path: string) => `cannot create the lock ${path}`,
  cannotList: (dir: string) => `cannot list ${dir}`,
  cannotLeaveNotice: (dir: string) => `cannot leave a notice in ${dir}`,
  cannotReadNotice: (path: string) => `cannot read the notice ${path}`,
  withCause: (what: string, detail: string) => `${what}: ${detail}`,
};

/** The Redis store's failures; `where` is "the Redis lock store at redis://host:port/db". */
export const redis = {
  storeAt: (display: string) => `the Redis lock store at ${display}`,
  badUrl: (source: string, shown: string, why: string) =>
    `${source} must be a Redis URL, redis://[user:password@]host[:port][/db] or rediss://… for TLS; "${shown}" ${why}`,
  notAUrl: "is not a URL (percent-encode characters such as @ / ? # in the password)",
  badScheme: (scheme: string) => `has the unsupported scheme "${scheme}"`,
  noHost: "has no host",
  queryOrFragment: "has a query or fragment, which the guard does not read",
  badPath: "has a path that is not a database number (percent-encode / ? # @ in a password: %2F %3F %23 %40)",
  userWithoutPassword: "has a user name but no password",
  badEncoding: "has credentials that are not valid percent-encoding",
  noClient: (detail: string) => `cannot load the Redis client (dist/redis.cjs): ${detail}`,
  closed: (where: string) => `${where} was already closed`,
  timedOut: (where: string, ms: number, doing: string) => `${where} did not answer within ${ms} ms (${doing})`,
  refusedCredentials: (where: string, detail: string) => `${where} refused the user name or password in the store URL (${detail})`,
  needsPassword: (where: string) => `${where} requires a password: put it in the store URL, redis://:PASSWORD@host:port`,
  wrongType: (where: string, doing: string) => `${where} holds a key that is not a lock record (${doing}); delete it with redis-cli DEL`,
  notRedis: (where: string, detail: string, source: string) =>
    `${where} does not answer like a Redis server (${detail}); check the host and port in ${source}`,
  failedWhile: (where: string, doing: string, detail: string) => `${where} failed while ${doing}: ${detail}`,
  noConnection: (ms: number) => `no connection within ${ms} ms`,
  unreachable: (where: string, detail: string, source: string) =>
    `cannot reach ${where} (${detail}); check that Redis runs there and that ${source} names it`,
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
    forgettingHeld: "forgetting the locks the session took",
  },
};

/** Settings files, and the JSON reader's account of what is wrong with one. */
export const settings = {
  cannotRead: (path: string, detail: string) => `cannot read ${path}: ${detail}`,
  invalidJson: (path: string, line: number, column: number, problem: string) => `${path} is not valid JSON: line ${line}, column ${column}: ${problem}`,
  notObject: (path: string) => `${path} does not hold a JSON object`,
  readOnly: (path: string, detail: string) => `${path} is read-only (${detail})`,
  directoryReadOnly: (dir: string, detail: string) =>
    `the directory ${dir} is read-only (${detail}), and the settings file in it is replaced by writing a new file there`,
  readOnlyFileSystem: (dir: string) => `${dir} is on a read-only file system`,
  mode: (mode: number) => `mode ${mode.toString(8).padStart(3, "0")}`,
  cannotCreateDir: (dir: string, detail: string) => `cannot create ${dir}: ${detail}`,
  cannotWrite: (path: string, detail: string) => `cannot write ${path}: ${detail}`,
  hooksNotObject: `"hooks" is not an object`,
  eventNotArray: (event: string) => `"hooks.${event}" is not an array`,
  codexTrustBlockOpen: (hooksPath: string) => `its claude-session-guard trust block for ${hooksPath} has no end line`,
  codexTrustInline: "it defines hooks.state inline, where a trust table cannot be added without rewriting it",
  codexTrustRecorded: (key: string) => `it already records another trust for "${key}" (a review in Codex, or an older hook)`,
  json: {
    comment: "a comment (JSON has none)",
    endOfFile: "the end of the file",
    expected: (what: string, found: string) => `expected ${what} but found ${found}`,
    aString: "a string",
    colonAfterName: `":" after a property name`,
    unclosedString: "a string is not closed",
    controlCharacter: "a control character (such as a line break) inside a string",
    badUnicodeEscape: "an invalid \\u escape",
    badEscape: "an invalid escape in a string",
    propertyName: (found: string) => `expected a property name in double quotes but found ${found}`,
    trailingComma: (bracket: "}" | "]") => `a trailing comma before ${bracket}`,
    unexpectedEnd: "unexpected end of the file",
    unexpected: (found: string) => `unexpected ${found}`,
    afterEnd: (found: string) => `unexpected ${found} after the end of the JSON value`,
    invalid: "not valid JSON",
  },
};

/** `--help` texts: one table of commands and flags feeds both entry points. */
export const help = {
  program: "Keep two Claude Code sessions from changing the same workspace at once.",
  version: "print the version",
  commandsHeading: "Commands:",
  hookCommandsHeading: "Hook commands (Claude Code runs these):",
  hookSuffix: "reads one Claude Code hook payload on stdin",
  hooks: {
    pretooluse: "hook: take the workspace lock for this session, or deny the tool call",
    posttooluse: "hook: refresh the lock if this session holds it (PostToolUse, PostToolUseFailure)",
    stop: "hook: release every lock this session holds, except what its background work keeps (Stop, StopFailure, SessionEnd)",
    sessionstart: "hook: tell a new session when another session holds the workspace",
  },
  hookFlags: {
    ttlMs: "lock time-to-live in ms (default 300000, or CLAUDE_SESSION_GUARD_TTL_MS)",
    store: "lock store (default: files in the runtime dir, or CLAUDE_SESSION_GUARD_STORE)",
    wait: "pretooluse: wait up to this many seconds for a held workspace before denying (0 to 300, default 0); keep it below the hook's timeout",
    agent: "the agent whose payload this is and who reads the answer: claude (default, or detected for Cursor and Copilot CLI), codex, gemini, cursor, copilot",
  },
  store: "lock store: redis://[user:password@]host[:port][/db] or rediss://… (default: CLAUDE_SESSION_GUARD_STORE, else files in the runtime dir)",
  status: "show the current directory's workspace lock, or every lock with --all",
  statusAll: "every lock in the store (the runtime dir, or Redis)",
  statusJson: "print a JSON array of {workspace, hash, path, session_id, pid, acquired_at, ttl_ms, age_ms, state}",
  clear: "remove a lock: the current directory's workspace (default), PATH's, every stale one, or all",
  clearWorkspace: "the workspace whose lock to remove",
  clearStale: "every stale, dead or corrupt lock, and leftover temp files",
  clearAll: "every lock, including ones live sessions hold",
  scope: "user (default): <config>/settings.json, every session; project: .claude/settings.json; local: .claude/settings.local.json (for other agents: their user or project hooks file)",
  agent:
    "whose hooks file: claude (default); codex ($CODEX_HOME/hooks.json or .codex/hooks.json, and their trust in $CODEX_HOME/config.toml); " +
    "gemini (~/.gemini/settings.json or .gemini/settings.json); cursor (~/.cursor/hooks.json or .cursor/hooks.json); " +
    "copilot (~/.copilot/hooks/ or .github/hooks/, a claude-session-guard.json of its own)",
  install: "add the guard's hooks to a Claude Code settings file (or another agent's hooks file), keeping everything else",
  uninstall: "remove the guard's hooks (and only those) from a Claude Code settings file (or another agent's hooks file)",
  dryRun: "print what would change and write nothing",
  doctor: "check that this directory is guarded: hook wiring, a live self-test, the lock store; exit 1 on failure",
  doctorSettings: "check only this settings file or plugin hooks.json (repeatable)",
  doctorJson: "print {checks: [{id, status, message, hint}], ok}",
  log: "the most recent decisions: blocks, takeovers, releases, clears, fail-opens, disabled calls",
  logLines: "how many (default 20)",
  logJson: "print the entries as a JSON array",
  wholeNumber: "must be a whole number of at least 1",
  usage: (problem: string, helpCommand: string) => `${failed(problem)}. Run \`${helpCommand}\` for usage.`,
};

const LOCAL_RULE = "**/.claude/settings.local.json";

/**
 * Which sessions a settings file's hooks leave out (see settings/reach.ts): install says it for
 * the scope it wrote, doctor for the wiring it found. `by` names the wiring: "--scope project",
 * "project settings".
 */
export const reach = {
  startOnly: (by: string, root: string, scope: "project" | "local", here: string | null) =>
    `Not guarded with ${by}: sessions started in a subdirectory of ${root}${here === null ? "" : ` (such as ${here})`}, ` +
    `because Claude Code reads ${root}/.claude/${scope === "project" ? "settings.json" : "settings.local.json"} only for sessions started in ${root}; ` +
    `and sessions started elsewhere that change ${root} through --add-dir, because Claude Code never loads hooks from added directories.`,
  repository: (by: string, root: string) =>
    `Not guarded with ${by}: sessions started outside ${root} and its git worktrees that change it through --add-dir, ` +
    `because Claude Code never loads hooks from added directories (sessions started anywhere in the repository read ${root}/.claude/settings.local.json).`,
  // Plain literals at the top level, like every string here, so the hook bundle can leave this object out.
  everySession: "claude-session-guard install (user scope, the default) guards every session.",
};

/** status, clear, log, install and uninstall. */
export const operator = {
  lockNotAFile: (path: string) =>
    `the lock ${path} is not a regular file (a directory?), and the guard never deletes directories: remove it by hand (rm -r ${shellQuote(path)})`,
  noLocks: (where: string) => `No locks in ${where}.`,
  redisStoreName: (display: string) => `the Redis lock store at ${display}`,
  noLockHere: (workspace: string) => `No lock on ${workspace}: no session holds this workspace.`,
  unrecordedWorkspace: (hash: string) => `(not recorded; hash ${hash})`,
  holderCell: (short: string, agent: string, name: string | null) =>
    `${agent === "claude" ? "" : `${agent}:`}${short}${name === null ? "" : ` "${printable(name)}"`}`,
  statusWord: (status: string | null) =>
    status === null ? "" : (({ busy: "working", waiting: "waiting for its user", shell: "idle, background work running", idle: "idle" } as Record<string, string>)[status] ?? printable(status)),
  workCell: (type: string, what: string | null, leftMs: number) => `${type}${what === null ? "" : ` "${printable(what)}"`} (up to ${duration(leftMs)} more)`,
  workspaceNotRecorded: (lockAt: string) => `workspace not recorded, ${lockAt}`,
  lockAt: (path: string) => (/^rediss?:\/\//.test(path) ? `lock ${path}` : `lock file ${path}`),
  expired: "expired",
  corruptState: (reason: string) => `corrupt (${reason})`,

  clearOneScope: "choose one of --workspace, --stale and --all",
  emptyWorkspace: "--workspace needs a path, and it got an empty one (an unset shell variable?); to clear this directory's workspace, leave --workspace out",
  clearedForeign: (path: string) => `Removed the lock file ${path}, which belonged to another user.`,
  nothingToClear: (workspace: string) => `No lock on ${workspace}: nothing to clear.`,
  nothingStale: "No stale, dead or corrupt locks: nothing to clear.",
  nothingAtAll: "No locks: nothing to clear.",
  sweptLeftover: (path: string) => `Removed the leftover file ${path}.`,
  clearBusy: (path: string) => `the lock ${path} kept changing while clear tried to remove it; try again`,
  lastActive: (ms: number) => `, last active ${duration(ms)} ago`,
  clearedHeld: (where: string, holder: string, age: string) =>
    `Removed the lock of ${where}: it was held by ${holder}${age}, a live session. ` +
    "If it is still working it takes the lock again on its next tool call, unless another session gets there first.",
  clearedStale: (where: string, holder: string, age: string) => `Removed the expired lock of ${where} (${holder}${age}).`,
  clearedDead: (where: string, holder: string) => `Removed the lock of ${where} left by ${holder}, whose process has ended.`,
  clearedCorrupt: (lockAt: string, reason: string) => `Removed the unreadable ${lockAt} (${reason}).`,

  invalidCount: (value: string) => `-n must be a whole number of at least 1, got "${value}"`,
  noDecisions: (path: string) => `No decisions logged yet (${path}).`,
  logHolder: (short: string, pid: string, since: string) => `holder ${short} (pid ${pid}) active since ${since}`,

  invalidScope: (value: string) => `unknown scope "${value}": use user, project or local`,
  invalidAgent: (value: string) => `unknown agent "${value}": use claude, codex, gemini, cursor or copilot`,
  runningFromNpx:
    "claude-session-guard is running from npx's cache, which npm may prune, and a hook pointing there would stop working. " +
    "Install it first (`npm install -g .` in a clone of claude-session-guard, or `npm install -g` of a tarball made with `npm pack`), then run install again.",
  absolutePathInShared: (prefix: string) =>
    `Note: claude-session-guard is not on PATH, so the hooks call ${prefix}. Teammates sharing this settings file need the same path; ` +
    "installing it globally (`npm install -g .` in its clone) and running install again writes the bare name instead.",
  unguardedStartOnly: (scope: "project" | "local", root: string, here: string | null) =>
    `${reach.startOnly(`--scope ${scope}`, root, scope, here)} ${reach.everySession}`,
  pluginAlsoEnabled: (id: string, path: string, scope: string) =>
    `Note: the plugin ${id}, enabled in ${path}, runs these hooks too, so every hook would run twice. ` +
    `Keep one: uninstall the plugin (/plugin uninstall ${id}), or undo this with \`claude-session-guard uninstall${scope === "user" ? "" : ` --scope ${scope}`}\`.`,
  unguardedRepository: (root: string) => `${reach.repository("--scope local", root)} ${reach.everySession}`,
  ignoredLocal: (file: string) =>
    `Kept .claude/settings.local.json out of git: added the rule ${LOCAL_RULE} to ${file}, git's global excludes file, as Claude Code does when it writes that file.`,
  wouldIgnoreLocal: (file: string) => `Would add the rule ${LOCAL_RULE} to ${file} (git's global excludes file), to keep .claude/settings.local.json out of git.`,
  localTracked:
    "Note: git tracks .claude/settings.local.json, so ignore rules do not apply to it; to keep it to yourself, untrack it: git rm --cached .claude/settings.local.json",
  ignoreUnread: (file: string) =>
    `Note: ${file} has the rule ${LOCAL_RULE}, but git does not read that file here, so .claude/settings.local.json is not ignored; check core.excludesFile in your git config.`,
  ignoreFailed: (file: string, detail: string) =>
    `Note: could not add ${LOCAL_RULE} to ${file} (${detail}); add it to an ignore file yourself to keep .claude/settings.local.json out of git.`,
  removedEmptyFile: (path: string) => `Removed ${path}: nothing else was in it.`,
  wouldRemoveEmptyFile: (path: string) => `Would remove ${path}: nothing else is in it.`,
  removedEmptyDirectory: (dir: string) => `Removed the empty directory ${dir}.`,
  settingsShape: (path: string, problem: string) => `${path}: ${problem}; left untouched, fix it by hand`,
  alreadyInstalled: (path: string) => `Nothing to change: the guard's hooks are already installed in ${path}.`,
  nothingToUninstall: (path: string) => `Nothing to change: ${path} has no guard hooks.`,
  wouldChange: (path: string) => `Would change ${path}:`,
  installed: (path: string) => `Installed the guard's hooks in ${path}:`,
  uninstalled: (path: string) => `Removed the guard's hooks from ${path}:`,
  added: (event: string, command: string) => `  + ${event}: ${command}`,
  updated: (event: string, previous: string, command: string) => `  ~ ${event}: ${previous} -> ${command}`,
  movedToOwnGroup: (event: string, command: string) => `  ~ ${event}: ${command} (moved to its own matcher group)`,
  timeoutSet: (event: string, command: string) => `  ~ ${event}: ${command} (timeout set)`,
  removed: (event: string, command: string, why: "duplicate" | "wrong-event" | null) =>
    `  - ${event}: ${command}${why === "duplicate" ? " (duplicate)" : why === "wrong-event" ? " (wrong event)" : ""}`,
  dryRunNothingWritten: "Dry run: nothing was written.",
  runningSessionsKeepHooks: "Sessions already running keep the hooks they started with; new sessions pick up the change.",
  settingsInvalidJson: (message: string) => `${message}. Left untouched: fix it by hand and run the command again.`,
  agentScope: (agent: string) => `the local scope is Claude Code's (.claude/settings.local.json); for ${agent} use user (the default) or project`,
  trustRecorded: (config: string) => `  + trust for these hooks in ${config} (as Codex CLI's own /hooks review records it)`,
  trustRemoved: (config: string) => `  - their trust in ${config}`,
  trustFailed: (config: string, why: string) =>
    `Could not record the hooks' trust in ${config}: ${why}. Codex CLI skips hooks it does not trust without a word, so it is not guarded yet: ` +
    "start codex in this directory, open /hooks and trust the claude-session-guard hooks (or fix the file and run install again).",
  codexProjectUntrusted: (root: string, config: string) =>
    `Note: Codex CLI reads ${root}/.codex/ only in a project it trusts, and ${config} does not mark ${root} trusted: ` +
    "start codex there and trust the project when it asks (or install for every project, without --scope project).",
  geminiHooksOff: (path: string) => `Note: ${path} turns Gemini CLI's hooks off (hooksConfig.enabled is false), so these hooks do not run until it is true.`,
  settingsReadOnly: (path: string, message: string) =>
    `${message}. Left untouched: make it writable (chmod u+w ${shellQuote(path)}) and run the command again, or add the hooks by hand (see settings.example.json).`,
};

export const doctor = {
  line: (status: string, id: string, message: string, hint: string | null) =>
    `${status.padEnd(4)}  ${id}: ${message}${hint ? ` — fix: ${hint}` : ""}`,
  allGood: "All checks passed: new Claude Code sessions in this directory are guarded.",
  agentsGood: "All checks of the other agents' wiring passed: their new sessions are guarded.",
  someFailed: "Some checks failed: this directory is not (fully) guarded. Fix the lines marked FAIL and run doctor again.",
  passedWithWarnings: (count: number) =>
    `No check failed, but read the ${count === 1 ? "line" : `${count} lines`} marked WARN: each says where sessions may not be guarded, or what may go wrong.`,
  notInstalled: (install: string) =>
    `${NAME} is not installed for sessions started here: no settings file Claude Code reads here runs it, and no session-guard plugin is enabled. To guard every session: ${install}`,
  notGuardedHere: (root: string, here: string, install: string) =>
    `Sessions started here are not guarded: the guard's hooks are in ${root}/.claude/settings.json, which Claude Code reads only for sessions started in ${root}, not in ${here}. To guard every session: ${install}`,
  runningSessions: "Sessions already running keep the hooks they started with: restart them after changing the wiring.",

  sourceRead: (label: string, path: string, count: number) =>
    `${label} settings ${path}: ${count === 0 ? "no guard hooks" : `${count} guard hook${count === 1 ? "" : "s"}`}`,
  sourceMissing: (label: string, path: string) => `${label} settings ${path}: not present`,
  givenMissing: (path: string) => `${path} does not exist`,
  givenMissingHint: "check the path given to --settings",
  fixJsonHint: "fix the file by hand (Claude Code ignores a settings file it cannot parse)",
  hooksNotObject: (path: string) => `${path}: "hooks" is not an object, so Claude Code cannot read its hooks`,
  fixByHand: "fix the file by hand",
  pluginNotFound: (id: string) => `plugin ${id} is enabled but its installed files were not found`,
  pluginNotFoundHint: (id: string) => `reinstall it (/plugin install ${id}), or check it with --settings <plugin dir>/hooks/hooks.json`,

  runInstall: `run \`claude-session-guard install\`, or enable the session-guard plugin`,
  notRegistered: (event: string, sub: string) => `no ${event} hook runs \`${NAME} ${sub}\``,
  uncovered: (event: string, sub: string, tools: string, matchers: string) =>
    `${event} \`${sub}\` does not run for ${tools} (matcher ${matchers}), so those calls are not guarded`,
  matcherHint: `set the matcher to "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree", or run \`claude-session-guard install\``,
  invalidMatcherHint: `the matcher is not a valid regular expression, so it matches nothing; set it to "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree"`,
  covered: (event: string, sub: string, tools: string, where: string) => `${event} runs \`${sub}\` for ${tools} (${where})`,
  asyncPreToolUse: (where: string) => `PreToolUse \`pretooluse\` is marked "async" (${where}), so it cannot deny anything`,
  removeAsync: `remove "async": true from the hook, or run \`claude-session-guard install\``,
  lifecycleOk: (event: string, sub: string, where: string) => `${event} runs \`${sub}\` (${where})`,
  sessionEndFiltered: (matchers: string) =>
    `SessionEnd \`stop\` only runs for end reasons matching ${matchers}; sessions ending otherwise keep the lock until it expires`,
  dropMatcher: "remove the matcher from the SessionEnd group",
  placementOk: "every guard hook sits under the event it is made for",
  misplacedOne: (sub: string, event: string, where: string) => `${sub} under ${event} (${where})`,
  misplaced: (list: string) => `guard commands under the wrong event: ${list}`,
  reachEvery: (where: string) => `the guard's hooks reach every session of this user (${where})`,
  reachHint: "run `claude-session-guard install` (user scope, the default) to guard every session",
  noDuplicates: "each guard hook is registered once",
  identicalRunOnce: "each guard hook runs once per call (the same command in several settings files runs once, as Claude Code runs it)",
  duplicateOne: (key: string, count: number, where: string) => `${key} runs ${count} times (${where})`,
  duplicates: (list: string) =>
    `the guard runs more than once per call, since Claude Code runs each different command (and the plugin's hooks) on its own: ${list}`,
  duplicatesHint: "keep one wiring: the plugin, or the same command line in every settings file (run `claude-session-guard install` for each scope, or uninstall from the others)",
  noHooksForTimeout: "no guard hooks, so no timeouts to check",
  timeoutInvalid: (list: string) => `invalid timeout (seconds, a positive number): ${list}`,
  timeoutMissing: (list: string) =>
    `no timeout set for ${list}; a hook that hangs would hold up the session for Claude Code's default hook timeout`,
  timeoutOdd: (list: string) =>
    `unusual timeout for ${list}; under 2 s a busy hook may be killed (the call then runs unguarded), over 60 s a stuck one holds up the session`,
  timeoutHint: `set "timeout": 5 on the guard's hooks, or run \`claude-session-guard install\``,
  timeoutUnderWait: (list: string, margin: number) =>
    `a pretooluse hook may wait longer than Claude Code lets it run (${list}): killed at its timeout, it lets the tool run unguarded; the timeout must exceed the wait by ${margin} s`,
  timeoutUnderWaitHint: (margin: number) => `set that hook's "timeout" to its --wait plus at least ${margin} (10 is comfortable), or lower --wait`,
  timeoutOk: (values: string) => `timeouts set (${values})`,
  noSessionStart: "no SessionStart hook (optional: it only announces the lock at session start)",

  nothingToRun: "no guard hook is registered, so there is no command to run",
  notExecutable: (program: string, event: string, source: string) => `\`${program}\` (from ${event} in ${source}) is not an executable on PATH`,
  scriptMissing: (script: string, event: string, source: string) => `${script} (from ${event} in ${source}) does not exist`,
  notExecutableHint: "install it globally (`npm install -g .` in a clone of claude-session-guard) and run `claude-session-guard install` again",
  cannotParse: (commands: string) => `cannot tell what these commands run: ${commands}`,
  cannotParseHint: "use a plain command line (no pipes or substitutions), as install writes it",
  executableOk: (programs: string) => `the hooks run ${programs}`,

  selfTestNoPre: "no PreToolUse `pretooluse` hook to test",
  selfTestFailed: (command: string, event: string, expectsDenial: boolean, problem: string) =>
    `\`${command}\` as ${event} (expecting ${expectsDenial ? "a denial" : "a silent allow"}): ${problem}`,
  selfTestHint: "run the command by hand with a payload on stdin to see what it does; reinstall if it is outdated",
  selfTestOk: (steps: number, ms: number) =>
    `${steps} synthetic hook calls in a throwaway workspace answered as the contract says: the first session was allowed, a second denied, then released (${ms} ms)`,
  couldNotStart: (error: string) => `could not start: ${error}`,
  timedOut: "did not answer within its timeout",
  exitCode: (code: number | null, firstStderrLine: string) =>
    `exited with ${code === null ? "a signal" : code}${firstStderrLine ? `: ${firstStderrLine}` : ""}`,
  notJson: (out: string) => `printed something that is not JSON: ${out.slice(0, 120)}`,
  failedOpen: (message: string) => `the hook failed open: ${message}`,
  allowNotEmpty: (out: string) => `an allow must print nothing, but it printed ${out.slice(0, 120)}`,
  notADenial: (out: string) => `expected a PreToolUse deny object, got ${out === "" ? "nothing (an allow)" : out.slice(0, 120)}`,
  denialWithoutReason: "the denial carries no permissionDecisionReason",

  runtimeDirOk: (dir: string, created: boolean) => `runtime dir ${dir} is writable${created ? " (created it)" : ""}`,
  runtimeDirNotDirectory: (dir: string) => `runtime dir ${dir} is not a directory, so every hook fails open (allows everything)`,
  runtimeDirNotDirectoryHint: (dir: string) => `move it out of the way (mv ${shellQuote(dir)} ${shellQuote(`${dir}.bak`)}) and the guard creates the directory, or point CLAUDE_CONFIG_DIR elsewhere`,
  runtimeDirForeign: (dir: string, uid: number) => `runtime dir ${dir} belongs to uid ${uid}, not to this user, so every hook refuses it and fails open`,
  runtimeDirForeignHint: (dir: string) => `remove it (the guard creates its own, 0700), or point CLAUDE_CONFIG_DIR at a directory of yours: ${shellQuote(dir)}`,
  runtimeDirOpen: (dir: string, mode: string) => `runtime dir ${dir} can be written by other users (mode ${mode}), so every hook refuses it and fails open`,
  runtimeDirOpenHint: (dir: string) => `chmod 700 ${shellQuote(dir)}`,
  noStaleNotices: "no lost-lock notices older than a day are waiting",
  staleNotices: (count: number) => `${count} lost-lock notice${count === 1 ? "" : "s"} older than a day wait${count === 1 ? "s" : ""} for sessions that never came back`,
  staleNoticesHint: "claude-session-guard clear --stale",
  foreignLockHint: "claude-session-guard clear --stale (it removes lock files of other users from this user's runtime dir)",
  lockCorrupt: (workspace: string, reason: string, inStore: string) => `the lock on ${workspace}${inStore} is corrupt (${reason}); the next session takes it over`,
  runtimeDirUnusable: (dir: string, detail: string) => `runtime dir ${dir} is not usable: ${detail}`,
  runtimeDirHint: (dir: string) => `make ${dir} a directory you can write to (chmod u+rwx), or point CLAUDE_CONFIG_DIR elsewhere`,

  noLock: (workspace: string, inStore: string) => `no lock on ${workspace}${inStore}`,
  lockHeld: (workspace: string, holder: string, agoMs: number, inStore: string) =>
    `${workspace} is held by ${holder}, last active ${duration(agoMs)} ago${inStore}`,
  lockLeftOver: (state: string, workspace: string, inStore: string) => `a ${state} lock is left on ${workspace}${inStore}; the next session takes it over`,
  inStore: (where: string) => ` in ${where}`,
  clearHint: (workspace: string) => clearCommand(workspace),
  lockUnreadable: (detail: string) => `the lock cannot be read, so every hook here fails open: ${detail}`,
  lockUnreadableHint: (path: string) => `remove it by hand: rm -r ${shellQuote(path)}`,

  rootNotRead: (root: string, here: string) =>
    `${root}/.claude/settings.json has the guard's hooks too, but Claude Code reads it only for sessions started in ${root}, not in ${here}; the files above guard sessions started here`,

  storeUrlInvalid: (message: string) => `${message}, so every hook started from here fails open (allows everything)`,
  storeUrlHint: "fix CLAUDE_SESSION_GUARD_STORE (the URL forms are in the message), or unset it to keep locks in files",
  redisOk: (display: string, ms: number) => `the Redis lock store at ${display} answers (read this workspace's lock in ${ms} ms)`,
  redisUnreachable: (problem: string) => `${problem}; until it answers, every hook fails open (allows everything)`,
  redisUnreachableHint: (display: string, source: string) =>
    `start Redis at ${display} or make it reachable from here, or fix the host, port and password in ${source}`,
  workspaceIdMissing:
    "CLAUDE_SESSION_GUARD_WORKSPACE_ID is not set, so the Redis lock is keyed on this host's path of the workspace: " +
    "hosts that mount the workspace at different paths will not see each other's locks",
  workspaceIdHint:
    "export CLAUDE_SESSION_GUARD_WORKSPACE_ID to one name for this workspace on every host (e.g. acme/web-app); leave it unset only if every host sees the workspace at the same path",
  workspaceIdSet: (id: string, key: string) =>
    `CLAUDE_SESSION_GUARD_WORKSPACE_ID is ${JSON.stringify(id)}: every host that sets the same id shares this workspace's lock (${key})`,

  agentInstallHint: (agent: string, scope: string) => `run \`claude-session-guard install --agent ${agent}${scope === "project" ? " --scope project" : ""}\``,
  agentFile: (name: string, path: string, count: number) => `${name} hooks ${path}: ${count} guard hook${count === 1 ? "" : "s"}`,
  agentHooksOk: (name: string, tools: string) => `${name} runs every guard hook, naming its agent, for ${tools}`,
  agentHooksMissing: (name: string, problems: string) => `${name} is not fully guarded: ${problems}`,
  agentNoHook: (event: string, sub: string) => `no ${event} hook runs \`${sub}\``,
  agentNotNamed: (event: string, sub: string, agent: string) => `${event} \`${sub}\` lacks --agent ${agent}, so its answers are not in the agent's shape`,
  agentUncovered: (event: string, sub: string, tools: string) => `${event} \`${sub}\` does not run for ${tools}`,
  agentTimeouts: (list: string, unit: string) => `missing or unusual timeouts (${unit}): ${list}`,
  geminiHooksOff: (path: string) => `${path} turns Gemini CLI's hooks off (hooksConfig.enabled is false), so none of them runs`,
  geminiHooksOffHint: `set "hooksConfig": {"enabled": true}, or remove the key`,
  codexTrusted: (config: string) => `Codex CLI trusts the guard's hooks (${config})`,
  codexUntrusted: (count: number, config: string) =>
    `${count} of the guard's hooks ${count === 1 ? "is" : "are"} not trusted in ${config}, and Codex CLI skips untrusted hooks without a word`,
  codexUntrustedHint: (scope: string) =>
    `run \`claude-session-guard install --agent codex${scope === "project" ? " --scope project" : ""}\` again (it records their trust), or trust them in Codex with /hooks`,
  codexProjectUntrusted: (root: string, config: string) => `${config} does not mark ${root} a trusted project, so Codex CLI ignores its .codex/ (hooks included)`,
  codexProjectUntrustedHint: (root: string) => `start codex in ${root} and trust the project when it asks, or install for every project: claude-session-guard install --agent codex`,

  disabled: (value: string) =>
    `CLAUDE_SESSION_GUARD_DISABLE=${printable(value)} is set here: hooks started from this environment allow everything, so sessions started from it are not guarded`,
  disabledHint: "unset CLAUDE_SESSION_GUARD_DISABLE",
  disableNotASwitch: (value: string) =>
    `CLAUDE_SESSION_GUARD_DISABLE=${JSON.stringify(value)} is not an on/off value (1, true, yes, on turn the guard off; 0, false, no, off keep it on), so the guard stays on`,
  disableNotASwitchHint: "unset it, or set it to 1 to turn the guard off",
};
