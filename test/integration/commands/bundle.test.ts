// The plugin runs from a plain git clone, with no npm install and no build (decision 0002), so
// the committed bundle in dist/ must be exactly what the build script makes from the sources.
// This reruns package.json's own `build` command with its output sent to a temp dir, and
// compares every file it produces, byte for byte, with the one in dist/.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");

/** Runs the build script into a temp dir; returns each output by its path relative to ROOT. */
function freshBuild(): Map<string, Buffer> {
  const script: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.build;
  const [tool, ...args] = script.split(/\s+/);
  expect(tool).toBe("esbuild");
  const dir = mkdtempSync(join(tmpdir(), "csg-bundle-"));
  try {
    // Where the real build writes: one --outfile, or an --outdir.
    let target = "";
    const redirected = args.map((arg) => {
      const outfile = /^--outfile=(.+)$/.exec(arg)?.[1];
      if (outfile !== undefined) {
        target = outfile;
        return `--outfile=${join(dir, outfile)}`;
      }
      const outdir = /^--outdir=(.+)$/.exec(arg)?.[1];
      if (outdir !== undefined) {
        target = outdir;
        return `--outdir=${join(dir, outdir)}`;
      }
      return arg;
    });
    expect(target, "the build script names neither --outfile nor --outdir").not.toBe("");
    execFileSync(join(ROOT, "node_modules", ".bin", "esbuild"), redirected, { cwd: ROOT, stdio: "pipe" });
    const outputs = new Map<string, Buffer>();
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
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

describe("the committed bundle", () => {
  it("every file the build writes to dist/ is byte-identical to a fresh build of the sources", () => {
    for (const [path, fresh] of freshBuild()) {
      expect(readFileSync(join(ROOT, path)).equals(fresh), `${path} is stale: run \`npm run build\` and commit it`).toBe(true);
    }
  });

  // Locally `npm test` rebuilds dist/ first, so the check above compares the working tree; CI,
  // after a clean checkout, also compares what is committed.
  it.runIf(process.env.CI === "true")("the committed (HEAD) bundle is byte-identical to a fresh build", () => {
    for (const [path, fresh] of freshBuild()) {
      let committed: Buffer;
      try {
        committed = execFileSync("git", ["show", `HEAD:${path}`], { cwd: ROOT, stdio: "pipe", maxBuffer: 64 * 1024 * 1024 });
      } catch {
        throw new Error(`${path} is not committed, so the plugin cannot run from a clone (docs/decisions/0002)`);
      }
      expect(committed.equals(fresh), `the committed ${path} is stale: run \`npm run build\` and commit it`).toBe(true);
    }
  });
});
