// A real redis-server for the tests, on a free loopback port: no persistence, KEYS disabled (the
// store must SCAN), optionally password-protected. It can be stopped, paused (SIGSTOP: a hung
// Redis that still accepts connections) and started again on the same port.
//
// The test setup never installs Redis. Without `redis-server` on PATH the Redis suites are
// skipped with a loud notice, unless CSG_REQUIRE_REDIS=1 (CI sets it), which makes them fail.

import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { Redis } from "ioredis";
import { describe, it } from "vitest";

export const REDIS_REQUIRED = process.env.CSG_REQUIRE_REDIS === "1";

export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not in this directory.
    }
  }
  return null;
}

export const REDIS_SERVER = onPath("redis-server");

const MISSING =
  "redis-server is not on PATH, so the Redis store suites cannot run. " +
  "Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis).";

/**
 * `describe` for a suite that needs redis-server (and any other `tools`): runs it when they are
 * on PATH; otherwise fails it under CSG_REQUIRE_REDIS=1, or skips it and says so loudly.
 */
export function describeRedis(name: string, body: () => void, tools: string[] = []): void {
  const missing = [...(REDIS_SERVER === null ? ["redis-server"] : []), ...tools.filter((tool) => onPath(tool) === null)];
  const why =
    missing.length === 0
      ? ""
      : missing.includes("redis-server")
        ? MISSING
        : `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not on PATH, so this Redis suite cannot run.`;
  if (missing.length > 0 && REDIS_REQUIRED) {
    describe(name, () => {
      it(`needs ${missing.join(" and ")} (CSG_REQUIRE_REDIS=1)`, () => {
        throw new Error(`CSG_REQUIRE_REDIS=1 but ${why}`);
      });
    });
    return;
  }
  if (missing.length > 0) {
    console.warn(`\n${"!".repeat(78)}\n!! SKIPPED: ${name}\n!! ${why}\n!! Set CSG_REQUIRE_REDIS=1 to make this a failure.\n${"!".repeat(78)}\n`);
  }
  describe.skipIf(missing.length > 0)(name, body);
}

export interface RedisServerOptions {
  password?: string;
  /** Extra redis-server arguments (e.g. TLS settings). */
  args?: (port: number) => string[];
  /** Port for the plain TCP listener; 0 turns it off (a TLS-only server). */
  plainPort?: boolean;
}

export interface RedisServer {
  port: number;
  /** redis://[:password@]127.0.0.1:port */
  url: string;
  /** A client for arranging and inspecting state (already authenticated), on `db`. */
  client(db?: number): Promise<Redis>;
  /** Kills the server (SIGKILL, as a crash would) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** SIGSTOP: the kernel still accepts connections, but nothing ever answers. */
  pause(): void;
  resume(): void;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  if (REDIS_SERVER === null) throw new Error(MISSING);
  const dir = mkdtempSync(join(tmpdir(), "csg-redis-"));
  const clients: Redis[] = [];
  let child: ChildProcess | null = null;
  let port = 0;

  async function launch(): Promise<void> {
    const args = [
      ...(options.plainPort === false ? ["--port", "0"] : ["--port", String(port)]),
      "--bind", "127.0.0.1",
      "--save", "",
      "--appendonly", "no",
      "--dir", dir,
      "--rename-command", "KEYS", '""',
      ...(options.password !== undefined ? ["--requirepass", options.password] : []),
      ...(options.args?.(port) ?? []),
    ];
    const proc = spawn(REDIS_SERVER!, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
      const seen = (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.stdout!.on("data", seen);
      proc.stderr!.on("data", seen);
      proc.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`));
      });
    });
    proc.removeAllListeners("exit");
    child = proc;
  }

  // Another process may take the free port between the probe and redis-server's bind: try again.
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }

  const auth = options.password !== undefined ? `:${encodeURIComponent(options.password)}@` : "";
  const server: RedisServer = {
    port,
    url: `redis://${auth}127.0.0.1:${port}`,
    async client(db = 0) {
      const redis = new Redis({ host: "127.0.0.1", port, db, password: options.password, lazyConnect: true, maxRetriesPerRequest: 1 });
      redis.on("error", () => {});
      await redis.connect();
      clients.push(redis);
      return redis;
    },
    async stop() {
      const proc = child;
      child = null;
      for (const redis of clients.splice(0)) redis.disconnect();
      if (proc === null || proc.exitCode !== null) return;
      const gone = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGCONT");
      proc.kill("SIGKILL");
      await gone;
    },
    async start() {
      await launch();
    },
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Every key matching `pattern`, by SCAN (the test server disables KEYS, as the store must never use it). */
export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 100);
    found.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return found;
}
