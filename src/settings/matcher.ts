// Hook matchers, evaluated the way Claude Code 2.1.331 evaluates them (read from its bundle):
// - empty or "*" matches every tool;
// - a plain list of names (for tool events letters, digits, "_", "-", "|", "," and spaces; for
//   other events only letters, digits, "_" and "|") is split on "|" (and "," for tool events),
//   trimmed, and compared exactly;
// - anything else is an unanchored regular expression, `new RegExp(m).test(name)`; one that does
//   not compile matches nothing.

export type MatcherKind = "all" | "names" | "regex" | "invalid";

export interface MatcherReading {
  kind: MatcherKind;
  /** For "names": the listed names. */
  names: string[];
}

export function readMatcher(matcher: unknown, toolEvent = true): MatcherReading {
  if (matcher === undefined || matcher === null || matcher === "" || matcher === "*") return { kind: "all", names: [] };
  if (typeof matcher !== "string") return { kind: "invalid", names: [] };
  const plain = toolEvent ? /^[a-zA-Z0-9_|, -]+$/ : /^[a-zA-Z0-9_|]+$/;
  if (plain.test(matcher)) {
    const names = matcher
      .split(toolEvent ? /[|,]/ : "|")
      .map((name) => name.trim())
      .filter(Boolean);
    return { kind: "names", names };
  }
  try {
    new RegExp(matcher);
    return { kind: "regex", names: [] };
  } catch {
    return { kind: "invalid", names: [] };
  }
}

export function matcherMatches(matcher: unknown, name: string, toolEvent = true): boolean {
  const reading = readMatcher(matcher, toolEvent);
  switch (reading.kind) {
    case "all":
      return true;
    case "names":
      return reading.names.includes(name);
    case "regex":
      return new RegExp(matcher as string).test(name);
    case "invalid":
      return false;
  }
}
