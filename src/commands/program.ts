// The operator CLI (commander). Loaded only for operator commands and --help, never on the
// hook path.

import { Command, CommanderError } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { PREFIX } from "../messages.js";

export async function runProgram(argv: string[]): Promise<number> {
  const program = new Command("claude-session-guard")
    .description("Keep two Claude Code sessions from changing the same workspace at once.")
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(`${PREFIX} ${text.replace(/^error: /, "")}`) })
    .showSuggestionAfterError();

  for (const [name, summary] of [
    ["pretooluse", "hook: take the workspace lock for this session, or deny the tool call"],
    ["posttooluse", "hook: refresh the lock if this session holds it"],
    ["stop", "hook: release the lock if this session holds it (Stop and SessionEnd)"],
  ] as const) {
    program
      .command(name)
      .description(`${summary}; reads one Claude Code hook payload on stdin`)
      .option("--ttl-ms <ms>", "lock time-to-live in ms (default 300000, or CLAUDE_SESSION_GUARD_TTL_MS)")
      .action(() => {});
  }

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
}
