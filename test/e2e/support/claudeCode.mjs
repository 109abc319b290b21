// Installs the pinned Claude Code CLI into a git-ignored cache, once, for the e2e suite and the
// fixture capture script. npm here does not run the wrapper's postinstall (which would copy the
// native binary into place), so we call the platform package's binary directly.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePinned, PinnedInstallError } from "./pinnedCli.mjs";

export const CLAUDE_CODE_VERSION = "2.1.331";
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DEFAULT_CACHE_DIR = join(REPO_ROOT, ".cache", "claude-code");

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

export { PinnedInstallError as ClaudeCodeInstallError };

/**
 * Returns the path of the pinned Claude Code binary, installing it first when missing.
 * @param {{ cacheDir?: string, version?: string, log?: (line: string) => void }} [options]
 */
export async function ensureClaudeCode(options = {}) {
  const version = options.version ?? CLAUDE_CODE_VERSION;
  return ensurePinned({
    spec: `@anthropic-ai/claude-code@${version}`,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    binary: claudeBinaryPath,
    installed: (cacheDir) => isInstalled(cacheDir, version),
    size: `about 250 MB, ${platformPackage()}`,
    log: options.log,
  });
}
