// `npm test` runs the whole integration suite under the Node the developer has (20 on these
// machines); this runs it again under Node 22 and 24, so every hook and operator command is
// exercised through bin/ on each major that `engines` promises. Vitest itself runs under that
// Node, so every `process.execPath` the tests spawn is that Node too.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ensureNode, EXTRA_NODE_MAJORS, installFailureIsFatal, loudNotice, REPO_ROOT } from "./nodeVersions.mjs";

let failed = false;
for (const major of EXTRA_NODE_MAJORS) {
  let node;
  try {
    node = await ensureNode(major, { log: (message) => process.stderr.write(`${message}\n`) });
  } catch (error) {
    if (installFailureIsFatal()) {
      process.stderr.write(`${error.message}\n`);
      failed = true;
      continue;
    }
    loudNotice([`Node ${major} could not be installed, so the integration suite did NOT run on it:`, error.message]);
    continue;
  }
  process.stdout.write(`\nIntegration suite on Node ${major} (${node})\n`);
  const vitest = join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");
  const run = spawnSync(node, [vitest, "run", "--project", "integration"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (run.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
