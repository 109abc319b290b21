#!/usr/bin/env node
// File-system syscalls per hook command, net of what Node itself makes to start: each case of
// cases.mjs (same lock states, same payloads, outcome checked) runs under
// `strace -f -c -e trace=<SYSCALLS>`, and the floor's (`node -e 0`) counts are subtracted, per
// syscall. -f follows every thread, so work that libuv hands to its pool is counted too. Each
// case runs --runs times and the median count per syscall is kept: Node's own startup varies by
// a call or two between runs. Linux only; needs strace (Debian package `strace`).
//
// --detail adds, per case, where the calls go: one more traced run whose every call is put in a
// category by the path it names (the guard's own code, the workspace walk, the lock files, …).
//
// Usage: node bench/strace.mjs [--runs N] [--node PATH] [--detail] [--breakdown] [--json]

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { defineCases, ensureBuilt, makeArena, nodeOption, verify } from "./cases.mjs";

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
  const r = spawnSync(STRACE, ["-f", "-c", "-o", out, "-e", `trace=${SYSCALLS}`, node, ...c.argv], { input: c.input, env: c.env ?? env, cwd: c.cwd });
  if (r.error) throw r.error;
  verify(c, r.status, r.stdout.toString(), r.stderr.toString());
  return parseSummary(readFileSync(out, "utf8"));
}

/**
 * Calls by what they touch, from `strace -f -y` lines (`-y` prints the path behind every fd).
 * Heuristic by path, for finding where a command's calls go, not an exact account.
 */
function categorize(text, arena) {
  const home = dirname(dirname(arena.runtime));
  const rules = [
    ["stdin/stdout/stderr", (p) => /^[012]$/.test(p)],
    ["the guard's code (bin/, dist/)", (p) => p.startsWith(`${arena.dir}/guard`)],
    ["lock files (runtime dir)", (p) => p.startsWith(arena.runtime)],
    ["decision log", (p) => p.startsWith(join(home, ".local"))],
    ["workspace (realpath, .git walk)", (p) => p.startsWith(`${arena.dir}/ws`)],
    ["realpath of shared ancestors", (p) => arena.dir === p || arena.dir.startsWith(`${p}/`) || p === "/"],
    ["session process (/proc/<pid>, boot_id)", (p) => /^\/proc\/(\d+\/stat$|sys\/kernel\/random\/boot_id)/.test(p)],
    ["time zone (Date)", (p) => /^\/etc\/localtime|^\/usr\/share\/zoneinfo|^\/etc$|^\/usr(\/share)?$/.test(p)],
  ];
  const counts = {};
  for (const line of text.split("\n")) {
    const call = /^\d+\s+(\w+)\((.*)$/.exec(line);
    if (!call || line.includes("resumed>")) continue;
    const args = call[2].replace(/AT_FDCWD<[^>]*>/g, "").split(") = ")[0];
    const named = /"(\/[^"]*)"|^(\d+)<([^>]*)>/.exec(args);
    const path = named ? (named[1] ?? (["0", "1", "2"].includes(named[2]) ? named[2] : named[3])) : "";
    const category = rules.find(([, test]) => test(path))?.[0] ?? "Node itself";
    counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}

function detailed(node, c, env, out, arena) {
  c.before?.();
  rmSync(out, { force: true });
  const r = spawnSync(STRACE, ["-f", "-y", "-o", out, "-e", `trace=${SYSCALLS}`, node, ...c.argv], { input: c.input, env: c.env ?? env, cwd: c.cwd });
  if (r.error) throw r.error;
  verify(c, r.status, r.stdout.toString(), r.stderr.toString());
  return categorize(readFileSync(out, "utf8"), arena);
}

function medianOf(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "5" },
      node: { type: "string" },
      detail: { type: "boolean", default: false },
      breakdown: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  if (!existsSync(STRACE)) {
    process.stderr.write(`bench/strace: needs ${STRACE} (apt-get install strace)\n`);
    return 2;
  }
  const runs = Number(values.runs);
  const node = nodeOption(values.node);
  ensureBuilt();
  const arena = makeArena();
  try {
    const cases = defineCases(node, arena, { breakdown: values.breakdown });
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
    const version = spawnSync(node, ["-p", "process.version"], { encoding: "utf8" }).stdout.trim();
    const detail = values.detail ? Object.fromEntries(cases.map((c) => [c.name, detailed(node, c, arena.env, out, arena)])) : null;

    if (values.json) {
      const report = { node: version, build: arena.build, syscalls: SYSCALLS, runs, floor: { total: floorTotal, by_syscall: floor }, cases: net, ...(detail && { by_category: detail }) };
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`fs syscalls per command beyond node -e 0 (Node ${version}; strace -f -c -e trace=${SYSCALLS}; median of ${runs} runs)\n`);
    process.stdout.write(`build ${arena.build.hash} in the tree at commit ${arena.build.commit ?? "?"}${arena.build.uncommitted_changes ? " (bin/ or src/ with uncommitted changes)" : ""}\n`);
    process.stdout.write(`floor (node -e 0) itself: ${floorTotal} calls (${Object.entries(floor).map(([n, v]) => `${n} ${v}`).join(", ")})\n\n`);
    const width = Math.max(...net.map((r) => r.label.length));
    for (const r of net) {
      const parts = Object.entries(r.by_syscall).map(([n, d]) => `${n} ${d > 0 ? "+" : ""}${d}`);
      process.stdout.write(`${r.label.padEnd(width)}  ${String(r.net_total).padStart(4)}   ${parts.join(", ")}\n`);
    }
    if (detail) {
      process.stdout.write("\nwhere the calls go (one traced run each, classified by the path a call names):\n");
      for (const c of cases) {
        const parts = Object.entries(detail[c.name]).sort(([, a], [, b]) => b - a).map(([k, n]) => `${k} ${n}`);
        process.stdout.write(`\n${c.label}: ${parts.join(", ")}\n`);
      }
    }
    return 0;
  } finally {
    arena.cleanup();
  }
}

process.exitCode = main();
