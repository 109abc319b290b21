// The entry point of dist/cli.cjs, which every hook call starts. Hook commands take a fast path
// that loads nothing they do not use; anything else (operator commands, --help) loads the
// operator bundle on demand.

import { join } from "node:path";
import type { Agent, AgentName } from "./agents/agents.js";
import { HOOK_FLAGS, type HookCommand, isHookCommand } from "./hook/commands.js";
import { type HookArgs, type HookDeps, runHook } from "./hook/runHook.js";
import type { ReadOnlyCommand } from "./hook/policy.js";
import { chooseStore, openStore } from "./lock/openStore.js";
import { messageOf } from "./errors.js";
import { input, output } from "./messages.js";
import * as world from "./world.js";

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (isHookCommand(command) && !rest.some((a) => a === "--help" || a === "-h")) return hook(command, rest);
  const { runProgram } = await loadOperator();
  return runProgram(argv);
}

/** A hook command exits 0 whatever happens: exit 2 would block the tool. */
async function hook(command: HookCommand, args: string[]): Promise<number> {
  const parsed = parseHookArgs(command, args);
  const env = world.env();
  const deps: HookDeps = {
    env,
    readInput: world.stdin,
    clock: world.clock,
    openStore: () => openStore(chooseStore(env, world.runtimeDir(env), parsed.ok ? parsed.flags.store : undefined), { uid: world.uid() }),
    host: world.processHost(),
    log: world.log,
    firstShowing: world.firstShowing,
    selfInvocation: world.selfInvocation,
    readOnlyCommand: await loadClassifier(),
    loadAgent,
  };
  const { agent, result } = await runHook(command, parsed, deps);
  const { stdout, stderr } = agent.render(result);
  try {
    if (stdout) world.write(1, stdout);
  } catch (error) {
    // The answer is lost (a deny included): say so once, in its place, and log it as a fail-open.
    const problem = messageOf(error);
    world.log({ time: new Date().toISOString(), event: command, outcome: "fail-open", session: null, workspace: null, error: problem, code: "EOUTPUT" });
    world.warn(`${output.hookAnswerLost(problem)}\n`);
    return 0;
  }
  if (stderr) world.warn(stderr);
  return 0;
}

/**
 * The flags of one hook command line, as the table in hook/commands.ts declares them. A flag the
 * hook does not know is a problem to fail open with, never a usage error (exit 2). `parseArgs` is
 * loaded only when there is something to parse: a wired hook usually has no flags.
 */
function parseHookArgs(command: HookCommand, args: string[]): HookArgs {
  if (args.length === 0) return { ok: true, flags: {} };
  const { parseArgs } = process.getBuiltinModule("node:util");
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args, options: Object.fromEntries(HOOK_FLAGS.map((f) => [f.name, { type: "string" as const }])) }));
  } catch {
    const known = new Set(HOOK_FLAGS.map((f) => `--${f.name}`));
    const unknown = args.find((arg) => arg.startsWith("-") && !known.has(arg.split("=")[0]!)) ?? args.at(-1)!;
    return { ok: false, problem: input.unknownArgument(unknown, command) };
  }
  const flags: HookArgs & { ok: true } = { ok: true, flags: {} };
  for (const flag of HOOK_FLAGS) if (typeof values[flag.name] === "string") flags.flags[flag.key] = values[flag.name] as string;
  return flags;
}

/** Set by the build (esbuild --define); undefined when running from source. */
declare const CSG_BUNDLE: true | undefined;

/**
 * The Bash classifier (a third of the hook's code) lives in dist/bash.cjs, parsed only by a call
 * that runs a command: a Write or an Edit never pays for it. Same build-time ternary as below.
 */
async function loadClassifier(): Promise<ReadOnlyCommand> {
  type Classifier = typeof import("./bash/readOnly.js");
  const classifier: () => Classifier =
    typeof CSG_BUNDLE !== "undefined"
      ? () => require(join(__dirname, "bash.cjs")) as Classifier
      : await import("./bash/readOnly.js").then((loaded) => () => loaded);
  return (command) => classifier().classifyBash(command).readOnly;
}

/**
 * The adapters of agents other than Claude Code live in dist/agents.cjs, parsed only by calls
 * that name or send another agent's payload: Claude Code's calls never pay for them.
 */
async function loadAgent(name: Exclude<AgentName, "claude">): Promise<Agent> {
  const agents: typeof import("./agents/index.js") =
    typeof CSG_BUNDLE !== "undefined" ? (require(join(__dirname, "agents.cjs")) as typeof import("./agents/index.js")) : await import("./agents/index.js");
  return agents.AGENTS[name];
}

/**
 * The operator commands (commander, write-file-atomic, doctor, install) live in their own bundle,
 * dist/operator.cjs beside dist/cli.cjs: parsing them cost every hook call about a sixth of a
 * bare Node start. The path is computed so esbuild leaves the require alone; the ternary on a
 * build-time constant drops the source import from the bundle.
 */
function loadOperator(): Promise<typeof import("./operator.js")> {
  return typeof CSG_BUNDLE !== "undefined"
    ? Promise.resolve(require(join(__dirname, "operator.cjs")) as typeof import("./operator.js"))
    : import("./operator.js");
}
