// Colour through the built binary: on a terminal (a real pseudo-terminal from `script`), never
// into a pipe unless FORCE_COLOR asks, and never with NO_COLOR.

import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, payload, TEST_NODE } from "../support/cli.js";
import { type Project, project } from "./project.js";

let p: Project;
beforeEach(async () => {
  p = project();
  // A lock to show: status paints its state, log the decision that took it.
  await p.run(["pretooluse"], { input: payload("aaaaaaaa-1111", p.dir) });
});
afterEach(() => p.cleanup());

const ESC = "\u001b[";
const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Runs the binary with stdout on a pseudo-terminal, as in a person's shell. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const vars = Object.entries({ ...p.env, ...env }).map(([k, v]) => `${k}='${v}'`);
  const command = ["env", "-i", ...vars, `'${TEST_NODE}'`, `'${BIN}'`, ...args].join(" ");
  return execFileSync("script", ["-qec", command, "/dev/null"], { cwd: p.dir, encoding: "utf8" });
}

describe("colour", () => {
  it("never colours output into a pipe, unless FORCE_COLOR asks and NO_COLOR does not forbid it", async () => {
    for (const command of [["status"], ["log"]]) {
      expect((await p.run(command)).stdout).not.toContain(ESC);
      expect((await p.run(command, { env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
      expect((await p.run(command, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    }
  });

  if (!hasScript) console.warn("\n!! SKIPPED: colour on a terminal needs `script` (util-linux) to make one.\n");

  it.skipIf(!hasScript)("colours status and log on a terminal, and not with NO_COLOR", () => {
    const status = onTerminal(["status"]);
    expect(status).toContain(`${ESC}1mWORKSPACE${ESC}22m`);
    expect(status).toContain(`${ESC}32mheld${ESC}39m`);
    expect(onTerminal(["log"])).toContain(`${ESC}32macquire${ESC}39m`);
    expect(onTerminal(["status"], { NO_COLOR: "1" })).not.toContain(ESC);
  });
});
