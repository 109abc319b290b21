// Makes the pinned Claude Code, Codex and Gemini CLIs available before any e2e test runs. On a
// fresh machine this installs them (once; later runs find them in the cache). Offline, CI fails
// loudly and a developer's run skips the suites that need them with a notice that cannot be missed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CODEX_VERSION, ensureCodex, ensureGemini, GEMINI_VERSION } from "./support/agentClis.js";
import { CLAUDE_CODE_VERSION, ensureClaudeCode } from "./support/claudeCode.mjs";
import { PinnedInstallError } from "./support/pinnedCli.mjs";
import { GUARD_BIN_DIR } from "./support/session.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the Claude Code binary, or null when it could not be installed (tests skip). */
    claudeBin: string | null;
    /** Path of the Codex CLI binary, or null likewise. */
    codexBin: string | null;
    /** Path of the Gemini CLI bundle (run with node), or null likewise. */
    geminiBin: string | null;
  }
}

function loudNotice(lines: string[]): void {
  const bar = "!".repeat(78);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `!! ${l}`).join("\n")}\n${bar}\n\n`);
}

export default async function setup(project: TestProject): Promise<void> {
  const bundle = join(GUARD_BIN_DIR, "..", "dist", "cli.cjs");
  if (!existsSync(bundle)) {
    throw new Error(`e2e: ${bundle} is missing; run \`npm run build\` first (\`npm test\` does).`);
  }
  const log = (line: string) => process.stderr.write(`e2e: ${line}\n`);
  // CI can point these at directories it caches between runs.
  const cache = (variable: string) => (process.env[variable] ? { cacheDir: process.env[variable] } : {});
  project.provide("claudeBin", await pinned(`Claude Code ${CLAUDE_CODE_VERSION}`, () => ensureClaudeCode({ ...cache("E2E_CLAUDE_CODE_CACHE"), log })));
  project.provide("codexBin", await pinned(`Codex CLI ${CODEX_VERSION}`, () => ensureCodex({ ...cache("E2E_CODEX_CACHE"), log })));
  project.provide("geminiBin", await pinned(`Gemini CLI ${GEMINI_VERSION}`, () => ensureGemini({ ...cache("E2E_GEMINI_CACHE"), log })));
}

/** The installed CLI's path; null (its tests skip, loudly) when it cannot be installed outside CI. */
async function pinned(name: string, install: () => Promise<string>): Promise<string | null> {
  try {
    return await install();
  } catch (error) {
    if (!(error instanceof PinnedInstallError)) throw error;
    const detail = `${error.message}\n${error.output}`;
    if (process.env.CI === "true") throw new Error(`e2e: ${name} is required in CI and could not be installed.\n${detail}`);
    loudNotice([
      `E2E TESTS SKIPPED: ${name} could not be installed (offline?).`,
      "Nothing was tested against that CLI. Re-run online, or with CI=true to make this fail.",
      ...detail.split("\n"),
    ]);
    return null;
  }
}
