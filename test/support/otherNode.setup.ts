// Global setup of the node<major> projects: the contract suite runs the shipped bin/ under
// another Node major users run (`engines` says >= 20.17). The binary comes from the npm registry
// into the git-ignored .cache/ on first use. On CI a failed install fails the run; elsewhere the
// project's tests are skipped, visibly (see otherNode.skip.ts), with a notice that says why.

import type { TestProject } from "vitest/node";
import { ensureNode, installFailureIsFatal, loudNotice } from "./nodeVersions.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** Why this project's Node could not be installed (its tests skip), or null. */
    nodeMissing: string | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const major = Number(project.config.env?.CSG_TEST_NODE_MAJOR);
  try {
    await ensureNode(major, { log: (message) => process.stderr.write(`${project.name}: ${message}\n`) });
    project.provide("nodeMissing", null);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (installFailureIsFatal()) throw new Error(`Node ${major} is required on CI and could not be installed: ${message}`);
    loudNotice([`Node ${major} could not be installed, so the contract suite did NOT run on Node ${major} (its tests show as skipped).`, ...message.split("\n")]);
    project.provide("nodeMissing", message);
  }
}
