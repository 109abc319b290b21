// The binary race engine: one long-lived worker process per contender (processWorker.mjs), whose
// hook processes of the shipped bin/ -> dist/ are held at a shared start line (barrier.cjs) and
// released together, so the hooks hit the store within the same few milliseconds. What is
// store-specific (the plan's environment, where the lock lives) comes in from the test.

import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { closeSync, constants, openSync, readdirSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Arena, Engine, Played, Role } from "./harness.js";

const root = join(import.meta.dirname, "../../..");
const BIN = join(root, "bin/claude-session-guard.js");
const WORKER = join(import.meta.dirname, "processWorker.mjs");
const BARRIER = join(import.meta.dirname, "barrier.cjs");

const workers: ChildProcess[] = [];

/** Kills the workers still running; for `afterEach`. */
export function killWorkers(): void {
  for (const worker of workers.splice(0)) if (worker.exitCode === null && worker.pid !== undefined) worker.kill();
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A worker that finished its last round has disconnected; it needs no further messages. */
function tell(worker: ChildProcess, message: { type: string; round: number }): void {
  if (worker.connected) worker.send(message, () => {});
}

/** A FIFO start line, held open for reading and writing so that opening it never blocks. */
function startLine(path: string): number {
  execFileSync("mkfifo", ["-m", "600", path]);
  return openSync(path, constants.O_RDWR);
}

/**
 * The process engine. `plan` is the store's part of the worker plan: `lockPath`, `workspace`,
 * `env`, or `redisUrl`, `lockKey`, `hosts`, `env`.
 */
export function processEngine(arena: Arena, plan: Record<string, unknown>, waitMs = 30_000): Engine {
  return async (roles: Role[][], hooks) => {
    const count = roles[0]!.length;
    const barrier = join(arena.dir, "barrier");
    const planPath = join(arena.dir, "plan.json");
    writeFileSync(planPath, JSON.stringify({ bin: BIN, barrier: BARRIER, dir: barrier, log: arena.log, rounds: roles, ...plan }));

    const decided = new Map<number, number>();
    const done = new Map<number, Played[]>();
    const failures: string[] = [];
    const spawned = Array.from({ length: count }, (_, id) => {
      const worker = fork(WORKER, [planPath, String(id)], { stdio: ["ignore", "inherit", "pipe", "ipc"] });
      workers.push(worker);
      let stderr = "";
      worker.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      worker.on("message", (message: { type: string; round: number; error?: string } & Played) => {
        if (message.type === "error") failures.push(`worker ${id}: ${message.error}`);
        if (message.type === "decided") {
          decided.set(message.round, (decided.get(message.round) ?? 0) + 1);
          if (decided.get(message.round) === count) for (const w of spawned) tell(w, { type: "all-decided", round: message.round });
        }
        if (message.type === "done") done.set(message.round, [...(done.get(message.round) ?? []), message]);
      });
      worker.on("exit", (code) => {
        if (code !== 0) failures.push(`worker ${id} exited with ${code}: ${stderr}`);
      });
      return worker;
    });
    const healthy = () => {
      if (failures.length > 0) throw new Error(failures.join("\n"));
      return true;
    };

    for (let round = 0; round < roles.length; round++) {
      await hooks.setup(round);
      // The shared line, and each contender's private gate (opened by its worker after its exit line).
      const lines = [startLine(join(barrier, `go-${round}`)), ...Array.from({ length: count }, (_, id) => startLine(join(barrier, `gate-${round}-${id}`)))];
      try {
        for (const worker of spawned) tell(worker, { type: "setup", round });
        await until(
          () => healthy() && readdirSync(barrier).filter((n) => n.startsWith(`ready-${round}-`)).length === count,
          `round ${round}: every hook at the start line`,
          waitMs,
        );
        writeSync(lines[0]!, Buffer.alloc(count));
        for (const worker of spawned) tell(worker, { type: "go", round });
        await until(() => healthy() && (done.get(round)?.length ?? 0) === count, `round ${round}: every contender done`, waitMs);
      } finally {
        for (const fd of lines) closeSync(fd);
      }
      await hooks.after(round, done.get(round)!.sort((a, b) => a.id - b.id));
      // Only this round's files: the next round's hooks may already be waiting at their line.
      for (const name of readdirSync(barrier)) if (name.split("-")[1] === String(round)) rmSync(join(barrier, name));
    }
    await Promise.all(spawned.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once("exit", resolve)))));
    healthy();
  };
}
