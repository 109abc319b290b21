// The files an apply_patch call changes, read from its patch text (the format Codex CLI and
// Copilot CLI share: `*** Add File: <path>`, `*** Update File: <path>`, `*** Delete File: <path>`,
// `*** Move to: <path>`, between `*** Begin Patch` and `*** End Patch`). Paths are as the model
// wrote them, usually relative to the session's directory.

const FILE_LINE = /^\*\*\* (?:(?:Add|Update|Delete) File|Move to): (.+?)\s*$/gm;

export function patchPaths(patch: string): string[] {
  const paths = new Set<string>();
  for (const match of patch.matchAll(FILE_LINE)) if (match[1] !== "") paths.add(match[1]!);
  return [...paths];
}
