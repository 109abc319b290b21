// One contender of the binary races, forked by processEngine.ts with an IPC channel.
// Usage: processWorker.mjs <plan.json> <worker id>
//
// The plan says which store holds the lock: with `redisUrl` and `lockKey` the worker reads the
// holder from Redis (ioredis, imported only then), otherwise from the lock file at `lockPath`.
// `hosts[id]`, when given, makes the worker a host of its own ({workspace, env} on top of the
// plan's env); otherwise it uses the plan's `workspace` and `env`.
//
// Every round the worker plays the role the plan gives it: it runs its hook commands through the
// built binary (the first one held at the shared start line by barrier.cjs), and when its
// last command is a pretooluse that was allowed it enters the critical section: it appends
// `enter <session> <round>` to the shared log, stays inside until every contender of the round
// has decided (so any second holder is certain to overlap it), appends `exit <session> <round>`
// and, if the role says so, releases with `stop`. The log is appended with O_APPEND and each
// line is written only while the lock is really held (after the allow, before the stop), so the
// order of its lines is the order of events and a replay can prove mutual exclusion.
//
// Messages to the test: {type: "decided"} once its decision is known, {type: "done"} with the
// outcomes at the end of the round. Messages from the test: {type: "setup"} once the round's
// lock is in place, {type: "go"} when the start line opens, {type: "all-decided"} when every
// contender has decided.

import { spawn } from "node:child_process";
import { appendFileSync, closeSync, constants, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";

const [planPath, idText] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, "utf8"));
const id = Number(idText);
const me = plan.hosts?.[id] ?? { workspace: plan.workspace, env: {} };
const redis =
  plan.redisUrl !== undefined && plan.lockKey !== undefined
    ? new (await import("ioredis")).Redis(plan.redisUrl, { maxRetriesPerRequest: 1 })
    : null;

const inbox = [];
const waiting = [];
process.on("message", (message) => {
  const i = waiting.findIndex((w) => w.matches(message));
  if (i >= 0) waiting.splice(i, 1)[0].resolve(message);
  else inbox.push(message);
});

function message(type, round) {
  const matches = (m) => m.type === type && m.round === round;
  const i = inbox.findIndex(matches);
  if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]);
  return new Promise((resolve) => waiting.push({ matches, resolve }));
}

/** Opens a start line (a FIFO the engine holds open): a byte for every hook waiting on it. */
function openGate(path) {
  const fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  try {
    writeSync(fd, Buffer.alloc(64));
  } finally {
    closeSync(fd);
  }
}

function log(kind, session, round) {
  appendFileSync(plan.log, `${kind} ${session} ${round}\n`);
}

function payload(command, session) {
  const base = { session_id: session, transcript_path: join(plan.dir, `${session}.jsonl`), cwd: me.workspace };
  const toolInput = { file_path: join(me.workspace, "notes.md"), content: "race\n" };
  switch (command) {
    case "pretooluse":
      return { ...base, permission_mode: "default", hook_event_name: "PreToolUse", tool_name: "Write", tool_input: toolInput };
    case "posttooluse":
      return {
        ...base,
        permission_mode: "default",
        hook_event_name: "PostToolUse",
        tool_name: "Write",
        tool_input: toolInput,
        tool_response: { filePath: toolInput.file_path, success: true },
      };
    case "stop":
      return { ...base, hook_event_name: "Stop", stop_hook_active: false };
    default:
      throw new Error(`unknown hook command ${command}`);
  }
}

/**
 * The contract's output shapes. A notice (a message for the user and context for Claude, no
 * permissionDecision) is an allow that tells; anything else is reported as it came.
 */
function classify(code, signal, stdout, stderr) {
  if (code !== 0) return { kind: "crash", code, signal, stdout, stderr };
  if (stdout === "" && stderr === "") return { kind: "allow" };
  // A fail-open a session was already shown says so on stderr only.
  if (stdout === "" && /^claude-session-guard:[^\n]*\n$/.test(stderr)) return { kind: "failopen", stdout, stderr };
  let parsed = null;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    // Falls through to "unexpected".
  }
  const specific = parsed?.hookSpecificOutput;
  if (stderr === "" && specific?.permissionDecision === "deny") return { kind: "deny" };
  if (stderr === "" && specific && specific.permissionDecision === undefined && typeof specific.additionalContext === "string") {
    return { kind: "notice", allows: true, stdout };
  }
  if (parsed && Object.keys(parsed).join() === "systemMessage") return { kind: "failopen", stdout, stderr };
  return { kind: "unexpected", stdout, stderr };
}

function runHook(command, session, start) {
  return new Promise((resolve, reject) => {
    const args = start ? ["-r", plan.barrier, plan.bin, command] : [plan.bin, command];
    const env = { ...plan.env, ...me.env, ...(start && { RACE_GATE: start.gate, RACE_READY: start.ready }) };
    const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ command, ...classify(code, signal, stdout, stderr) }));
    child.stdin.end(JSON.stringify(payload(command, session)));
  });
}

/** The lock's session_id as the store has it now: null when there is no lock. */
async function holderNow() {
  if (redis) {
    const value = await redis.get(plan.lockKey);
    if (value === null) return null;
    try {
      return JSON.parse(value).session_id ?? "corrupt";
    } catch {
      return "corrupt";
    }
  }
  try {
    return JSON.parse(readFileSync(plan.lockPath, "utf8")).session_id ?? "corrupt";
  } catch (error) {
    return error.code === "ENOENT" ? null : "corrupt";
  }
}

async function playRound(round) {
  const role = plan.rounds[round][id];
  const { session } = role;
  // A holder that is inside at the start leaves only when the start line opens, and its own
  // hook waits on a private gate opened after that exit line is in the log.
  // `gateOf` makes a hook wait for another worker's private gate instead of the shared line.
  const gate = role.heldAtStart
    ? join(plan.dir, `gate-${round}-${id}`)
    : role.gateOf !== undefined
      ? join(plan.dir, `gate-${round}-${role.gateOf}`)
      : join(plan.dir, `go-${round}`);
  // The round's lock and start lines exist once the engine says "setup", which is after every
  // contender of the previous round is done. A holder is inside from that moment.
  await message("setup", round);
  if (role.heldAtStart) log("enter", session, round);
  const first = runHook(role.steps[0], session, { gate, ready: join(plan.dir, `ready-${round}-${id}`) });
  if (role.heldAtStart) {
    await message("go", round);
    log("exit", session, round);
    openGate(gate);
  }
  const outcomes = [await first];
  for (const step of role.steps.slice(1)) outcomes.push(await runHook(step, session, null));
  const entered = role.steps.at(-1) === "pretooluse" && (outcomes.at(-1).kind === "allow" || outcomes.at(-1).kind === "notice");
  if (entered) log("enter", session, round);
  process.send({ type: "decided", round, id });

  let holderSeen;
  let release = null;
  if (entered) {
    await message("all-decided", round);
    holderSeen = await holderNow();
    log("exit", session, round);
    if (role.release) release = await runHook("stop", session, null);
  }
  process.send({ type: "done", round, id, session, outcomes, entered, holderSeen, release });
}

try {
  for (let round = 0; round < plan.rounds.length; round++) await playRound(round);
} catch (error) {
  process.send({ type: "error", id, error: String(error?.stack ?? error) });
  process.exitCode = 1;
} finally {
  redis?.disconnect();
  process.disconnect();
}
