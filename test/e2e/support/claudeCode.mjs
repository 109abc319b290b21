// Installs the pinned Claude Code CLI into a git-ignored cache, once, for the e2e suite and the
// fixture capture script. npm here does not run the wrapper's postinstall (which would copy the
// native binary into place), so we call the platform package's binary directly.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLAUDE_CODE_VERSION = "2.1.331";
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, ".cache", "claude-code");

// An install that has not finished in this long was abandoned by a killed run.
const STALE_LOCK_MS = 10 * 60 * 1000;

function isMusl() {
  if (process.platform !== "linux") return false;
  // glibcVersionRuntime is absent on musl; the same probe the wrapper's own install.cjs uses.
  const report = /** @type {any} */ (process.report?.getReport?.());
  return report != null && report.header?.glibcVersionRuntime === undefined;
}

/** The optional dependency that carries the native binary for this machine. */
export function platformPackage() {
  const base = `@anthropic-ai/claude-code-${process.platform}-${process.arch}`;
  return isMusl() ? `${base}-musl` : base;
}

/** @param {string} [cacheDir] */
export function claudeBinaryPath(cacheDir = DEFAULT_CACHE_DIR) {
  const name = process.platform === "win32" ? "claude.exe" : "claude";
  return join(cacheDir, "node_modules", platformPackage(), name);
}

/** @param {string} packageDir @returns {string | null} */
function versionAt(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).version ?? null;
  } catch {
    return null;
  }
}

/**
 * Running the binary, not just finding its manifest, catches an install that a killed run left
 * half-extracted (npm writes package.json before the 400 MB binary is complete).
 * @param {string} cacheDir @param {string} version
 */
function isInstalled(cacheDir, version) {
  const binary = claudeBinaryPath(cacheDir);
  if (
    versionAt(join(cacheDir, "node_modules", "@anthropic-ai", "claude-code")) !== version ||
    versionAt(join(cacheDir, "node_modules", platformPackage())) !== version ||
    !existsSync(binary)
  ) {
    return false;
  }
  try {
    return execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000 }).trim().startsWith(`${version} `);
  } catch {
    return false;
  }
}

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

export class ClaudeCodeInstallError extends Error {
  /** @param {string} message @param {string} output */
  constructor(message, output) {
    super(message);
    this.name = "ClaudeCodeInstallError";
    this.output = output;
  }
}

/**
 * Returns the path of the pinned Claude Code binary, installing it first when missing.
 * @param {{ cacheDir?: string, version?: string, log?: (line: string) => void }} [options]
 */
export async function ensureClaudeCode(options = {}) {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const version = options.version ?? CLAUDE_CODE_VERSION;
  const log = options.log ?? (() => {});
  if (isInstalled(cacheDir, version)) return claudeBinaryPath(cacheDir);

  mkdirSync(cacheDir, { recursive: true });
  const lockDir = join(cacheDir, ".install.lock");
  await acquireInstallLock(lockDir);
  try {
    if (isInstalled(cacheDir, version)) return claudeBinaryPath(cacheDir);
    log(`installing @anthropic-ai/claude-code@${version} into ${cacheDir} (about 250 MB, once)`);
    rmSync(join(cacheDir, "node_modules"), { recursive: true, force: true });
    const { code, output } = await runNpm([
      "install",
      "--prefix",
      cacheDir,
      "--no-save",
      "--no-audit",
      "--no-fund",
      "--fetch-retries=1",
      `@anthropic-ai/claude-code@${version}`,
    ]);
    if (code !== 0 || !isInstalled(cacheDir, version)) {
      // npm's own summary lines, without the stack trace it prints in between.
      const tail = output
        .split("\n")
        .filter((line) => line.startsWith("npm error") && !/^npm error\s+at /.test(line))
        .slice(0, 6)
        .join("\n");
      throw new ClaudeCodeInstallError(
        `could not install @anthropic-ai/claude-code@${version} (${platformPackage()}) into ${cacheDir}: ` +
          (code !== 0 ? `npm exited with ${code}` : `npm succeeded but ${claudeBinaryPath(cacheDir)} is missing`),
        tail,
      );
    }
    return claudeBinaryPath(cacheDir);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
