// Installs one pinned npm package into a git-ignored cache directory, once, for the e2e suites:
// Claude Code, Codex CLI and Gemini CLI each get their own directory under .cache/. Concurrent
// runs (vitest workers, other checkouts sharing the cache) serialise on a lock directory, and an
// install is only "there" when its binary runs and reports the pinned version.
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

// An install that has not finished in this long was abandoned by a killed run.
const STALE_LOCK_MS = 10 * 60 * 1000;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * mkdir is atomic, so exactly one concurrent run owns the lock directory; the others wait and
 * then find the install done.
 * @param {string} lockDir
 */
async function acquireInstallLock(lockDir) {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, "owner"), `${process.pid}\n`);
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Removed by its owner between our mkdir and stat: just try again.
      }
      await sleep(500);
    }
  }
}

/**
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>}
 */
function runNpm(args) {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return new Promise((resolve) => {
    execFile(npm, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

export class PinnedInstallError extends Error {
  /** @param {string} message @param {string} output */
  constructor(message, output) {
    super(message);
    this.name = "PinnedInstallError";
    this.output = output;
  }
}

/**
 * Returns `binary(cacheDir)` once `installed(cacheDir)` holds, running `npm install spec` into
 * `cacheDir` first when it does not.
 * @param {{ spec: string, cacheDir: string, binary: (cacheDir: string) => string, installed: (cacheDir: string) => boolean, size: string, log?: (line: string) => void }} options
 */
export async function ensurePinned({ spec, cacheDir, binary, installed, size, log = () => {} }) {
  if (installed(cacheDir)) return binary(cacheDir);
  mkdirSync(cacheDir, { recursive: true });
  const lockDir = join(cacheDir, ".install.lock");
  await acquireInstallLock(lockDir);
  try {
    if (installed(cacheDir)) return binary(cacheDir);
    log(`installing ${spec} into ${cacheDir} (${size}, once)`);
    rmSync(join(cacheDir, "node_modules"), { recursive: true, force: true });
    const { code, output } = await runNpm(["install", "--prefix", cacheDir, "--no-save", "--no-audit", "--no-fund", "--fetch-retries=1", spec]);
    if (code !== 0 || !installed(cacheDir)) {
      // npm's own summary lines, without the stack trace it prints in between.
      const tail = output
        .split("\n")
        .filter((line) => line.startsWith("npm error") && !/^npm error\s+at /.test(line))
        .slice(0, 6)
        .join("\n");
      throw new PinnedInstallError(
        `could not install ${spec} into ${cacheDir}: ` + (code !== 0 ? `npm exited with ${code}` : `npm succeeded but ${binary(cacheDir)} does not run as that version`),
        tail,
      );
    }
    return binary(cacheDir);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
