import { describe, expect, it } from "vitest";
import { matcherMatches, readMatcher } from "../../../src/settings/matcher.js";

describe("matcherMatches, as Claude Code 2.1.331 evaluates matchers", () => {
  it("matches every tool with an empty, missing or * matcher", () => {
    for (const m of [undefined, "", "*"]) expect(matcherMatches(m, "NotebookEdit")).toBe(true);
  });

  it("compares a plain |-list of names exactly, never as a prefix or substring", () => {
    expect(matcherMatches("Edit|Write", "Edit")).toBe(true);
    expect(matcherMatches("Edit|Write", "MultiEdit")).toBe(false);
    expect(matcherMatches("Edit|Write", "NotebookEdit")).toBe(false);
    expect(matcherMatches("Edit", "Edit2")).toBe(false);
  });

  it("splits tool matchers on commas too, with spaces allowed", () => {
    expect(readMatcher("Edit, Write ,Bash")).toEqual({ kind: "names", names: ["Edit", "Write", "Bash"] });
    expect(matcherMatches("Edit, Write", "Write")).toBe(true);
    // Lifecycle events do not take commas: the same text is a regex there.
    expect(readMatcher("clear, other", false).kind).toBe("regex");
  });

  it("treats anything else as an unanchored regular expression", () => {
    expect(matcherMatches("Edit.*", "Edit")).toBe(true);
    expect(matcherMatches(".*Edit", "MultiEdit")).toBe(true);
    expect(matcherMatches("Write|Ba.h", "Bash")).toBe(true);
    // Unanchored: "Edit$" matches the end of NotebookEdit and MultiEdit.
    expect(matcherMatches("Edit$", "NotebookEdit")).toBe(true);
    expect(matcherMatches("^Edit$", "MultiEdit")).toBe(false);
  });

  it("matches nothing with a regex that does not compile, or a matcher that is not a string", () => {
    expect(readMatcher("Edit(").kind).toBe("invalid");
    expect(matcherMatches("Edit(", "Edit")).toBe(false);
    expect(matcherMatches(42, "Edit")).toBe(false);
  });
});
