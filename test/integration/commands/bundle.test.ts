// The plugin runs from a plain git clone, with no npm install and no build (decision 0002), so
// the committed bundle in dist/ must be exactly what the build makes from the committed sources.
// This exports the sources of HEAD into a temp dir, runs package.json's own `build` command there,
// and compares every file it produces, byte for byte, with the one committed in dist/. It fails
// on a developer's machine as soon as a commit changes src/ without the rebuilt bundle, not only
// on CI.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const isCheckout = existsSync(join(ROOT, ".git"));

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 });

/** Builds HEAD's sources with HEAD's build script; returns each output by its path relative to the repository. */
function buildOfHead(): Map<string, Buffer> {
  const dir = mkdtempSync(join(tmpdir(), "csg-bundle-"));
  try {
    const inputs = ["src", "package.json", "settings.example.json", "examples", "tsconfig.json"];
    execFileSync("sh", ["-c", `git archive HEAD ${inputs.join(" ")} | tar -x -C '${dir}'`], { cwd: ROOT, stdio: "pipe" });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    const script: string = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts.build;
    const [tool, ...args] = script.split(/\s+/);
    expect(tool).toBe("esbuild");
    // node_modules is a link to the checkout's: keep its path as written, as in the checkout.
    execFileSync(join(ROOT, "node_modules", ".bin", "esbuild"), [...args, "--preserve-symlinks"], { cwd: dir, stdio: "pipe" });
    const outputs = new Map<string, Buffer>();
    for (const entry of readdirSync(join(dir, "dist"), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      outputs.set(relative(dir, path), readFileSync(path));
    }
    expect(outputs.size).toBeGreaterThan(0);
    return outputs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the hook bundle", () => {
  // Every hook call parses dist/cli.cjs: the messages only operator commands print stay out of
  // it. esbuild drops an unused object of messages only when building it has no side effect, so
  // a template with a substitution at the top level of such an object keeps it in.
  it("leaves out the messages of doctor, install and the other operator commands", () => {
    const hook = readFileSync(join(ROOT, "dist", "cli.cjs"), "utf8");
    for (const text of ["All checks passed", "Not guarded with", "Installed the guard's hooks in", "No decisions logged yet"]) {
      expect(hook, text).not.toContain(text);
    }
  });
});

describe("the committed bundle", () => {
  if (!isCheckout) console.warn(`\n!! SKIPPED: the committed-bundle check needs a git checkout, and ${ROOT} is not one.\n`);

  it.skipIf(!isCheckout)("every file the build writes to dist/ is committed, byte-identical to a build of the committed sources", () => {
    for (const [path, fresh] of buildOfHead()) {
      let committed: Buffer;
      try {
        committed = git("show", `HEAD:${path}`);
      } catch {
        throw new Error(`${path} is not committed, so the plugin cannot run from a clone (docs/decisions/0002)`);
      }
      expect(committed.equals(fresh), `the committed ${path} is stale: run \`npm run build\` and commit it with the sources`).toBe(true);
    }
  });
});
