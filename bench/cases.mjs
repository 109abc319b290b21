// What the bench measures, shared by run.mjs (time, RSS, contention) and strace.mjs (syscalls):
// a throwaway machine (its own HOME, CLAUDE_CONFIG_DIR and one git workspace per case, so the
// cases never disturb each other's lock), the real Claude Code payloads of test/fixtures moved
// into it, and one case per hook path, each with the lock state it needs put in place outside
// the measured run and its outcome checked after, so a figure is never the cost of a wrong path.

import { spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist/cli.cjs");
const FIXTURES = join(ROOT, "test/fixtures/payloads");
/** Where Claude Code 2.1.331 ran when the fixtures were captured (test/fixtures/capture.mjs). */
const CAPTURED_ROOT = "/tmp/csg-capture-DQA4q9";
const CAPTURED_WORKSPACE = `${CAPTURED_ROOT}/workspace`;
/** The contract's ceiling for --ttl-ms: a holder set up with it never goes stale mid-bench. */
const LONGEST_TTL_MS = "604800000";

/** Builds dist/ when it is missing (`npm run bench` builds anyway; this is for `node bench/…`). */
export function ensureBuilt() {
  if (existsSync(DIST)) return;
  process.stderr.write("bench: dist/ is missing, running `npm run build`\n");
  const built = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], {
    cwd: ROOT,
    stdio: ["ignore", 2, 2],
    shell: process.platform === "win32",
  });
  if (built.status !== 0 || !existsSync(DIST)) throw new Error("`npm run build` failed; the bench measures the built bundle");
}

/**
 * The node binary a --node option names. The hooks run with their workspace as cwd, so a path
 * is made absolute here; a bare name is left for PATH to find.
 */
export function nodeOption(value) {
  return value === undefined ? process.execPath : /[\\/]/.test(value) ? resolve(value) : value;
}

export function md5_12(text) {
  return createHash("md5").update(text, "utf8").digest("hex").slice(0, 12);
}

/**
 * A temp HOME + CLAUDE_CONFIG_DIR, git workspaces made on demand, and a snapshot of the built
 * guard (bin/ and dist/, byte for byte): every sample of a run measures the same build, even
 * when someone rebuilds dist/ in the working tree meanwhile (a half-written bundle would
 * otherwise show up as a crash, or a new build as a shift in the figures).
 */
export function makeArena() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "csg-bench-")));
  const guard = join(dir, "guard");
  cpSync(join(ROOT, "bin"), join(guard, "bin"), { recursive: true });
  cpSync(join(ROOT, "dist"), join(guard, "dist"), { recursive: true });
  const build = fingerprint(guard);
  // Anything the bundle leaves external resolves as it would from the repository.
  if (existsSync(join(ROOT, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(guard, "node_modules"), "dir");
  const home = join(dir, "home");
  const config = join(home, ".claude");
  mkdirSync(home, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    CLAUDE_CONFIG_DIR: config,
    // Claude Code sets it for hooks; a live pid, so only the TTL can age a lock here.
    CLAUDE_PID: String(process.pid),
    ...(process.env.TMPDIR && { TMPDIR: process.env.TMPDIR }),
  };
  return {
    dir,
    build,
    bin: join(guard, "bin/claude-session-guard.js"),
    env,
    runtime: join(config, "runtime"),
    workspace(name) {
      const path = join(dir, "ws", name);
      mkdirSync(join(path, ".git"), { recursive: true });
      return path;
    },
    lockPath(workspace) {
      return join(config, "runtime", `session-lock-${md5_12(workspace)}.json`);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Which build a run measured: a hash of the snapshot's files, their sizes, and the commit they
 * were built from (flagged when bin/ or src/ had uncommitted changes), so figures can be tied to
 * a build when the tree moves on.
 */
function fingerprint(guard) {
  const hash = createHash("sha256");
  const files = {};
  for (const sub of ["bin", "dist"]) {
    for (const name of readdirSync(join(guard, sub)).sort()) {
      const bytes = readFileSync(join(guard, sub, name));
      hash.update(`${sub}/${name}\0`).update(bytes);
      files[`${sub}/${name}`] = bytes.length;
    }
  }
  const git = (...args) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  const head = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain", "--", "bin", "src");
  return {
    hash: hash.digest("hex").slice(0, 12),
    files,
    commit: head.status === 0 ? head.stdout.trim() : null,
    uncommitted_changes: dirty.status === 0 ? dirty.stdout.trim() !== "" : null,
  };
}

/** A captured payload moved into `workspace`, as session `sessionId`. */
export function fixturePayload(name, sessionId, workspace) {
  const text = readFileSync(join(FIXTURES, `${name}.json`), "utf8")
    .split(CAPTURED_WORKSPACE)
    .join(workspace)
    .split(CAPTURED_ROOT)
    .join(dirname(workspace));
  return JSON.stringify({ ...JSON.parse(text), session_id: sessionId });
}

/** The contract's output shapes (the same reading as test/race/support/processWorker.mjs). */
export function classify(status, stdout, stderr) {
  if (status !== 0) return "crash";
  if (stdout === "" && stderr === "") return "allow";
  // A fail-open a session was already shown says so on stderr only.
  if (stdout === "" && /^claude-session-guard:[^\n]*\n$/.test(stderr)) return "failopen";
  let parsed = null;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    // Not JSON: reported as "unexpected" below.
  }
  const specific = parsed?.hookSpecificOutput;
  if (stderr === "" && specific?.permissionDecision === "deny") return "deny";
  if (stderr === "" && specific && specific.permissionDecision === undefined && typeof specific.additionalContext === "string") {
    return "notice";
  }
  if (parsed && Object.keys(parsed).join() === "systemMessage") return "failopen";
  return "unexpected";
}

/**
 * One case per measured path. `argv` follows the node binary; `env` is the arena's unless the
 * case brings its own; `before()` puts the lock in the state the case needs and runs outside the
 * measurement; `expect` is the outcome that proves the path was taken, `after()` any state that
 * must follow. With `breakdown`, two more cases split a hook's cost into loading the bundle,
 * the process plumbing (stdin, exit) and the lock work: requiring the bundle and nothing else,
 * and a pretooluse that CLAUDE_SESSION_GUARD_DISABLE=1 turns into an allow as soon as stdin is read.
 */
export function defineCases(node, arena, { breakdown = false } = {}) {
  const self = randomUUID();
  const other = randomUUID();
  const hookRun = (argv, input, cwd) => {
    const r = spawnSync(node, [arena.bin, ...argv], { input, env: arena.env, cwd, encoding: "utf8" });
    const kind = classify(r.status, r.stdout, r.stderr);
    if (kind !== "allow") throw new Error(`bench setup: \`${argv.join(" ")}\` gave ${kind}: ${r.stdout}${r.stderr}${r.error ?? ""}`);
  };
  // Each case is a session of its own: a stop releases every lock its session holds, so cases
  // that shared one would release each other's.
  const hookCase = (name, label, command, fixture, role, prepare) => {
    const workspace = arena.workspace(name);
    const lock = arena.lockPath(workspace);
    const session = role === self ? randomUUID() : role;
    const holdSelf = (...flags) => holdAs(session, workspace, ...flags);
    return { name, label, command, fixture, workspace, lock, cwd: workspace, argv: [arena.bin, command], input: fixturePayload(fixture, session, workspace), ...prepare(workspace, lock, holdSelf) };
  };
  const holdAs = (session, workspace, ...flags) => hookRun(["pretooluse", ...flags], fixturePayload("pre-tool-use-write", session, workspace), workspace);
  const mustExist = (lock, what) => () => {
    if (!existsSync(lock)) throw new Error(`bench: ${what} left no lock`);
  };

  return [
    { name: "floor", label: "node -e 0 (floor)", command: null, fixture: null, cwd: arena.dir, argv: ["-e", "0"], input: "", expect: "allow" },
    hookCase("pretooluse-free", "pretooluse, free lock", "pretooluse", "pre-tool-use-write", self, (_, lock) => ({
      expect: "allow",
      before: () => rmSync(lock, { force: true }),
      after: mustExist(lock, "acquiring a free lock"),
    })),
    hookCase("pretooluse-own", "pretooluse, own lock", "pretooluse", "pre-tool-use-edit", self, (workspace, lock, holdSelf) => ({
      expect: "allow",
      setup: () => holdSelf(),
      after: mustExist(lock, "re-acquiring its own lock"),
    })),
    hookCase("pretooluse-denied", "pretooluse, denied", "pretooluse", "pre-tool-use-edit", self, (workspace) => ({
      expect: "deny",
      setup: () => holdAs(other, workspace, "--ttl-ms", LONGEST_TTL_MS),
    })),
    hookCase("posttooluse", "posttooluse (refresh)", "posttooluse", "post-tool-use-edit", self, (workspace, lock, holdSelf) => ({
      expect: "allow",
      setup: () => holdSelf(),
      after: mustExist(lock, "refreshing its own lock"),
    })),
    hookCase("stop", "stop (release)", "stop", "stop", self, (workspace, lock, holdSelf) => {
      let record = null;
      const staging = join(arena.dir, "stop-lock.staging");
      return {
        expect: "allow",
        // The record a real pretooluse wrote, put back with a fresh acquired_at before each
        // release: same bytes a holder leaves, without paying a hook run per sample.
        setup: () => {
          holdSelf();
          record = JSON.parse(readFileSync(lock, "utf8"));
        },
        before: () => {
          writeFileSync(staging, `${JSON.stringify({ ...record, acquired_at: Date.now() })}\n`, { mode: 0o600 });
          renameSync(staging, lock);
        },
        after: () => {
          if (existsSync(lock)) throw new Error("bench: stop did not release its own lock");
        },
      };
    }),
    hookCase("sessionstart", "sessionstart (heads-up)", "sessionstart", "session-start", self, (workspace) => ({
      expect: "notice",
      setup: () => holdAs(other, workspace, "--ttl-ms", LONGEST_TTL_MS),
    })),
    ...crowdedCases(node, arena, randomUUID()),
    ...(breakdown ? breakdownCases(arena, self) : []),
  ];
}

/** How many other sessions' locks the crowded cases find in the runtime directory. */
export const CROWD = 1000;

/**
 * The hot paths again with CROWD lock files of other workspaces beside the one at stake: a
 * session finds its own locks through its index, never by reading every lock there is, so the
 * figures should match the plain cases. Their own HOME and CLAUDE_CONFIG_DIR keep the crowd away
 * from the other cases.
 */
function crowdedCases(node, arena, session) {
  const config = join(arena.dir, "crowd", ".claude");
  const runtime = join(config, "runtime");
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  for (let i = 0; i < CROWD; i++) {
    const record = { schema_version: 1, session_id: randomUUID(), pid: process.pid, acquired_at: Date.now(), ttl_ms: Number(LONGEST_TTL_MS), workspace: `/crowd/ws-${i}` };
    writeFileSync(join(runtime, `session-lock-${md5_12(`/crowd/ws-${i}`)}.json`), `${JSON.stringify(record)}\n`, { mode: 0o600 });
  }
  const env = { ...arena.env, HOME: join(arena.dir, "crowd"), CLAUDE_CONFIG_DIR: config };
  const lockOf = (workspace) => join(runtime, `session-lock-${md5_12(workspace)}.json`);
  const free = arena.workspace("crowd-pretooluse-free");
  const stopping = arena.workspace("crowd-stop");
  const run = (argv, input, cwd) => spawnSync(node, [arena.bin, ...argv], { input, env, cwd, encoding: "utf8" });
  return [
    {
      name: "pretooluse-free-crowd",
      label: `pretooluse, free lock, ${CROWD} other locks`,
      command: "pretooluse",
      fixture: "pre-tool-use-write",
      workspace: free,
      cwd: free,
      env,
      argv: [arena.bin, "pretooluse"],
      input: fixturePayload("pre-tool-use-write", session, free),
      expect: "allow",
      before: () => rmSync(lockOf(free), { force: true }),
      after: () => {
        if (!existsSync(lockOf(free))) throw new Error("bench: acquiring a free lock among the crowd left no lock");
      },
    },
    {
      name: "stop-crowd",
      label: `stop (release), ${CROWD} other locks`,
      command: "stop",
      fixture: "stop",
      workspace: stopping,
      cwd: stopping,
      env,
      argv: [arena.bin, "stop"],
      input: fixturePayload("stop", session, stopping),
      expect: "allow",
      // A real pretooluse takes the lock (and notes it in the session's index) before each release.
      before: () => {
        const r = run(["pretooluse"], fixturePayload("pre-tool-use-write", session, stopping), stopping);
        if (classify(r.status, r.stdout, r.stderr) !== "allow") throw new Error(`bench setup: pretooluse among the crowd gave ${r.stdout}${r.stderr}`);
      },
      after: () => {
        if (existsSync(lockOf(stopping))) throw new Error("bench: stop among the crowd did not release its lock");
        const left = readdirSync(runtime).filter((name) => name.startsWith("session-lock-")).length;
        if (left !== CROWD) throw new Error(`bench: stop among the crowd touched other locks (${left} left of ${CROWD})`);
      },
    },
  ];
}

function breakdownCases(arena, session) {
  const bundle = join(dirname(dirname(arena.bin)), "dist", "cli.cjs");
  const workspace = arena.workspace("disabled");
  return [
    ...(existsSync(bundle)
      ? [
          {
            name: "require-bundle",
            label: "(require dist/cli.cjs only)",
            diagnostic: true,
            command: null,
            fixture: null,
            cwd: arena.dir,
            argv: ["-e", `require(${JSON.stringify(bundle)})`],
            input: "",
            expect: "allow",
          },
        ]
      : []),
    {
      name: "pretooluse-disabled",
      label: "(pretooluse, guard disabled)",
      diagnostic: true,
      command: "pretooluse",
      fixture: "pre-tool-use-edit",
      workspace,
      cwd: workspace,
      argv: [arena.bin, "pretooluse"],
      input: fixturePayload("pre-tool-use-edit", session, workspace),
      env: { ...arena.env, CLAUDE_SESSION_GUARD_DISABLE: "1" },
      expect: "allow",
    },
  ];
}

/** Checks a finished run of `c` against what the case promised. */
export function verify(c, status, stdout, stderr) {
  const kind = classify(status, stdout, stderr);
  if (kind !== c.expect) {
    throw new Error(`bench: "${c.label}" gave ${kind}, expected ${c.expect} (exit ${status})\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
  c.after?.();
}
