import { defineConfig } from "vitest/config";

// Three projects so a failure says which layer broke: unit (pure, in-process),
// integration (spawns the built bin/ -> dist/), e2e (drives the real Claude Code CLI).
export default defineConfig({
  test: {
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
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          globalSetup: ["test/e2e/globalSetup.ts"],
        },
      },
    ],
  },
});
