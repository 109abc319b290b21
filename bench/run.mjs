#!/usr/bin/env node
// `npm run bench`: what one hook call costs next to the cost of starting Node at all, and whether
// the lock holds under contention. Not a test: it prints figures (and fails only when the lock
// is broken or a hook misbehaves).
//
// - Cost: every case (bare `node -e 0` as the floor, then each hook path, see cases.mjs) runs
//   once per round, in a rotating order, for --runs rounds. Alternating spreads the noise of a
//   busy machine over all cases alike, and every figure is read as a ratio to the floor measured
//   in the same rounds, so the ratios hold even when absolute times do not.
// - Wall time: process.hrtime.bigint() around spawnSync, from spawn to exit, stdin fed by spawnSync.
// - Peak RSS: ru_maxrss of the child, in separate interleaved runs so that the wrapper never
//   touches the timed ones. With GNU time (/usr/bin/time, Debian package `time`): `-f %M`, which
//   reads it from wait4(2) and leaves the child untouched. Without it: the child reports its own
//   process.resourceUsage().maxRSS at exit through a --require preload (maxrss.cjs), floor
//   included. Node offers no third way: spawnSync returns no rusage, and
//   process.resourceUsage() covers only the calling process.
// - Contention: --sessions simulated sessions (distinct session ids) loop for --seconds on one
//   workspace: pretooluse; when allowed, `enter` / a read-modify-write of a shared counter with a
//   pause inside / `exit` appended (O_APPEND) to a log, then stop. Replaying the log finds every
//   moment two sessions were inside at once; the counter finds every lost update. Both must be 0.

import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { EXTRA_NODE_MAJORS, ensureNode, installFailureIsFatal, loudNotice, versionOf } from "../test/support/nodeVersions.mjs";
import { classify, defineCases, ensureBuilt, fixturePayload, makeArena, nodeOption, ROOT, verify } from "./cases.mjs";

const TARGETS = { median: 1.15, rss: 1.2 };
const GNU_TIME = "/usr/bin/time";
const PRELOAD = join(ROOT, "bench/maxrss.cjs");
const WARMUP_ROUNDS = 3;

const USAGE = `Usage: node bench/run.mjs [options]   (npm run bench -- [options])

  --runs N         timed runs per case, alternating (default 50)
  --rss-runs N     peak-RSS samples per case, interleaved with the timed runs (default 20)
  --seconds S      length of the contention run (default 10; 0 skips it)
  --sessions N     concurrent sessions in the contention run (default 16)
  --node PATH      bench under this node binary (the floor too)
  --all-nodes      bench under this node, then Node ${EXTRA_NODE_MAJORS.join(" and ")} (installed into .cache/)
  --breakdown      also time requiring the bundle alone and a pretooluse with the guard
                   disabled, to split a hook's cost into loading, plumbing and lock work
  --rss-method M   "time" (GNU time, the default when installed) or "preload"
  --json           print every figure as one JSON object instead of tables
  -h, --help       this text`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: "string", default: "50" },
      "rss-runs": { type: "string", default: "20" },
      seconds: { type: "string", default: "10" },
      sessions: { type: "string", default: "16" },
      node: { type: "string" },
      "all-nodes": { type: "boolean", default: false },
      breakdown: { type: "boolean", default: false },
      "rss-method": { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const count = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got "${values[name]}"`);
    return n;
  };
  const rssMethod = values["rss-method"] ?? (existsSync(GNU_TIME) ? "time" : "preload");
  if (rssMethod !== "time" && rssMethod !== "preload") throw new UsageError(`--rss-method must be "time" or "preload"`);
  if (rssMethod === "time" && !existsSync(GNU_TIME)) throw new UsageError(`--rss-method time needs GNU time at ${GNU_TIME} (apt-get install time)`);
  if (values.node && values["all-nodes"]) throw new UsageError("--node and --all-nodes exclude each other");
  return {
    help: values.help,
    runs: count("runs", 1),
    rssRuns: Math.min(count("rss-runs", 0), count("runs", 1)),
    seconds: count("seconds", 0),
    sessions: count("sessions", 2),
    node: values.node === undefined ? undefined : nodeOption(values.node),
    allNodes: values["all-nodes"],
    breakdown: values.breakdown,
    rssMethod,
    json: values.json,
  };
}

class UsageError extends Error {}

const progress = (text) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
};

// ---------------------------------------------------------------------------------------------
// Cost: time and peak RSS per case.

/**
 * CPU time (user + system) of every child this process has reaped, in ms, from the cutime and
 * cstime fields of /proc/self/stat; null off Linux. Its unit is the clock tick (USER_HZ, 100 on
 * every Linux ABI), so one run's difference is off by up to a tick either way, an error that
 * averages out over many runs: the mean is what the table shows. It leaves out the time a run
 * spends waiting for a CPU, which dominates wall time on a crowded machine (shared caches still
 * slow it some). GNU time's %U/%S would not do: each is truncated to 10 ms, a bias, not noise.
 */
function childrenCpuMs() {
  let stat;
  try {
    stat = readFileSync("/proc/self/stat", "utf8");
  } catch {
    return null;
  }
  // Fields after the command name, which may itself hold spaces or parentheses: state is field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

function timedRun(node, c, env) {
  c.before?.();
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const r = spawnSync(node, c.argv, { input: c.input, env: c.env ?? env, cwd: c.cwd, maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuAfter = childrenCpuMs();
  if (r.error) throw r.error;
  verify(c, r.status, r.stdout.toString(), r.stderr.toString());
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** Peak RSS of one run of `c`, in KiB. */
function rssRun(node, c, env, method, scratch) {
  c.before?.();
  rmSync(scratch, { force: true });
  const r =
    method === "time"
      ? spawnSync(GNU_TIME, ["-f", "%M", "-o", scratch, node, ...c.argv], { input: c.input, env: c.env ?? env, cwd: c.cwd, maxBuffer: 1 << 20 })
      : spawnSync(node, ["--require", PRELOAD, ...c.argv], {
          input: c.input,
          env: { ...(c.env ?? env), CSG_BENCH_MAXRSS_FILE: scratch },
          cwd: c.cwd,
          maxBuffer: 1 << 20,
        });
  if (r.error) throw r.error;
  verify(c, r.status, r.stdout.toString(), r.stderr.toString());
  const kib = Number(readFileSync(scratch, "utf8").trim().split("\n").pop());
  if (!Number.isFinite(kib) || kib <= 0) throw new Error(`bench: no peak RSS for "${c.label}" (${method})`);
  return kib;
}

function median(sorted) {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function measureCost(node, arena, opts, versionLabel) {
  const cases = defineCases(node, arena, { breakdown: opts.breakdown });
  for (const c of cases) c.setup?.();
  const times = new Map(cases.map((c) => [c.name, []]));
  const cpu = new Map(cases.map((c) => [c.name, []]));
  const rss = new Map(cases.map((c) => [c.name, []]));
  const scratch = join(arena.dir, "maxrss.out");
  // Samples RSS in rounds spread over the whole run, so it sees the same machine as the timings.
  const rssEvery = opts.rssRuns > 0 ? opts.runs / opts.rssRuns : Infinity;
  let nextRss = 0;
  for (let round = -WARMUP_ROUNDS; round < opts.runs; round++) {
    progress(`${versionLabel}: round ${Math.max(0, round + 1)}/${opts.runs}`);
    const order = cases.map((_, i) => cases[(i + Math.max(0, round)) % cases.length]);
    for (const c of order) {
      const { ms, cpuMs } = timedRun(node, c, arena.env);
      if (round >= 0) times.get(c.name).push(ms);
      if (round >= 0 && cpuMs !== null) cpu.get(c.name).push(cpuMs);
    }
    if (round >= 0 && round >= nextRss && rss.get("floor").length < opts.rssRuns) {
      nextRss += rssEvery;
      for (const c of order) rss.get(c.name).push(rssRun(node, c, arena.env, opts.rssMethod, scratch));
    }
  }
  progress("");

  const summary = cases.map((c) => {
    const t = [...times.get(c.name)].sort((a, b) => a - b);
    const m = [...rss.get(c.name)].sort((a, b) => a - b);
    const u = cpu.get(c.name);
    return {
      case: c.name,
      label: c.label,
      command: c.command,
      fixture: c.fixture,
      ...(c.diagnostic && { diagnostic: true }),
      runs: t.length,
      median_ms: median(t),
      p95_ms: percentile(t, 95),
      min_ms: t[0],
      mean_ms: t.reduce((a, b) => a + b, 0) / t.length,
      cpu_ms_mean: u.length === t.length ? u.reduce((a, b) => a + b, 0) / u.length : null,
      rss_samples: m.length,
      rss_mb: m.length > 0 ? median(m) / 1024 : null,
      rss_max_mb: m.length > 0 ? m[m.length - 1] / 1024 : null,
    };
  });
  const floor = summary[0];
  for (const s of summary) {
    s.median_ratio = s.median_ms / floor.median_ms;
    s.cpu_ratio = s.cpu_ms_mean === null ? null : s.cpu_ms_mean / floor.cpu_ms_mean;
    s.rss_ratio = s.rss_mb === null ? null : s.rss_mb / floor.rss_mb;
    // The targets are for hook commands; the floor and the --breakdown diagnostics have none.
    const judged = s.case !== "floor" && !s.diagnostic;
    s.over_median_target = judged && s.median_ratio > TARGETS.median;
    s.over_rss_target = judged && s.rss_ratio !== null && s.rss_ratio > TARGETS.rss;
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Contention: many sessions, one workspace, a log replay.

function hookAsync(node, bin, command, input, env, cwd) {
  return new Promise((resolve) => {
    const child = spawn(node, [bin, command], { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d) => (stderr += d));
    child.on("error", (error) => resolve({ kind: "crash", detail: String(error) }));
    child.on("close", (code) => resolve({ kind: classify(code, stdout, stderr), detail: `exit ${code}: ${stdout}${stderr}` }));
    child.stdin.on("error", () => {}); // a hook that fails early may not read its stdin
    child.stdin.end(input);
  });
}

/**
 * Every moment two distinct sessions were inside at once, from a log of `enter|exit <session> <n>`
 * lines in the order they happened (the same replay as test/race/support/harness.ts).
 */
function overlaps(log) {
  const inside = new Map();
  const problems = [];
  log
    .split("\n")
    .filter((line) => line !== "")
    .forEach((line, index) => {
      const [kind, session, n] = line.split(" ");
      if (session === undefined || n === undefined || (kind !== "enter" && kind !== "exit")) {
        problems.push(`line ${index + 1}: malformed "${line}"`);
        return;
      }
      const depth = inside.get(session) ?? 0;
      if (kind === "enter") {
        const others = [...inside].filter(([s, d]) => s !== session && d > 0).map(([s]) => s);
        if (others.length > 0) problems.push(`line ${index + 1}: ${session} entered while ${others.join(", ")} inside`);
        inside.set(session, depth + 1);
      } else if (depth === 0) {
        problems.push(`line ${index + 1}: ${session} exited without entering`);
      } else {
        inside.set(session, depth - 1);
      }
    });
  for (const [session, depth] of inside) if (depth > 0) problems.push(`${session} never exited`);
  return problems;
}

async function contention(node, arena, opts) {
  const workspace = arena.workspace("contention");
  const lock = arena.lockPath(workspace);
  const log = join(arena.dir, "critical.log");
  const counter = join(workspace, "counter");
  writeFileSync(log, "");
  writeFileSync(counter, "0");
  const tally = { acquisitions: 0, denials: 0, releases: 0, fail_opens: 0, problems: [] };
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;

  async function session() {
    const id = randomUUID();
    const pre = fixturePayload("pre-tool-use-write", id, workspace);
    const stop = fixturePayload("stop", id, workspace);
    for (let n = 0; performance.now() < deadline; n++) {
      const asked = await hookAsync(node, arena.bin, "pretooluse", pre, arena.env, workspace);
      if (asked.kind === "deny") {
        tally.denials++;
        continue;
      }
      if (asked.kind === "failopen") {
        // The guard gave up guarding: counted, and never taken as an allow for the replay.
        tally.fail_opens++;
        continue;
      }
      if (asked.kind !== "allow" && asked.kind !== "notice") {
        tally.problems.push(`pretooluse ${asked.kind}: ${asked.detail}`);
        continue;
      }
      tally.acquisitions++;
      // Logged only while the lock is surely held (after the allow, before the stop), so the
      // log's order is the order of holds. appendFileSync opens with O_APPEND.
      appendFileSync(log, `enter ${id} ${n}\n`);
      const value = Number(readFileSync(counter, "utf8"));
      await new Promise((resolve) => setTimeout(resolve, 1));
      writeFileSync(counter, String(value + 1));
      appendFileSync(log, `exit ${id} ${n}\n`);
      const released = await hookAsync(node, arena.bin, "stop", stop, arena.env, workspace);
      if (released.kind === "allow") tally.releases++;
      else if (released.kind === "failopen") tally.fail_opens++;
      else tally.problems.push(`stop ${released.kind}: ${released.detail}`);
    }
  }

  progress(`contention: ${opts.sessions} sessions for ${opts.seconds} s`);
  await Promise.all(Array.from({ length: opts.sessions }, session));
  progress("");
  const elapsed = (performance.now() - started) / 1000;
  const violations = overlaps(readFileSync(log, "utf8"));
  const counted = Number(readFileSync(counter, "utf8"));
  const strays = existsSync(arena.runtime) ? readdirSync(arena.runtime).filter((name) => name.startsWith(`${basename(lock)}.`)) : [];
  return {
    sessions: opts.sessions,
    seconds: opts.seconds,
    elapsed_s: elapsed,
    acquisitions: tally.acquisitions,
    denials: tally.denials,
    releases: tally.releases,
    acquisitions_per_s: tally.acquisitions / elapsed,
    denials_per_s: tally.denials / elapsed,
    hook_calls_per_s: (tally.acquisitions + tally.denials + tally.fail_opens + tally.releases) / elapsed,
    fail_opens: tally.fail_opens,
    violations: violations.length,
    violation_details: violations.slice(0, 10),
    lost_updates: tally.acquisitions - counted,
    lock_left: existsSync(lock),
    strays,
    problems: tally.problems.slice(0, 10),
    problem_count: tally.problems.length,
  };
}

// ---------------------------------------------------------------------------------------------

async function benchOne(node, label, opts) {
  const version = versionOf(node);
  if (version === null) throw new Error(`bench: ${node} does not run`);
  const arena = makeArena();
  try {
    const load_before = loadavg();
    const cases = measureCost(node, arena, opts, `Node ${version}`);
    const result = {
      label,
      node: { path: node, version: `v${version}` },
      build: arena.build,
      runs: opts.runs,
      warmup_rounds: WARMUP_ROUNDS,
      rss_method: opts.rssMethod === "time" ? "GNU time -f %M (ru_maxrss from wait4)" : "process.resourceUsage().maxRSS at exit, via --require bench/maxrss.cjs",
      cases,
      contention: opts.seconds > 0 ? await contention(node, arena, opts) : null,
      load_before,
      load_after: loadavg(),
    };
    return result;
  } finally {
    arena.cleanup();
  }
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    platform: `${platform()} ${release()}`,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    bench_node: process.version,
  };
}

const fixed = (n, digits = 1) => (n === null ? "n/a" : n.toFixed(digits));

function table(result) {
  const lines = [];
  const { build } = result;
  lines.push(`Node ${result.node.version} (${result.node.path})`);
  lines.push(
    `build ${build.hash} (${Object.entries(build.files).filter(([f]) => f.startsWith("dist/")).map(([f, n]) => `${f.slice(5)} ${Math.round(n / 1024)} KiB`).join(", ")}) ` +
      `in the tree at commit ${build.commit ?? "?"}${build.uncommitted_changes ? " (bin/ or src/ with uncommitted changes)" : ""}`,
  );
  lines.push(
    `${result.runs} timed runs per case, alternating, after ${result.warmup_rounds} warm-up rounds; ` +
      (result.cases[0].rss_samples > 0
        ? `peak RSS: median of ${result.cases[0].rss_samples} runs per case, ${result.rss_method}`
        : "peak RSS: not sampled (--rss-runs 0)"),
  );
  const header = ["case", "median ms", "p95 ms", "x floor", "CPU ms", "x floor", "RSS MB", "x floor", ""];
  const rows = result.cases.map((c) => [
    c.label,
    fixed(c.median_ms),
    fixed(c.p95_ms),
    fixed(c.median_ratio, 2),
    fixed(c.cpu_ms_mean),
    fixed(c.cpu_ratio, 2),
    fixed(c.rss_mb),
    fixed(c.rss_ratio, 2),
    [c.over_median_target && "OVER time", c.over_rss_target && "OVER RSS"].filter(Boolean).join(", "),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ").trimEnd();
  lines.push("", fmt(header), fmt(widths.map((w, i) => (header[i] === "" ? "" : "-".repeat(w)))), ...rows.map(fmt));
  lines.push(
    "",
    `targets: median <= ${TARGETS.median}x the floor's, peak RSS <= ${TARGETS.rss}x the floor's; OVER marks a case above one`,
    "CPU ms: mean user+system CPU time per run (children's cutime+cstime); it leaves out waiting for a CPU, unlike wall time",
  );
  const k = result.contention;
  if (k) {
    lines.push(
      "",
      `contention: ${k.sessions} sessions on one workspace for ${fixed(k.elapsed_s)} s: ` +
        `${fixed(k.acquisitions_per_s)} acquisitions/s, ${fixed(k.denials_per_s)} denials/s ` +
        `(${k.acquisitions} acquisitions, ${k.denials} denials, ${k.fail_opens} fail-opens)`,
      `  mutual-exclusion violations (log replay): ${k.violations}; lost counter updates: ${k.lost_updates}; ` +
        `lock left: ${k.lock_left ? "yes" : "no"}; stray files: ${k.strays.length}`,
    );
    for (const v of k.violation_details) lines.push(`  ! ${v}`);
    for (const p of k.problems) lines.push(`  ! ${p}`);
  }
  lines.push(`load average (1/5/15 min): ${result.load_before.map((l) => l.toFixed(1)).join(" ")} before, ${result.load_after.map((l) => l.toFixed(1)).join(" ")} after`);
  return lines.join("\n");
}

/** One line per case, one column pair per Node version: the figures the README quotes. */
function summaryTable(results) {
  const header = ["case", ...results.map((r) => `${r.node.version} time / CPU / RSS`)];
  const ratio = (n) => `${fixed(n, 2)}x`;
  const rows = results[0].cases.map((c, i) => [
    c.label,
    ...results.map((r) => [r.cases[i].median_ratio, r.cases[i].cpu_ratio, r.cases[i].rss_ratio].map(ratio).join(" / ")),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [
    "ratios to the floor of the same Node (median wall time / mean CPU time / peak RSS)",
    "",
    fmt(header),
    fmt(widths.map((w) => "-".repeat(w))),
    ...rows.map(fmt),
  ].join("\n");
}

async function nodesToBench(opts) {
  if (opts.node) return [{ label: "given", path: opts.node }];
  const system = { label: "system", path: process.execPath };
  if (!opts.allNodes) return [system];
  const systemMajor = Number(process.versions.node.split(".")[0]);
  const nodes = [system];
  for (const major of EXTRA_NODE_MAJORS.filter((m) => m !== systemMajor)) {
    try {
      nodes.push({ label: `node-${major}`, path: await ensureNode(major, { log: (m) => process.stderr.write(`bench: ${m}\n`) }) });
    } catch (error) {
      if (installFailureIsFatal()) throw new Error(`Node ${major} is required on CI and could not be installed: ${error.message}`);
      loudNotice([`Node ${major} could not be installed: the bench runs WITHOUT it.`, ...error.message.split("\n")]);
    }
  }
  return nodes;
}

async function main(argv) {
  let opts;
  try {
    opts = options(argv);
  } catch (error) {
    process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  ensureBuilt();
  const nodes = await nodesToBench(opts);
  const host = machine();
  if (!opts.json) {
    process.stdout.write(`claude-session-guard bench: ${host.cpu}, ${host.cores} cores, ${host.memory_gb} GB, ${host.platform}\n\n`);
  }
  const results = [];
  for (const { label, path } of nodes) {
    const result = await benchOne(path, label, opts);
    results.push(result);
    if (!opts.json) process.stdout.write(`${table(result)}\n\n`);
  }
  if (opts.json) process.stdout.write(`${JSON.stringify({ machine: host, targets: TARGETS, versions: results }, null, 2)}\n`);
  else if (results.length > 1) process.stdout.write(`${summaryTable(results)}\n`);

  let failed = false;
  for (const { contention: k, node } of results) {
    if (k && (k.violations > 0 || k.lost_updates !== 0)) {
      failed = true;
      process.stderr.write(`bench: the lock did not hold under contention on Node ${node.version}: ${k.violations} violations, ${k.lost_updates} lost updates\n`);
    }
    if (k && k.problem_count > 0) {
      failed = true;
      process.stderr.write(`bench: ${k.problem_count} hook calls broke the contract under contention on Node ${node.version} (see above)\n`);
    }
  }
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
