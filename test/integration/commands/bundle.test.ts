// The plugin runs from a plain git clone, with no npm install and no build (decision 0002), so
// the committed dist/cli.cjs must be exactly what the build script makes from the sources.
// This rebuilds with package.json's own `build` command into a temp file and compares bytes.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const BUNDLE = "dist/cli.cjs";

function freshBuild(): Buffer {
  const script: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts.build;
  const [tool, ...args] = script.split(/\s+/);
  expect(tool).toBe("esbuild");
  expect(args).toContain(`--outfile=${BUNDLE}`);
  const dir = mkdtempSync(join(tmpdir(), "csg-bundle-"));
  try {
    const out = join(dir, "cli.cjs");
    execFileSync(join(ROOT, "node_modules", ".bin", "esbuild"), args.map((a) => (a === `--outfile=${BUNDLE}` ? `--outfile=${out}` : a)), {
      cwd: ROOT,
      stdio: "pipe",
    });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function tracked(): boolean {
  try {
    return execFileSync("git", ["ls-files", "--error-unmatch", BUNDLE], { cwd: ROOT, stdio: "pipe" }).length > 0;
  } catch {
    return false;
  }
}

describe("the committed bundle", () => {
  it("dist/cli.cjs is byte-identical to a fresh build of the sources", () => {
    expect(readFileSync(join(ROOT, BUNDLE)).equals(freshBuild()), `${BUNDLE} is stale: run \`npm run build\` and commit it`).toBe(true);
  });

  // Locally `npm test` rebuilds dist/ first, so the check above compares the working tree; CI,
  // after a clean checkout, also compares what is committed.
  it.runIf(process.env.CI === "true")("the committed dist/cli.cjs (HEAD) is byte-identical to a fresh build", () => {
    expect(tracked(), `${BUNDLE} is not committed, so the plugin cannot run from a clone`).toBe(true);
    const committed = execFileSync("git", ["show", `HEAD:${BUNDLE}`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(committed.equals(freshBuild()), `the committed ${BUNDLE} is stale: run \`npm run build\` and commit it`).toBe(true);
  });
});
