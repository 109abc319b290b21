// The pinned Codex CLI and Gemini CLI, installed into .cache/ once (like Claude Code, see
// claudeCode.mjs) for the suite that runs them beside Claude Code. Codex's npm package is a
// wrapper around a native binary in a platform package; the suite calls that binary itself, so the
// process it starts is the Codex process its hooks run under. Gemini CLI is one JavaScript bundle.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./claudeCode.mjs";
import { ensurePinned } from "./pinnedCli.mjs";

export const CODEX_VERSION = "0.171.0";
export const GEMINI_VERSION = "0.61.0";

const TRIPLES: Record<string, string> = {
  "linux-x64": "x86_64-unknown-linux-musl",
  "linux-arm64": "aarch64-unknown-linux-musl",
  "darwin-x64": "x86_64-apple-darwin",
  "darwin-arm64": "aarch64-apple-darwin",
};

export function codexBinaryPath(cacheDir = join(REPO_ROOT, ".cache", "codex")): string {
  const platform = `${process.platform}-${process.arch}`;
  return join(cacheDir, "node_modules", "@openai", `codex-${platform}`, "vendor", TRIPLES[platform] ?? `unsupported-${platform}`, "bin", "codex");
}

export function geminiBundlePath(cacheDir = join(REPO_ROOT, ".cache", "gemini-cli")): string {
  return join(cacheDir, "node_modules", "@google", "gemini-cli", "bundle", "gemini.js");
}

/** Whether `file` is there and `command` runs and prints `version`: a half-extracted install (a killed run) does not. */
function answers(file: string, command: string, args: string[], version: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] }).includes(version);
  } catch {
    return false;
  }
}

export function ensureCodex(options: { cacheDir?: string; log?: (line: string) => void } = {}): Promise<string> {
  return ensurePinned({
    spec: `@openai/codex@${CODEX_VERSION}`,
    cacheDir: options.cacheDir ?? join(REPO_ROOT, ".cache", "codex"),
    binary: codexBinaryPath,
    installed: (dir) => answers(codexBinaryPath(dir), codexBinaryPath(dir), ["--version"], `codex-cli ${CODEX_VERSION}`),
    size: "about 400 MB",
    ...(options.log && { log: options.log }),
  });
}

/** The bundle to run with node (the package's own bin is the same file). */
export function ensureGemini(options: { cacheDir?: string; log?: (line: string) => void } = {}): Promise<string> {
  return ensurePinned({
    spec: `@google/gemini-cli@${GEMINI_VERSION}`,
    cacheDir: options.cacheDir ?? join(REPO_ROOT, ".cache", "gemini-cli"),
    binary: geminiBundlePath,
    installed: (dir) => answers(geminiBundlePath(dir), process.execPath, [geminiBundlePath(dir), "--version"], GEMINI_VERSION),
    size: "about 100 MB",
    ...(options.log && { log: options.log }),
  });
}
