// The one error type operator commands throw on purpose. It carries its exit code (1: the
// command could not do its job; 2: the command line itself was wrong) and is caught once, in
// runProgram. Anything else that escapes is a bug and is reported as one.

export class UserError extends Error {
  override name = "UserError";
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
