// Makes the pinned Claude Code CLI available before any e2e test runs. On a fresh machine this
// installs it (once; later runs find it in the cache). Offline, CI fails loudly and a developer's
// run skips the suite with a notice that cannot be missed.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CLAUDE_CODE_VERSION, ClaudeCodeInstallError, ensureClaudeCode } from "./support/claudeCode.mjs";
import { GUARD_BIN_DIR } from "./support/session.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the Claude Code binary, or null when it could not be installed (tests skip). */
    claudeBin: string | null;
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
  try {
    const claudeBin = await ensureClaudeCode({
      // CI can point this at a directory it caches between runs.
      ...(process.env.E2E_CLAUDE_CODE_CACHE ? { cacheDir: process.env.E2E_CLAUDE_CODE_CACHE } : {}),
      log: (line) => process.stderr.write(`e2e: ${line}\n`),
    });
    project.provide("claudeBin", claudeBin);
  } catch (error) {
    if (!(error instanceof ClaudeCodeInstallError)) throw error;
    const detail = `${error.message}\n${error.output}`;
    if (process.env.CI === "true") {
      throw new Error(`e2e: Claude Code ${CLAUDE_CODE_VERSION} is required in CI and could not be installed.\n${detail}`);
    }
    loudNotice([
      `E2E SUITE SKIPPED: Claude Code ${CLAUDE_CODE_VERSION} could not be installed (offline?).`,
      "Nothing was tested against the real CLI. Re-run online, or with CI=true to make this fail.",
      ...detail.split("\n"),
    ]);
    project.provide("claudeBin", null);
  }
}
