#!/usr/bin/env node
// File-system syscalls per hook command, net of what Node itself makes to start: each case of
// cases.mjs (same lock states, same payloads, outcome checked) runs under
// `strace -f -c -e trace=<SYSCALLS>`, and the floor's (`node -e 0`) counts are subtracted, per
// syscall. -f follows every thread, so work that libuv hands to its pool is counted too. Each
// case runs --runs times and the median count per syscall is kept: Node's own startup varies by
// a call or two between runs. Linux only; needs strace (Debian package `strace`).
//
// Usage: node bench/strace.mjs [--runs N] [--node PATH] [--json]

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defineCases, ensureBuilt, makeArena, verify } from "./cases.mjs";

const STRACE = "/usr/bin/strace";
const SYSCALLS = "%file,read,write,close,fstat,lstat,link,rename,unlink";

/** `strace -c` summary rows: {syscall: {calls, errors}}. */
function parseSummary(text) {
  const counts = {};
  for (const line of text.split("\n")) {
    const cells = line.trim().split(/\s+/);
    // % time, seconds, usecs/call, calls, [errors], syscall
    if (cells.length < 5 || !/^\d/.test(cells[0] ?? "") || cells.at(-1) === "total") continue;
    const syscall = cells.at(-1);
    counts[syscall] = { calls: Number(cells[3]), errors: cells.length === 6 ? Number(cells[4]) : 0 };
  }
  return counts;
}

function traced(node, c, env, out) {
  c.before?.();
  rmSync(out, { force: true });
  const r = spawnSync(STRACE, ["-f", "-c", "-o", out, "-e", `trace=${SYSCALLS}`, node, ...c.argv], { input: c.input, env, cwd: c.cwd });
  if (r.error) throw r.error;
  verify(c, r.status, r.stdout.toString(), r.stderr.toString());
  return parseSummary(readFileSync(out, "utf8"));
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function main() {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "5" }, node: { type: "string" }, json: { type: "boolean", default: false } },
  });
  if (!existsSync(STRACE)) {
    process.stderr.write(`bench/strace: needs ${STRACE} (apt-get install strace)\n`);
    return 2;
  }
  const runs = Number(values.runs);
  const node = values.node ?? process.execPath;
  ensureBuilt();
  const arena = makeArena();
  try {
    const cases = defineCases(node, arena);
    for (const c of cases) c.setup?.();
    const out = join(arena.dir, "strace.out");
    const samples = new Map(cases.map((c) => [c.name, []]));
    // Alternating, like run.mjs, so that any drift hits every case alike.
    for (let round = 0; round < runs; round++) for (const c of cases) samples.get(c.name).push(traced(node, c, arena.env, out));

    const medians = new Map(
      cases.map((c) => {
        const runsOf = samples.get(c.name);
        const names = [...new Set(runsOf.flatMap((s) => Object.keys(s)))].sort();
        return [c.name, Object.fromEntries(names.map((n) => [n, medianOf(runsOf.map((s) => s[n]?.calls ?? 0))]))];
      }),
    );
    const floor = medians.get("floor");
    const net = cases
      .filter((c) => c.name !== "floor")
      .map((c) => {
        const own = medians.get(c.name);
        const names = [...new Set([...Object.keys(own), ...Object.keys(floor)])].sort();
        const bySyscall = Object.fromEntries(names.map((n) => [n, (own[n] ?? 0) - (floor[n] ?? 0)]).filter(([, d]) => d !== 0));
        return { case: c.name, label: c.label, net_total: Object.values(bySyscall).reduce((a, b) => a + b, 0), by_syscall: bySyscall };
      });
    const floorTotal = Object.values(floor).reduce((a, b) => a + b, 0);

    if (values.json) {
      process.stdout.write(`${JSON.stringify({ node: process.versions.node, syscalls: SYSCALLS, runs, floor: { total: floorTotal, by_syscall: floor }, cases: net }, null, 2)}\n`);
      return 0;
    }
    const version = spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim();
    process.stdout.write(`fs syscalls per command beyond node -e 0 (Node ${version}; strace -f -c -e trace=${SYSCALLS}; median of ${runs} runs)\n`);
    process.stdout.write(`floor (node -e 0) itself: ${floorTotal} calls (${Object.entries(floor).map(([n, v]) => `${n} ${v}`).join(", ")})\n\n`);
    const width = Math.max(...net.map((r) => r.label.length));
    for (const r of net) {
      const parts = Object.entries(r.by_syscall).map(([n, d]) => `${n} ${d > 0 ? "+" : ""}${d}`);
      process.stdout.write(`${r.label.padEnd(width)}  ${String(r.net_total).padStart(4)}   ${parts.join(", ")}\n`);
    }
    return 0;
  } finally {
    arena.cleanup();
  }
}

process.exitCode = main();
