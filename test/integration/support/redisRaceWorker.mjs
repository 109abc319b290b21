// One contender of the Redis race suite (test/integration/redisRace.test.ts), forked with an IPC
// channel: a "host" of its own (HOME, config dir, workspace path), sharing the workspace id and
// the Redis with every other contender. Usage: redisRaceWorker.mjs <plan.json> <worker id>
//
// Adapted from the file race suite's worker: every round it runs its hook commands through the
// built binary (the first one held at the shared start line by redisRaceBarrier.cjs); when its
// last command is a pretooluse that was allowed it enters the critical section: it appends
// `enter <session> <round>` to the shared log (O_APPEND), stays inside until every contender of
// the round has decided, reads who holds the lock in Redis, appends `exit <session> <round>` and,
// if its role says so, releases with `stop`. Replaying the log proves mutual exclusion.
//
// Messages to the test: {type: "decided"}, then {type: "done"} with the outcomes. From the test:
// {type: "setup"}, {type: "go"}, {type: "all-decided"}, each for a round.

import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Redis } from "ioredis";

const [planPath, idText] = process.argv.slice(2);
const plan = JSON.parse(readFileSync(planPath, "utf8"));
const id = Number(idText);
const me = plan.hosts[id];
const redis = new Redis(plan.redisUrl, { maxRetriesPerRequest: 1 });

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

function log(kind, session, round) {
  appendFileSync(plan.log, `${kind} ${session} ${round}\n`);
}

function payload(command, session) {
  const base = { session_id: session, transcript_path: join(me.workspace, `${session}.jsonl`), cwd: me.workspace };
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

/** The contract's output shapes; a notice is an allow that tells. */
function classify(code, signal, stdout, stderr) {
  if (code !== 0) return { kind: "crash", code, signal, stdout, stderr };
  if (stdout === "" && stderr === "") return { kind: "allow" };
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

async function holderNow() {
  const value = await redis.get(plan.lockKey);
  if (value === null) return null;
  try {
    return JSON.parse(value).session_id ?? "corrupt";
  } catch {
    return "corrupt";
  }
}

async function playRound(round) {
  const role = plan.rounds[round][id];
  const { session } = role;
  const gate = role.heldAtStart ? join(plan.dir, `gate-${round}-${id}`) : join(plan.dir, `go-${round}`);
  if (role.heldAtStart) {
    await message("setup", round);
    log("enter", session, round);
  }
  const first = runHook(role.steps[0], session, { gate, ready: join(plan.dir, `ready-${round}-${id}`) });
  if (role.heldAtStart) {
    await message("go", round);
    log("exit", session, round);
    writeFileSync(gate, "");
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
  redis.disconnect();
  process.disconnect();
}
