// The composition root: real dependencies, argv, exit codes. Hook commands take a fast path
// that loads nothing they do not use; operator commands load commander on demand.

import * as fs from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { appendDecision } from "./host/decisionLog.js";
import { realProcessHost } from "./host/sessionProcess.js";
import { readInput } from "./host/stdin.js";
import { render } from "./hook/render.js";
import { HOOK_COMMANDS, type HookCommand, type HookDeps, runHook } from "./hook/runHook.js";
import { openStore } from "./store/openStore.js";

export function logDir(): string {
  return envPaths("claude-session-guard", { suffix: "" }).log;
}

export function realHookDeps(env: NodeJS.ProcessEnv, flags: HookFlags): HookDeps {
  return {
    env,
    readInput: () => readInput(),
    clock: { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    openStore: (e) => openStore(e, flags.store),
    host: realProcessHost(),
    log: (entry) => appendDecision(logDir(), entry),
    ttlFlag: flags.ttlMs,
  };
}

interface HookFlags {
  ttlMs?: string | undefined;
  store?: string | undefined;
}

const HOOK_FLAGS: Record<string, keyof HookFlags> = { "--ttl-ms": "ttlMs", "--store": "store" };

/** Hook commands: exit 0 whatever happens (exit 2 would block the tool). */
async function hook(command: HookCommand, args: string[]): Promise<number> {
  const flags: HookFlags = {};
  let problem: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const flag = HOOK_FLAGS[name];
    if (flag !== undefined && inline !== undefined) flags[flag] = inline;
    else if (flag !== undefined && i + 1 < args.length) flags[flag] = args[++i];
    else problem ??= `unknown argument "${arg}" for ${command}`;
  }
  const deps = realHookDeps(process.env, flags);
  const result =
    problem === null || process.env.CLAUDE_SESSION_GUARD_DISABLE === "1"
      ? await runHook(command, deps)
      : ({ kind: "failOpen", problem } as const);
  const { stdout, stderr } = render(result);
  // Synchronous writes: the process may exit right after (a stdin read can still be pending),
  // and nothing written may be cut off.
  if (stdout) fs.writeSync(1, stdout);
  if (stderr) fs.writeSync(2, stderr);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const isHook = (HOOK_COMMANDS as readonly string[]).includes(command ?? "");
  if (isHook && !rest.some((a) => a === "--help" || a === "-h")) return hook(command as HookCommand, rest);
  const { runProgram } = await loadOperatorCommands();
  return runProgram(argv);
}

/** Set by the build (esbuild --define); undefined when running from source. */
declare const CSG_BUNDLE: true | undefined;

/**
 * The operator commands (commander, write-file-atomic, doctor, install) live in their own bundle,
 * dist/operator.cjs beside dist/cli.cjs: parsing them cost every hook call about a sixth of a
 * bare Node start. The path is computed so esbuild leaves the require alone; the ternary on a
 * build-time constant drops the source import from the bundle.
 */
function loadOperatorCommands(): Promise<typeof import("./commands/program.js")> {
  return typeof CSG_BUNDLE !== "undefined"
    ? Promise.resolve(require(join(__dirname, "operator.cjs")) as typeof import("./commands/program.js"))
    : import("./commands/program.js");
}
