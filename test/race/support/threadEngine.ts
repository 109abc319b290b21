// The in-process race engine: one worker thread per contender, each calling the lock's own code
// (threadWorker.ts) on the real file system or a real Redis. Threads start in microseconds and
// wait on shared memory, not on a polled file, so thousands of rounds take seconds: this is where
// the algorithm's exclusion is proven at volume; processEngine.ts proves the shipped binary.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { buildSync } from "esbuild";
import type { Arena, Engine, Played, Role } from "./harness.js";
import { DECIDED, GATE, GO, READY, SETUP, type ThreadPlan } from "./threadControl.js";

let bundled: string | null = null;

/** Atomics.waitAsync (Node 16+), which TypeScript's ES2022 library does not declare. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<unknown> | string };
}).waitAsync;

/** The worker, bundled once per test file (worker threads do not run TypeScript). */
function workerBundle(): string {
  if (bundled !== null) return bundled;
  const dir = mkdtempSync(join(tmpdir(), "csg-thread-worker-"));
  const outfile = join(dir, "threadWorker.cjs");
  buildSync({
    entryPoints: [join(import.meta.dirname, "threadWorker.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "warning",
    alias: { debug: join(import.meta.dirname, "../../../src/lock/redis/silentDebug.ts") },
  });
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  bundled = outfile;
  return outfile;
}

export interface ThreadStore {
  key: string;
  store: ThreadPlan["store"];
  ttlMs: number;
}

export function threadEngine(arena: Arena, target: ThreadStore, waitMs = 30_000): Engine {
  return async (rounds: Role[][], hooks) => {
    const contenders = rounds[0]!.length;
    const control = new SharedArrayBuffer(4 * (GATE + contenders));
    const ctl = new Int32Array(control);
    const inbox = new Map<number, Played[]>();
    const failures: string[] = [];
    let wake: (() => void) | null = null;
    const workers = Array.from({ length: contenders }, (_, id) => {
      const plan: ThreadPlan = { id, rounds, log: arena.log, key: target.key, store: target.store, ttlMs: target.ttlMs, control };
      const worker = new Worker(workerBundle(), { workerData: plan });
      worker.on("message", (message: { type: string; round: number; played: Played; error?: string }) => {
        if (message.type === "error") failures.push(`contender ${id}: ${message.error}`);
        else inbox.set(message.round, [...(inbox.get(message.round) ?? []), message.played]);
        wake?.();
      });
      worker.on("error", (error) => {
        failures.push(`contender ${id}: ${error.stack ?? error}`);
        wake?.();
      });
      return worker;
    });

    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + waitMs;
      while (!condition()) {
        if (failures.length > 0) throw new Error(failures.join("\n"));
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 5);
        });
      }
    };

    /** Waits, without polling, until `ctl[index]` reaches `value`. */
    const reach = async (index: number, value: number, what: string) => {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const seen = Atomics.load(ctl, index);
        if (seen >= value) return;
        if (failures.length > 0) throw new Error(failures.join("\n"));
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        const wait = waitAsync(ctl, index, seen, 100);
        if (wait.async) await wait.value;
      }
    };

    try {
      for (let round = 0; round < rounds.length; round++) {
        await hooks.setup(round);
        Atomics.store(ctl, READY, 0);
        Atomics.store(ctl, DECIDED, 0);
        Atomics.store(ctl, SETUP, round + 1);
        Atomics.notify(ctl, SETUP);
        await reach(READY, contenders, `round ${round}: every contender at the start line`);
        Atomics.store(ctl, GO, round + 1);
        Atomics.notify(ctl, GO);
        await until(() => (inbox.get(round)?.length ?? 0) === contenders, `round ${round}: every contender done`);
        await hooks.after(round, inbox.get(round)!.sort((a, b) => a.id - b.id));
        inbox.delete(round);
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}
