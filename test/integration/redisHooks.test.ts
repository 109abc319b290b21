// The hook commands on the Redis store, through the built binary (bin/ -> dist/), against a real
// redis-server: two "hosts" (separate HOME, config dir and workspace path, one workspace id)
// share one Redis and block each other exactly as two sessions on one machine do; a Redis that
// is down, hung or refuses the password makes the hook fail open fast and never shows the
// password; the file store never loads the Redis client.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CliResult, md5_12, payload, runCli, type Sandbox, sandbox } from "./support/cli.js";
import { describeRedis, type RedisServer, startRedis } from "../support/redisServer.js";

const WORKSPACE_ID = "acme/app";
const LOCK_KEY = `claude-session-guard:lock:${md5_12(WORKSPACE_ID)}`;
const PASSWORD = "Tr0ub4dor&3:/@x";
/** What a hook may take at most to fail open, from spawn to exit (the contract's 1.5 s). */
const FAIL_OPEN_BUDGET_MS = 1500;

interface Host {
  box: Sandbox;
  env: NodeJS.ProcessEnv;
  hook(command: string, session: string, options?: { event?: string; env?: NodeJS.ProcessEnv; args?: string[] }): Promise<CliResult>;
}

const boxes: Sandbox[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) box.cleanup();
});

/** A machine of its own: HOME, Claude config dir and a workspace at a path no other host shares. */
function host(url: string, extra: NodeJS.ProcessEnv = {}): Host {
  const box = sandbox();
  boxes.push(box);
  const env = {
    ...box.env,
    CLAUDE_CONFIG_DIR: box.config,
    CLAUDE_SESSION_GUARD_STORE: url,
    CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID,
    // A live pid, so no holder is ever judged dead unless a test says so.
    CLAUDE_PID: String(process.pid),
    ...extra,
  };
  const events: Record<string, string> = { pretooluse: "PreToolUse", posttooluse: "PostToolUse", stop: "Stop", sessionstart: "SessionStart" };
  return {
    box,
    env,
    hook: (command, session, options = {}) =>
      runCli([command, ...(options.args ?? [])], {
        input: payload(session, box.workspace, { event: options.event ?? events[command] }),
        env: { ...env, ...options.env },
      }),
  };
}

function expectAllow(result: CliResult): void {
  expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
}

function expectDeny(result: CliResult): string {
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  const out = JSON.parse(result.stdout);
  expect(out.hookSpecificOutput.permissionDecision).toBe("deny");
  return `${out.hookSpecificOutput.permissionDecisionReason}\n${out.hookSpecificOutput.additionalContext}`;
}

function expectNotice(result: CliResult): string {
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  const out = JSON.parse(result.stdout);
  expect(Object.keys(out).sort()).toEqual(["hookSpecificOutput", "systemMessage"]);
  expect(out.hookSpecificOutput).not.toHaveProperty("permissionDecision");
  return out.systemMessage as string;
}

/**
 * The contract's fail-open shape: exit 0, one stderr line, and a lone systemMessage the first time
 * a session meets the problem (`shown`); later calls of that session stay quiet. Returns the line.
 */
function expectFailOpen(result: CliResult, { shown = true } = {}): string {
  expect(result.code).toBe(0);
  const stderrLines = result.stderr.split("\n").filter(Boolean);
  expect(stderrLines).toHaveLength(1);
  expect(stderrLines[0]).toMatch(/^claude-session-guard: /);
  if (!shown) {
    expect(result.stdout).toBe("");
    return stderrLines[0]!;
  }
  const out = JSON.parse(result.stdout);
  expect(Object.keys(out)).toEqual(["systemMessage"]);
  expect(out.systemMessage).toMatch(/^claude-session-guard: not guarding this workspace: /);
  return stderrLines[0]!;
}

async function timed(run: () => Promise<CliResult>): Promise<CliResult & { ms: number }> {
  const started = performance.now();
  const result = await run();
  return { ...result, ms: performance.now() - started };
}

function logEntries(h: Host): Array<Record<string, unknown>> {
  const path = join(h.box.home, ".local", "state", "claude-session-guard", "decisions.jsonl");
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").trim().split("\n").map((l) => JSON.parse(l));
}

/** Every file a host's sandbox holds (logs, config, runtime), for secrets that must not be there. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function expectNoSecret(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}

describeRedis("hook commands on the Redis store", () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    if (!existsSync(join(import.meta.dirname, "../../dist/redis.cjs"))) throw new Error("dist/redis.cjs is missing: run `npm run build` first");
    server = await startRedis();
  });
  beforeEach(async () => {
    redis = await server.client();
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.close();
  });

  const lock = async () => {
    const value = await redis.get(LOCK_KEY);
    return value === null ? null : JSON.parse(value);
  };

  describe("two hosts sharing one Redis", () => {
    it("block each other exactly as two sessions on one machine do", async () => {
      const a = host(server.url);
      const b = host(server.url);
      expect(a.box.workspace).not.toBe(b.box.workspace);

      expectAllow(await a.hook("pretooluse", "aaaa1111-on-a"));
      const taken = await lock();
      expect(taken).toMatchObject({ session_id: "aaaa1111-on-a", pid: process.pid, workspace: a.box.workspace, hostname: hostname(), generation: 1 });

      const reason = expectDeny(await b.hook("pretooluse", "bbbb2222-on-b"));
      expect(reason).toContain(`session aaaa1111 (pid ${process.pid})`);
      expect(reason).toContain(`Workspace: ${b.box.workspace}`);
      expect(reason).toContain(`claude-session-guard clear --workspace ${b.box.workspace}`);
      expect(logEntries(b).at(-1)).toMatchObject({ outcome: "block", session: "bbbb2222-on-b", holder: { session_id: "aaaa1111-on-a" } });

      // Refresh is the holder's alone; the other host's refresh and stop leave the lock be.
      expectAllow(await a.hook("posttooluse", "aaaa1111-on-a"));
      expect(await lock()).toMatchObject({ session_id: "aaaa1111-on-a", generation: 2 });
      expectAllow(await b.hook("posttooluse", "bbbb2222-on-b"));
      expectAllow(await b.hook("stop", "bbbb2222-on-b"));
      expect(await lock()).toMatchObject({ session_id: "aaaa1111-on-a", generation: 2 });

      expectAllow(await a.hook("stop", "aaaa1111-on-a"));
      expect(await lock()).toBeNull();
      expectAllow(await b.hook("pretooluse", "bbbb2222-on-b"));
      expect(await lock()).toMatchObject({ session_id: "bbbb2222-on-b", workspace: b.box.workspace });
      expectDeny(await a.hook("pretooluse", "aaaa1111-on-a"));

      // The lock lives in Redis only: neither host has a lock file.
      for (const h of [a, b]) expect(existsSync(h.box.runtime) ? readdirSync(h.box.runtime) : []).toEqual([]);
    });

    it("see different workspaces without a shared CLAUDE_SESSION_GUARD_WORKSPACE_ID, as the paths differ", async () => {
      const a = host(server.url, { CLAUDE_SESSION_GUARD_WORKSPACE_ID: "" });
      const b = host(server.url, { CLAUDE_SESSION_GUARD_WORKSPACE_ID: "" });
      expectAllow(await a.hook("pretooluse", "a"));
      expectAllow(await b.hook("pretooluse", "b"));
      expect(await redis.get(`claude-session-guard:lock:${md5_12(a.box.workspace)}`)).toContain('"session_id":"a"');
      expect(await redis.get(`claude-session-guard:lock:${md5_12(b.box.workspace)}`)).toContain('"session_id":"b"');
    });

    it("take over a lapsed lock across hosts, and tell its holder once when it comes back", async () => {
      const a = host(server.url);
      const b = host(server.url);
      expectAllow(await a.hook("pretooluse", "aaaa1111-a", { env: { CLAUDE_SESSION_GUARD_TTL_MS: "1000" } }));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // The lapsed record is still in Redis (its key outlives the TTL), so the taker knows whom it displaced.
      expect(await lock()).toMatchObject({ session_id: "aaaa1111-a" });
      expectAllow(await b.hook("pretooluse", "bbbb2222-b"));
      expect(logEntries(b).at(-1)).toMatchObject({ outcome: "takeover", reason: "stale", holder: { session_id: "aaaa1111-a" } });
      expectDeny(await a.hook("pretooluse", "aaaa1111-a"));
      expectAllow(await b.hook("stop", "bbbb2222-b"));
      expect(expectNotice(await a.hook("pretooluse", "aaaa1111-a"))).toContain(`session bbbb2222, pid ${process.pid}`);
      expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
    });

    it("judge a holder dead by its pid only on the holder's own host", async () => {
      const b = host(server.url);
      const gone = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
      // This machine's boot id: a holder from another boot could be another machine of the same name.
      const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
      const holder = { schema_version: 1, session_id: "far-away", pid: gone, acquired_at: Date.now(), ttl_ms: 300_000, pid_start: `linux:${boot}:1` };
      await redis.set(LOCK_KEY, JSON.stringify({ ...holder, hostname: "another-machine" }), "PX", 3_600_000);
      expect(expectDeny(await b.hook("pretooluse", "bbbb2222-b"))).toContain("session far-away");
      await redis.set(LOCK_KEY, JSON.stringify({ ...holder, hostname: hostname() }), "PX", 3_600_000);
      expectAllow(await b.hook("pretooluse", "bbbb2222-b"));
      expect(logEntries(b).at(-1)).toMatchObject({ outcome: "takeover", reason: "dead" });
    });

    it("warn a new session at sessionstart that the other host holds the workspace", async () => {
      const a = host(server.url);
      const b = host(server.url);
      expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
      expect(expectNotice(await b.hook("sessionstart", "bbbb2222-b"))).toContain("holds this workspace");
    });
  });

  describe("failing open", () => {
    it(`when Redis stops mid-session: within ${FAIL_OPEN_BUDGET_MS} ms, then guards again once it is back`, async () => {
      const own = await startRedis();
      try {
        const a = host(own.url);
        const b = host(own.url);
        expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
        await own.stop();
        for (const command of ["pretooluse", "posttooluse", "stop"]) {
          const result = await timed(() => a.hook(command, "aaaa1111-a"));
          expect(result.ms, `${command} took ${Math.round(result.ms)} ms`).toBeLessThan(FAIL_OPEN_BUDGET_MS);
          expect(expectFailOpen(result, { shown: command === "pretooluse" })).toBe(
            `claude-session-guard: cannot reach the Redis lock store at redis://127.0.0.1:${own.port}/0 ` +
              `(connect ECONNREFUSED 127.0.0.1:${own.port}); check that Redis runs there and that CLAUDE_SESSION_GUARD_STORE names it ` +
              "(allowing the tool call)",
          );
        }
        expect(logEntries(a).filter((e) => e.outcome === "fail-open")).toHaveLength(3);

        await own.start();
        expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
        expectDeny(await b.hook("pretooluse", "bbbb2222-b"));
      } finally {
        await own.close();
      }
    });

    it(`when Redis hangs (accepts connections, never answers): within ${FAIL_OPEN_BUDGET_MS} ms, then recovers`, async () => {
      const own = await startRedis();
      try {
        const a = host(own.url);
        expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
        own.pause();
        const result = await timed(() => a.hook("pretooluse", "aaaa1111-a"));
        expect(result.ms, `took ${Math.round(result.ms)} ms`).toBeLessThan(FAIL_OPEN_BUDGET_MS);
        expect(expectFailOpen(result)).toBe(
          `claude-session-guard: the Redis lock store at redis://127.0.0.1:${own.port}/0 did not answer within 400 ms (reading the lock) (allowing the tool call)`,
        );
        own.resume();
        expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
      } finally {
        own.resume();
        await own.close();
      }
    });

    it.each([
      ["CLAUDE_SESSION_GUARD_STORE", "ftp://127.0.0.1:6379", [], /^claude-session-guard: CLAUDE_SESSION_GUARD_STORE must be a Redis URL, .*unsupported scheme "ftp:"/],
      ["--store", "", ["--store", "redis://:hunter2@"], /^claude-session-guard: --store must be a Redis URL, .*"redis:\/\/\*\*\*" is not a URL/],
    ])("on a store URL that is not a Redis URL, naming %s", async (_name, url, args, message) => {
      const a = host(url);
      const result = await a.hook("pretooluse", "a", { args });
      expect(expectFailOpen(result)).toMatch(message);
      expectNoSecret([result.stdout, result.stderr], ["hunter2"]);
    });
  });

  describe("a password-protected Redis", () => {
    let secured: RedisServer;
    beforeAll(async () => {
      secured = await startRedis({ password: PASSWORD });
    });
    afterAll(async () => {
      await secured?.close();
    });
    const secrets = [PASSWORD, encodeURIComponent(PASSWORD), "Tr0ub4dor"];

    it("works with the password in the URL, and never shows it, even with DEBUG=ioredis:*", async () => {
      expect(secured.url).toContain(encodeURIComponent(PASSWORD));
      const a = host(secured.url, { DEBUG: "*" });
      const b = host(secured.url, { DEBUG: "ioredis:*" });
      const results = [
        await a.hook("pretooluse", "aaaa1111-a"),
        await b.hook("pretooluse", "bbbb2222-b"),
        await b.hook("sessionstart", "bbbb2222-b"),
        await a.hook("posttooluse", "aaaa1111-a"),
        await a.hook("stop", "aaaa1111-a"),
      ];
      expectAllow(results[0]!);
      expectDeny(results[1]!);
      expectNotice(results[2]!);
      expectAllow(results[3]!);
      expectAllow(results[4]!);
      expectNoSecret(results.flatMap((r) => [r.stdout, r.stderr]), secrets);
      for (const h of [a, b]) expectNoSecret(allFiles(h.box.root).map((f) => readFileSync(f, "utf8")), secrets);
    });

    it("takes the URL from --store as well, over the environment", async () => {
      const a = host("redis://127.0.0.1:1");
      expectAllow(await a.hook("pretooluse", "aaaa1111-a", { args: ["--store", secured.url] }));
      const b = host("redis://127.0.0.1:1");
      expectDeny(await b.hook("pretooluse", "bbbb2222-b", { args: [`--store=${secured.url}`] }));
    });

    it.each([
      ["a wrong password", `redis://:${encodeURIComponent("Tr0ub4dor&4:/@y")}@127.0.0.1:PORT`, /refused the user name or password in the store URL \(WRONGPASS/],
      ["a wrong user", `redis://nobody:${encodeURIComponent(PASSWORD)}@127.0.0.1:PORT/0`, /refused the user name or password in the store URL \(WRONGPASS/],
      ["no password", "redis://127.0.0.1:PORT", /requires a password: put it in the store URL, redis:\/\/:PASSWORD@host:port/],
    ])("fails open with %s, and shows no password", async (_name, template, problem) => {
      const a = host(template.replace("PORT", String(secured.port)), { DEBUG: "ioredis:*" });
      const results = [];
      for (const command of ["pretooluse", "posttooluse", "stop"]) {
        const result = await a.hook(command, "aaaa1111-a");
        expect(expectFailOpen(result, { shown: command === "pretooluse" })).toMatch(problem);
        expect(result.stderr).toContain(`redis://127.0.0.1:${secured.port}/0`);
        results.push(result);
      }
      expect(logEntries(a).filter((e) => e.outcome === "fail-open")).toHaveLength(3);
      const tried = ["Tr0ub4dor&4:/@y", encodeURIComponent("Tr0ub4dor&4:/@y")];
      expectNoSecret(results.flatMap((r) => [r.stdout, r.stderr]), [...secrets, ...tried]);
      expectNoSecret(allFiles(a.box.root).map((f) => readFileSync(f, "utf8")), [...secrets, ...tried]);
    });
  });

  describe("loading", () => {
    // A preload that records, at exit, every module file the hook process loaded.
    function tracer(dir: string): { env: NodeJS.ProcessEnv; loaded(): string[] } {
      const script = join(dir, "trace.cjs");
      const out = join(dir, "loaded.json");
      writeFileSync(
        script,
        `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`,
      );
      return { env: { NODE_OPTIONS: `--require ${script}` }, loaded: () => JSON.parse(readFileSync(out, "utf8")) };
    }

    it("never loads the Redis client on the file store, and loads it on the Redis store", async () => {
      const a = host(server.url);
      const trace = tracer(a.box.root);
      expectAllow(await a.hook("pretooluse", "a", { env: { ...trace.env, CLAUDE_SESSION_GUARD_STORE: "" } }));
      const onFiles = trace.loaded();
      expect(onFiles.some((f) => f.endsWith("dist/cli.cjs"))).toBe(true);
      expect(onFiles.filter((f) => f.endsWith("redis.cjs") || f.includes("ioredis"))).toEqual([]);
      expectAllow(await a.hook("stop", "a", { env: { ...trace.env, CLAUDE_SESSION_GUARD_STORE: "" } }));

      expectAllow(await a.hook("pretooluse", "a", { env: trace.env }));
      expect(trace.loaded().filter((f) => f.endsWith("dist/redis.cjs"))).toHaveLength(1);
    });
  });
});

describeRedis("hook commands on a TLS Redis (rediss://)", () => {
  let server: RedisServer | null = null;
  let ca = "";

  beforeAll(async () => {
    const dir = join(boxFor().root, "tls");
    mkdirSync(dir);
    ca = makeCertificates(dir);
    server = await startRedis({
      plainPort: false,
      args: (port) => [
        "--tls-port", String(port),
        "--tls-cert-file", join(dir, "server.pem"),
        "--tls-key-file", join(dir, "server.key"),
        "--tls-ca-cert-file", ca,
        "--tls-auth-clients", "no",
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("guards over TLS when the server's certificate is trusted (NODE_EXTRA_CA_CERTS)", async () => {
    const url = `rediss://localhost:${server!.port}`;
    const a = host(url, { NODE_EXTRA_CA_CERTS: ca });
    const b = host(url, { NODE_EXTRA_CA_CERTS: ca });
    expectAllow(await a.hook("pretooluse", "aaaa1111-a"));
    expectDeny(await b.hook("pretooluse", "bbbb2222-b"));
    expectAllow(await a.hook("stop", "aaaa1111-a"));
    expectAllow(await b.hook("pretooluse", "bbbb2222-b"));
  });

  it("fails open, saying why, when the certificate is not trusted", async () => {
    const a = host(`rediss://localhost:${server!.port}`);
    const result = await timed(() => a.hook("pretooluse", "aaaa1111-a"));
    expect(result.ms).toBeLessThan(FAIL_OPEN_BUDGET_MS);
    expect(expectFailOpen(result)).toMatch(
      new RegExp(`^claude-session-guard: cannot reach the Redis lock store at rediss://localhost:${server!.port}/0 \\(.*(certificate|self.signed).*\\)`, "i"),
    );
  });
}, ["openssl"]);

/** A sandbox that lives as long as the suite (the TLS files), not one test. */
let suiteBox: Sandbox | null = null;
function boxFor(): Sandbox {
  suiteBox ??= sandbox();
  return suiteBox;
}
afterAll(() => suiteBox?.cleanup());

/** A throwaway CA and a server certificate for localhost and 127.0.0.1, signed by it. Returns the CA file. */
function makeCertificates(dir: string): string {
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=csg test CA", "-keyout", "ca.key", "-out", "ca.pem");
  run("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr");
  writeFileSync(join(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.pem");
  return join(dir, "ca.pem");
}
