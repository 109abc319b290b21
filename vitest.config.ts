import { defineConfig } from "vitest/config";
import { EXTRA_NODE_MAJORS } from "./test/support/nodeVersions.mjs";

/** The contract suite: what the shipped bin/ promises, run again under each other Node major. */
const CONTRACT = [
  "test/integration/hooks.test.ts",
  "test/integration/fixtures.test.ts",
  "test/integration/commands/usage.test.ts",
  "test/integration/commands/locks.test.ts",
];

// One project per layer, so a failure says which layer broke: unit (pure, in-process),
// integration (spawns the built bin/ -> dist/), race (mutual exclusion at volume, in threads and
// through the binary), e2e (drives the real Claude Code CLI), and node<major> (the contract suite
// through bin/ under another Node major).
export default defineConfig({
  test: {
    // Most suites wait on child processes (hooks, Claude Code, Redis) rather than compute, so more
    // files run at once than there are cores.
    maxWorkers: 3,
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "race",
          include: ["test/race/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          globalSetup: ["test/e2e/globalSetup.ts"],
        },
      },
      ...EXTRA_NODE_MAJORS.map((major) => ({
        test: {
          name: `node${major}`,
          include: CONTRACT,
          env: { CSG_TEST_NODE_MAJOR: String(major) },
          globalSetup: ["test/support/otherNode.setup.ts"],
          setupFiles: ["test/support/otherNode.skip.ts"],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      })),
    ],
  },
});
