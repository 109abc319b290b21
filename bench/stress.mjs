#!/usr/bin/env node
// `npm run stress -- --seconds 60`: a bounded stress run of the shipped guard (bin/ and dist/, as
// users run them) on one workspace, in a throwaway HOME and CLAUDE_CONFIG_DIR. The race suite
// proves each race round by round; this leaves the guard under sustained, unordered load for a
// while (real processes, threads, kills, stale and dead holders) and checks that nothing it
// promises gives way. Not part of `npm test`; its exit status makes it usable as a check.
//
// Every session has a Claude Code process of its own (its CLAUDE_PID): a `sleep` started for it,
// alive for the whole run unless the run kills it on purpose. The run has three phases, on one
// workspace and one lock:
//
// 1. Contention (80% of --seconds). --contenders sessions (with --mode both, half of them in each
//    mode) loop: `pretooluse` with the session's own id; when allowed (an allow, or a notice),
//    append `enter <session> <n>` to a shared log, hold for a short random time, append
//    `exit <session> <n>`, then `stop`. The log is appended with O_APPEND and each line is written
//    only while the lock is surely held (after the allow, before the stop), so the log's order is
//    the order of holds, and its replay finds every moment two sessions were inside at once (the
//    logic of overlaps() in test/race/support/harness.ts).
//    - process: every call is a process of bin/claude-session-guard.js with the payload on its
//      stdin, as Claude Code runs a hook. One call in 10 is SIGKILLed mid-flight, aimed at the
//      last 30 ms of its expected run, where the hook does its file-system steps; after each
//      kill the lock file, if there is one, must still be a whole record.
//    - inprocess: worker threads, each of which loads dist/cli.cjs once and calls its exported
//      main([command]) per call, with process.stdin replaced by a stream holding the payload and
//      fs.writeSync caught for fds 1 and 2 (where the bundle writes its answer). The same lock
//      code on the same files, without a Node start per call: this is where the volume comes from.
// 2. Stale holder (10%, processes). A session takes the lock with --ttl-ms (default 1000) and goes
//    silent: it never refreshes nor releases, and its process lives, so only the TTL can free the
//    lock. Contenders keep asking; the gap from the holder's acquired_at to the first taker's own
//    acquired_at (the instant it judged the lock stale) must exceed the TTL.
// 3. Dead holder (the rest, processes). A session takes the lock, and its process is SIGKILLed
//    while contenders are being denied. The latency runs from the kill to the first contender's
//    allow as this script receives it (one hook run included).
// A phase runs at least one round. At the end the log is replayed, the lock file is checked once
// more, and `clear --stale` runs with the run's environment to sweep the temp and claim files that
// killed hooks left beside the lock. It sweeps only files older than a minute (a live writer's are
// younger), so most of a short run's leftovers are kept, not swept; an older one kept is a failure.
// A hard deadline (--seconds + the TTL + 15 s) kills whatever is still running and fails the run.
//
// Reading the summary (counts cover all three phases):
//   acquisitions     allowed pretooluse calls, per mode: the critical sections entered
//   denials          pretooluse calls denied because another session held the lock
//   double holders   entries into the critical section while another session was inside: must be 0
//   fail-opens       calls that let the tool run unguarded. "contention": the hook gave up after its
//                    1.5 s budget (the lock kept changing). Those that end while a killed hook's
//                    claim is still on the lock are its documented cost (decision 0001: such a claim
//                    is waited out for 3 s) and are shown apart; any other must not happen.
//   crashes          a non-zero exit, or output in none of the contract's shapes: must be 0
//   stale takeovers  phase 2 rounds taken over, the shortest gap, and takeovers at or before the
//                    TTL ("early": must be 0)
//   dead takeovers   phase 3 rounds taken over, and the latency from the kill (p50, max)
//   killed hooks     processes SIGKILLed mid-flight; "partial records" (a lock file that is not a
//                    whole record, after a kill or at the end) must be 0; "claims left on the lock"
//                    are kills that landed inside a claim
//   leftover files   temp and claim files beside the lock at the end, and what `clear --stale` did
// Any failure is listed under FAILED: a double holder, a crash, a partial record, an early or a
// missing takeover, an unexplained contention fail-open, a broken log, the hard deadline. Exit
// status 1 then, 0 otherwise; 2 for a bad flag.
//
// Holds are serialized by the lock, so the sum of all holds cannot exceed the run's length: holds
// drawn uniformly from 0-20 ms (mean 10 ms) would cap a minute at 6,000 acquisitions on any
// machine. They are drawn from 0-20 ms skewed towards short ones (mean 2.5 ms), so that the
// turnover of the lock, not the holds, sets the pace.

import { spawn } from "node:child_process";
import { appendFileSync, lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { basename, dirname, join } from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { classify, ensureBuilt, makeArena } from "./cases.mjs";

/** The phases' shares of --seconds; the dead-holder phase has the rest. */
const CONTENTION_SHARE = 0.8;
const STALE_SHARE = 0.1;
const HOLD_MAX_MS = 20;
/** A denied session asks again after a pause of up to this. */
const DENIED_PAUSE_MAX_MS = 10;
/** Share of contention-phase process calls SIGKILLed, within the last KILL_WINDOW_MS of their expected run. */
const KILL_SHARE = 0.1;
const KILL_WINDOW_MS = 30;
/** How many recent runs of a command give its expected length. */
const RUNS_REMEMBERED = 25;
/**
 * A claim left by a killed claimant keeps contenders waiting until it is this old
 * (claimStaleMs in src/lock/fileStore.ts); a hook gives up after CONTENTION_BUDGET_MS of that.
 */
const CLAIM_STALE_MS = 3000;
const CONTENTION_BUDGET_MS = 1500;
/** How long a stale round waits past the TTL, and a dead round past the kill, for a taker. */
const TAKEOVER_WAIT_MS = 5000;
/** The dead holder is killed this long (plus up to as much again) after its contenders start. */
const DEAD_KILL_AFTER_MS = 150;
/**
 * Past the run's length (and one stale holder's TTL): time for the last round and the calls in
 * flight, then everything still running is killed.
 */
const GRACE_MS = 15_000;
/** `clear --stale` sweeps leftovers older than this (SWEEP_OLDER_THAN_MS in src/commands/clear.ts). */
const SWEEP_AGE_MS = 60_000;
const SAMPLES_KEPT = 5;

const MODES = ["process", "inprocess"];
/** Counters kept per mode in shared memory, so a worker's figures survive its termination. */
const COUNTERS = ["calls", "acquisitions", "denials", "failopenContention", "failopenOther", "crashes", "kills"];

const USAGE = `Usage: node bench/stress.mjs [options]   (npm run stress -- [options])

  --seconds S        length of the run, all phases together (default 60, at least 5)
  --contenders N     contending sessions (default 8, at least 2); with --mode both, half
                     of them run as processes and half in process
  --mode M           process, inprocess or both (default both), for the contention phase;
                     the stale and dead phases run N process-mode sessions whatever the mode
  --ttl-ms N         the stale holder's TTL (default 1000, at least 1000)
  --json             print the summary as JSON too
  --keep             keep the temp directory (HOME, runtime dir, log) and print its path
  -h, --help         this text`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "60" },
      contenders: { type: "string", default: "8" },
      mode: { type: "string", default: "both" },
      "ttl-ms": { type: "string", default: "1000" },
      json: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const whole = (name, min) => {
    const n = Number(values[name]);
    if (!/^\d+$/.test(values[name]) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got "${values[name]}"`);
    return n;
  };
  const modes = values.mode === "both" ? MODES : MODES.filter((m) => m === values.mode);
  if (modes.length === 0) throw new Error(`--mode must be process, inprocess or both, got "${values.mode}"`);
  return {
    help: values.help,
    seconds: whole("seconds", 5),
    contenders: whole("contenders", 2),
    modes,
    ttlMs: whole("ttl-ms", 1000),
    json: values.json,
    keep: values.keep,
  };
}

// ---------------------------------------------------------------------------------------------
// What both modes share: the payloads, the reading of an answer, the counters, the contender loop.

function payload(command, session, workspace) {
  const base = { session_id: session, cwd: workspace };
  if (command === "stop") return JSON.stringify({ ...base, hook_event_name: "Stop", stop_hook_active: false });
  return JSON.stringify({
    ...base,
    permission_mode: "default",
    hook_event_name: "PreToolUse",
    tool_name: "Write",
    tool_input: { file_path: join(workspace, "notes.md"), content: "stress\n" },
  });
}

/**
 * The contract's output shapes (classify of bench/cases.mjs), with a fail-open held to its whole
 * shape: only a systemMessage starting with the guard's name on stdout (or nothing, once the session
 * was shown the problem), and exactly one stderr line starting with it. Anything else is a crash.
 */
function outcome(code, stdout, stderr) {
  const kind = classify(code, stdout, stderr);
  const detail = `exit ${code}: ${stdout}${stderr}`.slice(0, 600);
  if (kind === "failopen") {
    const shaped = (stdout === "" || JSON.parse(stdout).systemMessage?.startsWith("claude-session-guard:")) && /^claude-session-guard:[^\n]*\n$/.test(stderr);
    if (!shaped) return { kind: "crash", detail };
    return { kind, contention: /kept changing/.test(stdout + stderr), detail: stderr.trim() };
  }
  if (kind === "crash" || kind === "unexpected") return { kind: "crash", detail };
  return { kind };
}

const allowed = (result) => result.kind === "allow" || result.kind === "notice";

function newTally() {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * COUNTERS.length * MODES.length));
}

function bump(tally, mode, counter) {
  Atomics.add(tally, MODES.indexOf(mode) * COUNTERS.length + COUNTERS.indexOf(counter), 1);
}

function counted(tally, mode, counter) {
  return Atomics.load(tally, MODES.indexOf(mode) * COUNTERS.length + COUNTERS.indexOf(counter));
}

/** Counts one call's outcome; `sample` receives the text of every fail-open and crash. */
function noteCall(tally, mode, command, result, sample) {
  bump(tally, mode, "calls");
  if (command === "pretooluse" && allowed(result)) bump(tally, mode, "acquisitions");
  else if (result.kind === "deny") bump(tally, mode, "denials");
  else if (result.kind === "failopen") bump(tally, mode, result.contention ? "failopenContention" : "failopenOther");
  else if (result.kind === "crash") bump(tally, mode, "crashes");
  else if (result.kind === "killed") bump(tally, mode, "kills");
  if (result.kind === "failopen" || result.kind === "crash") {
    sample({ kind: result.kind, contention: result.contention === true, at: Date.now(), mode, command, detail: result.detail });
  }
}

/**
 * A hold drawn from 0-HOLD_MAX_MS, skewed towards short ones: mean 2.5 ms, a third over 1 ms, one
 * in ten over 10 ms (see the note at the top on why not uniform).
 */
function holdMs() {
  return HOLD_MAX_MS * Math.random() ** 7;
}

/**
 * One session's loop, in either mode: ask, and when allowed log `enter`, hold, log `exit`, release.
 * `arm(command, session)` gets a call ready and returns the function that makes it: the release
 * is armed as soon as the lock is granted (in process mode its process starts during the hold
 * and waits for its payload) and made right after the exit line. A denied session pauses briefly
 * before it asks again. `inside(session)` runs right after the enter line (the phases' probes);
 * `hold()` waits for the hold. The last call is a `stop` that is never killed, so the session
 * leaves no lock behind.
 */
async function contend({ arm, session, running, log, note, hold, inside = () => {} }) {
  for (let n = 1; running(); n++) {
    const asked = await arm("pretooluse", session)();
    note("pretooluse", asked);
    if (asked.kind === "deny") await sleep(Math.random() * DENIED_PAUSE_MAX_MS);
    if (!allowed(asked)) continue;
    const release = arm("stop", session);
    appendFileSync(log, `enter ${session} ${n}\n`);
    inside(session);
    await hold();
    appendFileSync(log, `exit ${session} ${n}\n`);
    note("stop", await release());
  }
  note("stop", await arm("stop", session, { last: true })());
}

/**
 * Every moment two distinct sessions were inside at once, and every line that breaks the log's
 * form, from `enter|exit <session> <n>` lines in the order they happened (the logic of overlaps()
 * in test/race/support/harness.ts).
 */
function replay(log) {
  const inside = new Map();
  const doubles = [];
  const broken = [];
  const lines = log.split("\n").filter((line) => line !== "");
  lines.forEach((line, index) => {
    const [kind, session, n] = line.split(" ");
    if (session === undefined || n === undefined || (kind !== "enter" && kind !== "exit")) {
      broken.push(`log line ${index + 1}: malformed "${line}"`);
      return;
    }
    const depth = inside.get(session) ?? 0;
    if (kind === "enter") {
      const others = [...inside].filter(([s, d]) => s !== session && d > 0).map(([s]) => s);
      if (others.length > 0) doubles.push(`log line ${index + 1}: ${session} entered (${n}) while ${others.join(", ")} inside`);
      inside.set(session, depth + 1);
    } else if (depth === 0) {
      broken.push(`log line ${index + 1}: ${session} exited (${n}) without entering`);
    } else {
      inside.set(session, depth - 1);
    }
  });
  for (const [session, depth] of inside) if (depth > 0) broken.push(`${session} never exited`);
  return { lines: lines.length, doubles, broken };
}

// ---------------------------------------------------------------------------------------------
// inprocess mode: a worker thread runs one session on the bundle loaded in it.

/**
 * A hook call on the bundle loaded in this thread: stdin replaced by a stream holding the payload,
 * fs.writeSync caught for fds 1 and 2 (world.write in src/world.ts writes the answer with it; the
 * bundle reads node:fs through live getters, so the patch reaches it), and main's exit code.
 */
function inprocessCaller(bundle, workspace) {
  const require = createRequire(import.meta.url);
  const fs = require("node:fs");
  const writeSync = fs.writeSync;
  let captured = { 1: [], 2: [] };
  fs.writeSync = function captureAnswer(fd, data, ...rest) {
    if (fd !== 1 && fd !== 2) return writeSync.call(this, fd, data, ...rest);
    const bytes = typeof data === "string" ? Buffer.from(data, typeof rest[1] === "string" ? rest[1] : "utf8") : bufferSlice(data, rest);
    captured[fd].push(Buffer.from(bytes));
    return bytes.length;
  };
  const { main } = require(bundle);
  return (command, session) => async () => {
    captured = { 1: [], 2: [] };
    Object.defineProperty(process, "stdin", { value: Readable.from([Buffer.from(payload(command, session, workspace))]), configurable: true });
    let code;
    try {
      code = await main([command]);
    } catch (error) {
      // What the shim would do: an internal error on stderr, exit 1.
      return { kind: "crash", detail: `main() threw: ${error?.stack ?? error}`.slice(0, 600) };
    }
    return outcome(code, Buffer.concat(captured[1]).toString("utf8"), Buffer.concat(captured[2]).toString("utf8"));
  };
}

/** The bytes fs.writeSync(fd, buffer, offset, length) would write. */
function bufferSlice(data, [offset = 0, length]) {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return view.subarray(offset, length === undefined ? undefined : offset + length);
}

/**
 * A worker runs one session, so it holds by blocking in Atomics.wait: under load, a timer's
 * wake-up through the event loop would stretch every hold by milliseconds.
 */
function blockingHold() {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs());
}

async function inprocessContender({ bundle, workspace, log, session, until, tally }) {
  const arm = inprocessCaller(bundle, workspace);
  const sample = (s) => parentPort.postMessage(s);
  await contend({
    arm,
    session,
    log,
    hold: blockingHold,
    running: () => Date.now() < until,
    note: (command, result) => noteCall(tally, "inprocess", command, result, sample),
  });
}

// ---------------------------------------------------------------------------------------------
// process mode and the run itself (main thread).

/**
 * A hook call as Claude Code makes it, a process of the shipped binary with the payload on stdin,
 * spawned now; the returned function writes the payload and resolves with the outcome. With
 * `killAfterMs`, the process is SIGKILLed that long after the payload's write unless it is done.
 */
function armHook(run, command, session, { env = run.env, args = [], killAfterMs = null } = {}) {
  if (run.aborted) return () => Promise.resolve({ kind: "aborted" });
  const child = spawn(process.execPath, [run.arena.bin, command, ...args], { env, cwd: run.workspace, stdio: ["pipe", "pipe", "pipe"] });
  run.children.add(child);
  let killed = false;
  let timer = null;
  const result = new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", (error) => {
      clearTimeout(timer);
      run.children.delete(child);
      resolve({ kind: "crash", detail: `spawn failed: ${error.message}` });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      run.children.delete(child);
      if (signal === "SIGKILL" && killed) resolve({ kind: "killed" });
      else if (signal !== null && run.aborted) resolve({ kind: "aborted" });
      else resolve(outcome(code ?? signal, stdout, stderr));
    });
  });
  child.stdin.on("error", () => {}); // a hook killed before it read its stdin
  return () => {
    child.stdin.end(payload(command, session, run.workspace));
    if (killAfterMs !== null) timer = setTimeout(() => (killed = child.kill("SIGKILL")), killAfterMs);
    return result;
  };
}

const spawnHook = (run, command, session, options) => armHook(run, command, session, options)();

/**
 * process-mode calls of the contention phase. One in 1/KILL_SHARE is SIGKILLed within what should
 * be the last KILL_WINDOW_MS of its run, where the hook does its file-system steps: the length of
 * a run is the median of the last runs of that command, timed from the payload's write. (Timed
 * from spawn instead, a kill would land inside Node's own start wherever a start takes longer
 * than KILL_WINDOW_MS, and never reach the lock.)
 */
function killingArm(run, env) {
  const recent = run.recentRuns;
  return (command, session, { last = false } = {}) => {
    const expected = median(recent[command]);
    const doomed = !last && expected !== null && Math.random() < KILL_SHARE;
    const fire = armHook(run, command, session, { env, killAfterMs: doomed ? Math.max(0, expected - Math.random() * KILL_WINDOW_MS) : null });
    return async () => {
      const started = performance.now();
      const result = await fire();
      if (result.kind === "killed") afterKill(run);
      else recent[command] = [...recent[command], performance.now() - started].slice(-RUNS_REMEMBERED);
      return result;
    };
  };
}

/**
 * After a kill: the lock must still be a whole record, and a claim the killed hook left on the
 * current lock is noted, since it makes every contender wait until it is CLAIM_STALE_MS old.
 */
function afterKill(run) {
  checkRecord(run, "after a kill");
  const lock = lstatSync(run.lock, { throwIfNoEntry: false });
  for (const { name, ino } of leftovers(run)) {
    if (run.claims.has(name) || !/\.claim\d+$/.test(name)) continue;
    run.claims.set(name, { at: Date.now(), onLock: lock !== undefined && ino === lock.ino });
  }
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

const plainArm = (run, env) => (command, session) => armHook(run, command, session, { env });

/** The lock file, parsed (null when there is none); a lock that is not a whole record is counted. */
function checkRecord(run, when) {
  let text;
  try {
    text = readFileSync(run.lock, "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  let record = null;
  try {
    record = JSON.parse(text);
  } catch {
    // Counted below.
  }
  if (record === null || typeof record !== "object" || Array.isArray(record) || typeof record.session_id !== "string") {
    run.partialRecords++;
    run.failures.push(`partial record ${when}: ${JSON.stringify(text.slice(0, 200))}`);
    return null;
  }
  return record;
}

function noteFor(run, mode) {
  return (command, result) => noteCall(run.tally, mode, command, result, (s) => keepSample(run, s));
}

/** A fail-open or crash: its text is kept (the first few), and a contention fail-open's time. */
function keepSample(run, s) {
  if (s.contention) run.contentionFailOpensAt.push(s.at);
  const kept = run.samples[s.kind];
  if (kept.length < SAMPLES_KEPT) kept.push(`${s.mode} ${s.command}: ${s.detail}`);
}

/**
 * Contention fail-opens that a killed claimant explains: those that ended while a claim it left
 * on the lock could still hold contenders back (decision 0001: such a claim is waited out for
 * CLAIM_STALE_MS, longer than a hook's budget). Any other is unexplained.
 */
function explainedFailOpens(run) {
  const windows = [...run.claims.values()].filter((c) => c.onLock).map((c) => [c.at, c.at + CLAIM_STALE_MS + CONTENTION_BUDGET_MS]);
  return run.contentionFailOpensAt.filter((at) => windows.some(([from, to]) => at >= from && at <= to)).length;
}

/** The environment of the session in slot `i`: its own Claude Code process, as every session has. */
function sessionEnv(run, i) {
  return { ...run.env, CLAUDE_PID: String(run.sessionPids[i]) };
}

/** `count` process-mode sessions in slots 0..count-1, their calls killed now and then with `kills`. */
function processContenders(run, prefix, count, { kills = false, running, inside }) {
  return Array.from({ length: count }, (_, i) => {
    const arm = (kills ? killingArm : plainArm)(run, sessionEnv(run, i));
    return contend({ arm, session: `${prefix}${i + 1}`, running: () => running() && !run.aborted, inside, log: run.log, hold: () => sleep(holdMs()), note: noteFor(run, "process") });
  });
}

/** `count` inprocess-mode sessions, one worker thread each, in the slots after `first`. */
function inprocessContenders(run, first, count, until) {
  const bundle = join(dirname(dirname(run.arena.bin)), "dist", "cli.cjs");
  return Array.from({ length: count }, (_, i) => {
    const data = { bundle, workspace: run.workspace, log: run.log, session: `inprocess-${i + 1}`, until, tally: run.tally };
    const worker = new Worker(new URL(import.meta.url), { workerData: data, env: sessionEnv(run, first + i) });
    run.workers.add(worker);
    worker.on("message", (s) => keepSample(run, s));
    return new Promise((resolve) => {
      worker.on("error", (error) => {
        run.failures.push(`inprocess worker ${i + 1} failed: ${error?.stack ?? error}`);
      });
      worker.on("exit", () => {
        run.workers.delete(worker);
        resolve();
      });
    });
  });
}

/** The contention phase's sessions per mode: --contenders in all, split evenly in both modes. */
function split({ contenders, modes }) {
  const processes = modes.includes("process") ? (modes.length === 2 ? Math.floor(contenders / 2) : contenders) : 0;
  return { process: processes, inprocess: contenders - processes };
}

async function contentionPhase(run, until) {
  const { process: processes, inprocess } = split(run.opts);
  await Promise.all([
    ...processContenders(run, "process-", processes, { kills: true, running: () => Date.now() < until }),
    ...inprocessContenders(run, processes, inprocess, until),
  ]);
}

/** No lock before a round: every session released, or else the product's own `clear` removes it. */
async function ensureFree(run) {
  if (checkRecord(run, "between rounds") === null) return;
  const cleared = await spawnOperator(run, ["clear", "--workspace", run.workspace]);
  run.notes.push(`a lock was left between rounds and cleared: ${cleared.stdout.trim()}`);
}

async function staleRound(run, round) {
  await ensureFree(run);
  const took = await spawnHook(run, "pretooluse", `stale-holder-${round}`, {
    env: sessionEnv(run, run.opts.contenders),
    args: ["--ttl-ms", String(run.opts.ttlMs)],
  });
  if (took.kind !== "allow") {
    run.failures.push(`stale round ${round}: the holder was not allowed on a free lock (${took.kind}${took.detail ? `: ${took.detail}` : ""})`);
    return;
  }
  const held = checkRecord(run, "after the stale holder took it");
  if (held === null) return;
  const waitUntil = held.acquired_at + run.opts.ttlMs + TAKEOVER_WAIT_MS;
  let taken = null;
  const inside = (session) => {
    if (taken !== null) return;
    // The taker's record: acquired_at is the instant it judged the holder's lock stale.
    const record = checkRecord(run, "after a stale takeover");
    taken = { session, gap: record === null ? null : record.acquired_at - held.acquired_at };
    if (record !== null && record.session_id !== session) run.failures.push(`stale round ${round}: ${session} was allowed but the lock is ${record.session_id}'s`);
  };
  await Promise.all(processContenders(run, `stale-r${round}-`, run.opts.contenders, { running: () => taken === null && Date.now() < waitUntil, inside }));
  if (taken === null) {
    run.stale.missed++;
    run.failures.push(`stale round ${round}: no contender was allowed within ${TAKEOVER_WAIT_MS} ms after the TTL`);
    return;
  }
  run.stale.takeovers++;
  if (taken.gap === null) return;
  run.stale.gaps.push(taken.gap);
  if (taken.gap <= run.opts.ttlMs) {
    run.stale.early++;
    run.failures.push(`stale round ${round}: ${taken.session} took over ${taken.gap} ms after acquired_at, TTL ${run.opts.ttlMs} ms`);
  }
}

async function deadRound(run, round) {
  await ensureFree(run);
  const session = sessionProcess(run);
  const took = await spawnHook(run, "pretooluse", `dead-holder-${round}`, { env: { ...run.env, CLAUDE_PID: String(session.pid) } });
  if (took.kind !== "allow") {
    session.kill("SIGKILL");
    run.failures.push(`dead round ${round}: the holder was not allowed on a free lock (${took.kind}${took.detail ? `: ${took.detail}` : ""})`);
    return;
  }
  let killedAt = null;
  let latency = null;
  const inside = (taker) => {
    if (killedAt === null) run.failures.push(`dead round ${round}: ${taker} was allowed while the holder's process was alive`);
    else if (latency === null) latency = performance.now() - killedAt;
  };
  const running = () => latency === null && (killedAt === null || performance.now() - killedAt < TAKEOVER_WAIT_MS);
  const loops = processContenders(run, `dead-r${round}-`, run.opts.contenders, { running, inside });
  await sleep(DEAD_KILL_AFTER_MS * (1 + Math.random()));
  session.kill("SIGKILL");
  killedAt = performance.now();
  await Promise.all(loops);
  if (latency !== null) run.dead.latencies.push(latency);
  else {
    run.dead.missed++;
    run.failures.push(`dead round ${round}: no contender was allowed within ${TAKEOVER_WAIT_MS} ms after the holder's process died`);
  }
}

/** Rounds of one kind for `budgetMs` from now, at least one (a round may run past the budget). */
async function rounds(run, budgetMs, round) {
  const until = Date.now() + budgetMs;
  for (let n = 1; !run.aborted && (n === 1 || Date.now() < until); n++) await round(run, n);
}

function spawnOperator(run, args) {
  if (run.aborted) return Promise.resolve({ code: null, stdout: "", stderr: "not run: the run was aborted" });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [run.arena.bin, ...args], { env: run.env, cwd: run.workspace, stdio: ["ignore", "pipe", "pipe"] });
    run.children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", (error) => resolve({ code: null, stdout, stderr: error.message }));
    child.on("close", (code) => {
      run.children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Temp and claim files beside the lock (`session-lock-<hash>.json.*`), with their inodes and ages. */
function leftovers(run) {
  const prefix = `${basename(run.lock)}.`;
  let names = [];
  try {
    names = readdirSync(run.arena.runtime).filter((name) => name.startsWith(prefix));
  } catch {
    // No runtime dir: nothing was ever written.
  }
  return names.map((name) => {
    const stat = lstatSync(join(run.arena.runtime, name), { throwIfNoEntry: false });
    return { name, ino: stat?.ino, ageMs: stat === undefined ? 0 : Date.now() - stat.ctimeMs };
  });
}

async function sweep(run) {
  const before = leftovers(run);
  if (run.aborted) return { found: before.length, swept: 0, kept: before.length };
  const cleared = await spawnOperator(run, ["clear", "--stale"]);
  if (cleared.code !== 0) run.failures.push(`clear --stale exited ${cleared.code}: ${cleared.stdout}${cleared.stderr}`);
  const swept = cleared.stdout.split("\n").filter((line) => line.startsWith("Removed the leftover file") && line.includes(basename(run.lock))).length;
  const after = leftovers(run);
  for (const old of after.filter((f) => f.ageMs >= SWEEP_AGE_MS + 1000)) {
    run.failures.push(`clear --stale kept ${old.name}, ${Math.round(old.ageMs / 1000)} s old`);
  }
  return { found: before.length, swept, kept: after.length };
}

/**
 * A stand-in for a session's Claude Code process (its CLAUDE_PID): a `sleep` that outlives the
 * run's hard deadline on its own, in case this script is killed before it can end it.
 */
function sessionProcess(run) {
  const child = spawn("sleep", [String(Math.ceil(run.hardDeadlineMs / 1000) + 60)], { stdio: "ignore" });
  run.sessions.add(child);
  child.on("exit", () => run.sessions.delete(child));
  return child;
}

/** Ends every process and thread this run started that is still there. */
function killAll(run) {
  for (const child of [...run.children, ...run.sessions]) child.kill("SIGKILL");
  for (const worker of run.workers) worker.terminate();
}

/** At the hard deadline: what is still running is killed, and the run fails. */
function abort(run) {
  run.aborted = true;
  run.failures.push(`hard deadline: ${run.children.size} hook processes and ${run.workers.size} workers still running were killed`);
  killAll(run);
}

function percentile(sorted, p) {
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarize(run, replayed, swept, elapsedMs) {
  const sum = (counter) => MODES.reduce((total, mode) => total + counted(run.tally, mode, counter), 0);
  const gaps = [...run.stale.gaps].sort((a, b) => a - b);
  const latencies = [...run.dead.latencies].sort((a, b) => a - b);
  const contention = sum("failopenContention");
  const explained = Math.min(contention, explainedFailOpens(run));
  return {
    seconds: run.opts.seconds,
    elapsed_s: Math.round(elapsedMs / 100) / 10,
    contenders: run.opts.contenders,
    contenders_by_mode: split(run.opts),
    node: process.version,
    cores: availableParallelism(),
    calls: sum("calls"),
    calls_by_mode: Object.fromEntries(MODES.filter((m) => counted(run.tally, m, "calls") > 0).map((m) => [m, counted(run.tally, m, "calls")])),
    acquisitions: sum("acquisitions"),
    acquisitions_by_mode: Object.fromEntries(MODES.filter((m) => counted(run.tally, m, "calls") > 0).map((m) => [m, counted(run.tally, m, "acquisitions")])),
    denials: sum("denials"),
    double_holders: replayed.doubles.length,
    log_lines: replayed.lines,
    fail_opens: { contention, contention_after_killed_claimant: explained, contention_unexplained: contention - explained, other: sum("failopenOther") },
    crashes: sum("crashes"),
    stale: { rounds: run.stale.takeovers + run.stale.missed, takeovers: run.stale.takeovers, shortest_gap_ms: gaps[0] ?? null, ttl_ms: run.opts.ttlMs, early: run.stale.early },
    dead: { rounds: latencies.length + run.dead.missed, takeovers: latencies.length, latency_p50_ms: percentile(latencies, 50), latency_max_ms: latencies.at(-1) ?? null },
    killed_hooks: counted(run.tally, "process", "kills"),
    claims_left_on_lock: [...run.claims.values()].filter((c) => c.onLock).length,
    partial_records: run.partialRecords,
    leftovers: swept,
    failures: [...replayed.doubles, ...replayed.broken, ...run.failures],
    notes: run.notes,
    samples: run.samples,
  };
}

function table(s) {
  const ms = (n) => (n === null ? "n/a" : `${Math.round(n)} ms`);
  const modes = Object.entries(s.contenders_by_mode).filter(([, n]) => n > 0).map(([m, n]) => `${n} ${m}`).join(" + ");
  const f = s.fail_opens;
  const rows = [
    ["acquisitions", s.acquisitions, Object.entries(s.acquisitions_by_mode).map(([m, n]) => `${m} ${n}`).join(", ")],
    ["denials", s.denials, `of ${s.calls} hook calls: ${Object.entries(s.calls_by_mode).map(([m, n]) => `${m} ${n}`).join(", ")}`],
    ["double holders", s.double_holders, `replay of ${s.log_lines} log lines`],
    ["fail-opens", f.contention + f.other, `contention ${f.contention}${f.contention > 0 ? ` (${f.contention_after_killed_claimant} behind a killed claimant's claim)` : ""}, other ${f.other}`],
    ["crashes", s.crashes, ""],
    ["stale takeovers", s.stale.takeovers, `of ${s.stale.rounds} rounds; shortest gap ${ms(s.stale.shortest_gap_ms)} at TTL ${s.stale.ttl_ms} ms, early ${s.stale.early}`],
    ["dead takeovers", s.dead.takeovers, `of ${s.dead.rounds} rounds; latency p50 ${ms(s.dead.latency_p50_ms)}, max ${ms(s.dead.latency_max_ms)}`],
    ["killed hooks", s.killed_hooks, `partial records ${s.partial_records}, claims left on the lock ${s.claims_left_on_lock}`],
    ["leftover files", s.leftovers.found, `clear --stale swept ${s.leftovers.swept}, kept ${s.leftovers.kept} younger than a minute`],
  ];
  const width = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = [
    `claude-session-guard stress: ${s.seconds} s, ${s.contenders} contenders (${modes}), Node ${s.node}, ${s.cores} cores`,
    ...rows.map(([label, n, detail]) => `${label.padEnd(16)}  ${String(n).padStart(width)}${detail ? `   (${detail})` : ""}`),
  ];
  for (const [kind, texts] of Object.entries(s.samples)) for (const text of texts) lines.push(`  ${kind}: ${text.replace(/\s+/g, " ")}`);
  for (const note of s.notes) lines.push(`  note: ${note}`);
  const { ok, reasons } = verdict(s);
  lines.push(ok ? "OK: no double holder, crash, partial record, early takeover or unexplained contention fail-open" : "FAILED:");
  for (const reason of reasons) lines.push(`  ${reason}`);
  return lines.join("\n");
}

/** What fails the run: the exit status is 1 when there is any reason. */
function verdict(s) {
  const reasons = [
    ...(s.crashes > 0 ? [`${s.crashes} crashes`] : []),
    ...(s.fail_opens.contention_unexplained > 0 ? [`${s.fail_opens.contention_unexplained} contention fail-opens no killed claimant explains`] : []),
    ...s.failures.slice(0, 20),
    ...(s.failures.length > 20 ? [`... and ${s.failures.length - 20} more`] : []),
  ];
  return { ok: reasons.length === 0, reasons };
}

async function main(argv) {
  let opts;
  try {
    opts = options(argv);
  } catch (error) {
    process.stderr.write(`stress: ${error.message.split("\n")[0]} (see --help)\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  ensureBuilt();
  const arena = makeArena();
  const workspace = arena.workspace("shared");
  const run = {
    opts,
    arena,
    workspace,
    lock: arena.lockPath(workspace),
    hardDeadlineMs: opts.seconds * 1000 + opts.ttlMs + GRACE_MS,
    log: join(arena.dir, "critical.log"),
    // The decisions log goes to the arena too (a worker's os.homedir() would see the real HOME).
    env: { ...arena.env, XDG_STATE_HOME: join(arena.dir, "state") },
    tally: newTally(),
    /** Hook and operator processes running now. */
    children: new Set(),
    workers: new Set(),
    /** The sessions' Claude Code processes (`sleep`s), and the pid each slot of sessions runs as. */
    sessions: new Set(),
    sessionPids: [],
    /** The lengths of the last process-mode runs of each command, for timing kills. */
    recentRuns: { pretooluse: [], stop: [] },
    aborted: false,
    partialRecords: 0,
    stale: { takeovers: 0, missed: 0, early: 0, gaps: [] },
    dead: { latencies: [], missed: 0 },
    samples: { failopen: [], crash: [] },
    contentionFailOpensAt: [],
    /** Claim files seen after kills: name -> when, and whether it was on the lock then. */
    claims: new Map(),
    failures: [],
    notes: [],
  };
  writeFileSync(run.log, "");
  // One slot per contender, and one more for the stale holder.
  run.sessionPids = Array.from({ length: opts.contenders + 1 }, () => sessionProcess(run).pid);
  const onSignal = () => {
    killAll(run);
    if (!opts.keep) arena.cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  const started = Date.now();
  const hardDeadline = setTimeout(() => abort(run), run.hardDeadlineMs);
  try {
    await contentionPhase(run, started + opts.seconds * 1000 * CONTENTION_SHARE);
    await rounds(run, started + opts.seconds * 1000 * (CONTENTION_SHARE + STALE_SHARE) - Date.now(), staleRound);
    await rounds(run, started + opts.seconds * 1000 - Date.now(), deadRound);
    const elapsed = Date.now() - started;
    const replayed = replay(readFileSync(run.log, "utf8"));
    checkRecord(run, "at the end");
    const summary = summarize(run, replayed, await sweep(run), elapsed);
    process.stdout.write(`${table(summary)}\n`);
    if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (opts.keep) process.stdout.write(`kept: ${arena.dir}\n`);
    return verdict(summary).ok ? 0 : 1;
  } finally {
    clearTimeout(hardDeadline);
    killAll(run);
    if (!opts.keep) arena.cleanup();
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`stress: ${error?.stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
} else {
  await inprocessContender(workerData);
}
