// One family of errors. Everything the guard throws on purpose is a GuardError with a stable
// `code` (the README lists them): its message is written for the person who reads it, and the
// two entry points show it as it is. Anything else that escapes is a bug, and is reported as one
// ("internal error …; please report it"). The type decides which, never the error's name.

export class GuardError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The lock store could not do what was asked: a file-system or Redis failure, a bad store URL. */
export class StoreError extends GuardError {}

/** No workspace can be resolved for the call (no cwd, a directory that does not resolve). */
export class WorkspaceError extends GuardError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, "EWORKSPACE", options);
  }
}

/** The hook's input cannot be judged: stdin, the payload, a flag or a setting. */
export class InputError extends GuardError {}

/** Standard output or error cannot be written (a full disk, a closed pipe). */
export class OutputError extends GuardError {}

/** The lock kept changing under a caller for its whole contention budget. */
export class ContentionError extends GuardError {}

/** A settings file that cannot be read, parsed, or written, or whose shape Claude Code would not read. */
export class SettingsError extends GuardError {
  constructor(
    message: string,
    code: "EJSON" | "ENOTOBJECT" | "EREAD" | "EREADONLY" | "EWRITE" | "ESHAPE",
    readonly path: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, code, options);
  }
}

/**
 * An operator command that cannot do its job (exit 1) or was called wrongly (exit 2, code
 * EUSAGE). Caught once, in the operator entry point.
 */
export class UserError extends GuardError {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    code: string = exitCode === 2 ? "EUSAGE" : "EFAILED",
  ) {
    super(message, code);
  }
}

/** The errno-style code of a Node or client error (ENOENT, ECONNREFUSED), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
