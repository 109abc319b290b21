// Proves that a Bash command cannot change the workspace, so that a session which does not hold
// the workspace lock may still run it. The proof is deliberately narrow: a list of pipelines of
// simple commands, each a known read-only program whose arguments carry no option that writes or
// runs code, with no output redirection, no substitution, and no assignment that could change
// what a program does. Anything else is "not provably read-only", which the caller treats exactly
// like a mutating command.
//
// The command is tokenized the way bash and zsh read it (quotes, escapes, operators), so a quoted
// `>` or a single-quoted `$(` is text, not syntax. The proof trusts the programs found on PATH and
// the user's own configuration (aliases, git config, LESSOPEN): those are not the other session's
// to change.

export type BashVerdict = { readOnly: true } | { readOnly: false; reason: string };

export function classifyBash(command: string): BashVerdict {
  const reason = unprovableReason(command);
  return reason === undefined ? { readOnly: true } : { readOnly: false, reason };
}

function unprovableReason(command: string): string | undefined {
  const tokens = tokenize(command);
  if (typeof tokens === "string") return tokens;
  const commands = parseCommands(tokens);
  if (typeof commands === "string") return commands;
  if (commands.length === 0) return "no command";
  for (const simple of commands) {
    const reason = simpleCommandReason(simple);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** Thrown by the lexer and the sed script reader at the first construct they cannot prove harmless. */
class Unprovable extends Error {}

function reasonOf(read: () => void): string | undefined {
  try {
    read();
    return undefined;
  } catch (error) {
    if (error instanceof Unprovable) return error.message;
    throw error;
  }
}

function own(table: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Words and tokens

/** One shell word after quote removal, with what expansion may still do to it. */
interface Word {
  /** The text after quote removal; expansions stay as written (`$HOME`, `*.ts`, `~`). */
  readonly text: string;
  /** The shell passes exactly `text`: nothing in it expands. */
  readonly literal: boolean;
  /** Expansion yields exactly one argument (no unquoted `$`, glob or brace expansion). */
  readonly single: boolean;
  /** Expansion could yield an argument that starts with "-", which a program reads as an option. */
  readonly mayHideOption: boolean;
}

type Token =
  | { readonly kind: "word"; readonly word: Word }
  | { readonly kind: "control"; readonly operator: string }
  | { readonly kind: "redirect"; readonly operator: string };

/** Accumulates one word while the lexer reads it, noting which parts the shell will expand. */
class WordBuilder {
  private text = "";
  private started = false;
  private literal = true;
  private single = true;
  private mayHideOption = false;
  private onlyDigits = true;
  /** Set at the first unquoted "[" or "{": whether a glob or brace expansion from there could start an option. */
  private bracketHides: boolean | undefined;
  private braceHides: boolean | undefined;
  private braceHasSeparator = false;
  private previous = "";

  get isStarted(): boolean {
    return this.started;
  }

  /** A word made only of unquoted digits right before `<` or `>` names a file descriptor (`2>`). */
  get isDescriptor(): boolean {
    return this.started && this.onlyDigits;
  }

  /** Quoted or escaped characters: the shell passes them as written. */
  addLiteral(text: string): void {
    this.append(text);
    this.onlyDigits = false;
  }

  /** An unquoted character, which may take part in a glob (`*`, `?`, `[...]`) or a brace expansion. */
  addUnquoted(char: string): void {
    const hides = this.expansionHereCouldBeOption();
    if (char === "*" || char === "?") this.expand(hides);
    else if (char === "[") this.bracketHides ??= hides;
    else if (char === "]" && this.bracketHides !== undefined) this.expand(this.bracketHides);
    else if (char === "{") this.braceHides ??= hides;
    else if (char === "," || (char === "." && this.previous === ".")) {
      this.braceHasSeparator ||= this.braceHides !== undefined;
    } else if (char === "}" && this.braceHides !== undefined && this.braceHasSeparator) {
      this.expand(this.braceHides);
    }
    this.append(char);
    this.onlyDigits &&= char >= "0" && char <= "9";
    this.previous = char;
  }

  /** A parameter or ANSI-C string; unquoted, its value is also split into several words. */
  addExpansion(raw: string, quoted: boolean, many = false): void {
    if (!quoted || this.expansionHereCouldBeOption()) this.mayHideOption = true;
    if (!quoted || many) this.single = false;
    this.literal = false;
    this.addLiteral(raw);
  }

  /** `~` (and zsh's `=cmd`) at the start of a word becomes a path: not literal, but never an option. */
  addPathExpansion(char: string): void {
    this.literal = false;
    this.addLiteral(char);
  }

  build(): Word {
    return { text: this.text, literal: this.literal, single: this.single, mayHideOption: this.mayHideOption };
  }

  private append(text: string): void {
    this.started = true;
    this.text += text;
    this.previous = "";
  }

  private expand(hides: boolean): void {
    this.literal = false;
    this.single = false;
    this.mayHideOption ||= hides;
  }

  /** At the start of a word, or inside "-x…", an expansion can produce an option; inside "--name=" only a value. */
  private expansionHereCouldBeOption(): boolean {
    return this.text === "" || (this.text.startsWith("-") && !/^--[^=]+=/.test(this.text));
  }
}

/** Longest first, so that `>>` is not read as two `>`. */
const OPERATORS = [
  "<<<", "&>>", "<<-", ";;&",
  "&&", "||", "|&", "&>", ";;", ";&", "<<", "<>", "<&", "<(", ">>", ">|", ">&", ">(",
  "|", "&", ";", "(", ")", "<", ">",
];
const OPERATOR_CHARS = "|&;<>()";
const REDIRECTIONS = new Set(["<", "<<<", "<>", "<&", ">", ">>", ">|", ">&", "&>", "&>>"]);
const PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?$!@*-])/;
const BRACED_PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#?$!-])$/;
/** zsh reads `$~x`, `$=x`, `$^x` and `$+x` as expansions with flags; bash as text. Neither is worth proving. */
const ZSH_PARAMETER_FLAGS = "~=^+";

function tokenize(command: string): Token[] | string {
  const lexer = new Lexer(command);
  const reason = reasonOf(() => lexer.run());
  return reason ?? lexer.tokens;
}

/**
 * Splits a command into words and operators as bash and zsh would, and throws at anything that
 * runs code while the line is being read: command, process and arithmetic substitution,
 * here-documents, and parameter expansions that can assign.
 */
class Lexer {
  readonly tokens: Token[] = [];
  private readonly source: string;
  private position = 0;
  private word = new WordBuilder();

  constructor(source: string) {
    this.source = source;
  }

  run(): void {
    while (this.position < this.source.length) this.step();
    this.endWord();
  }

  private at(offset: number): string {
    return this.source.charAt(this.position + offset);
  }

  private step(): void {
    const char = this.at(0);
    if (char === " " || char === "\t") {
      this.endWord();
      this.position++;
    } else if (char === "\n") {
      this.endWord();
      this.tokens.push({ kind: "control", operator: "\n" });
      this.position++;
    } else if (char === "#" && !this.word.isStarted) {
      this.skipComment();
    } else if (char === "\\") {
      this.readEscape();
    } else if (char === "'") {
      this.readSingleQuoted();
    } else if (char === '"') {
      this.readDoubleQuoted();
    } else if (char === "`") {
      throw new Unprovable("command substitution");
    } else if (char === "$") {
      this.readDollar(false);
    } else if (OPERATOR_CHARS.includes(char)) {
      this.readOperator();
    } else if (!this.word.isStarted && (char === "~" || (char === "=" && /[\w./-]/.test(this.at(1))))) {
      this.word.addPathExpansion(char);
      this.position++;
    } else {
      this.word.addUnquoted(char);
      this.position++;
    }
  }

  private endWord(): void {
    if (this.word.isStarted) this.tokens.push({ kind: "word", word: this.word.build() });
    this.word = new WordBuilder();
  }

  /** A `#` that starts a word comments out the rest of the line (non-interactive bash and zsh alike). */
  private skipComment(): void {
    const newline = this.source.indexOf("\n", this.position);
    this.position = newline < 0 ? this.source.length : newline;
  }

  private readEscape(): void {
    const escaped = this.at(1);
    if (escaped === "") throw new Unprovable("trailing backslash");
    if (escaped !== "\n") this.word.addLiteral(escaped);
    this.position += 2;
  }

  private readSingleQuoted(): void {
    const end = this.source.indexOf("'", this.position + 1);
    if (end < 0) throw new Unprovable("unterminated single quote");
    this.word.addLiteral(this.source.slice(this.position + 1, end));
    this.position = end + 1;
  }

  /** Inside double quotes `$` and backquotes still expand; a backslash escapes only $, backquote, ", \\ and newline. */
  private readDoubleQuoted(): void {
    this.position++;
    for (;;) {
      const char = this.at(0);
      if (char === "") throw new Unprovable("unterminated double quote");
      if (char === '"') break;
      if (char === "`") throw new Unprovable("command substitution");
      if (char === "$") {
        this.readDollar(true);
      } else if (char === "\\" && this.at(1) !== "" && '$`"\\\n'.includes(this.at(1))) {
        if (this.at(1) !== "\n") this.word.addLiteral(this.at(1));
        this.position += 2;
      } else {
        this.word.addLiteral(char);
        this.position++;
      }
    }
    this.word.addLiteral("");
    this.position++;
  }

  private readDollar(quoted: boolean): void {
    const next = this.at(1);
    if (next === "(") throw new Unprovable(this.at(2) === "(" ? "arithmetic expansion" : "command substitution");
    if (next === "[") throw new Unprovable("arithmetic expansion");
    if (next === "{") return this.readBracedParameter(quoted);
    if (!quoted && next === "'") return this.readAnsiCString();
    if (!quoted && next === '"') throw new Unprovable('locale-translated string `$"…"`');
    const name = PARAMETER.exec(this.source.slice(this.position + 1))?.[0];
    if (name !== undefined && this.at(1 + name.length) === "[") {
      throw new Unprovable(`array subscript \`$${name}[\`, which zsh evaluates as arithmetic`);
    }
    if (name !== undefined) {
      this.word.addExpansion(`$${name}`, quoted, name === "@" || name === "*");
      this.position += 1 + name.length;
      return;
    }
    if (next !== "" && ZSH_PARAMETER_FLAGS.includes(next)) throw new Unprovable(`zsh parameter expansion \`$${next}\``);
    this.word.addLiteral("$");
    this.position++;
  }

  /** Only `${name}`: the operators (`${x:=v}`, `${x/a/b}`, zsh's `${(e)x}`) can assign or evaluate. */
  private readBracedParameter(quoted: boolean): void {
    const end = this.source.indexOf("}", this.position + 2);
    if (end < 0) throw new Unprovable("unterminated parameter expansion `${`");
    const inner = this.source.slice(this.position + 2, end);
    if (!BRACED_PARAMETER.test(inner)) throw new Unprovable(`parameter expansion \`\${${inner}}\``);
    this.word.addExpansion(`\${${inner}}`, quoted);
    this.position = end + 1;
  }

  /** `$'…'` is quoted text with backslash escapes: it cannot run anything, but its value is not read here. */
  private readAnsiCString(): void {
    let end = this.position + 2;
    while (end < this.source.length && this.source[end] !== "'") end += this.source[end] === "\\" ? 2 : 1;
    if (end >= this.source.length) throw new Unprovable("unterminated `$'` string");
    this.word.addExpansion(this.source.slice(this.position, end + 1), true);
    this.position = end + 1;
  }

  private readOperator(): void {
    const char = this.at(0);
    if ((char === "<" || char === ">") && this.word.isDescriptor) this.word = new WordBuilder();
    else this.endWord();
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.position)) ?? char;
    this.position += operator.length;
    if (operator === "<<" || operator === "<<-") throw new Unprovable("here-document");
    if (operator === "<(" || operator === ">(") throw new Unprovable("process substitution");
    this.tokens.push({ kind: REDIRECTIONS.has(operator) ? "redirect" : "control", operator });
  }
}

// ---------------------------------------------------------------------------------------------
// Lists and pipelines of simple commands

interface SimpleCommand {
  readonly words: Word[];
  readonly redirects: Redirect[];
}

interface Redirect {
  readonly operator: string;
  readonly target: Word;
}

/** Operators that join two commands: bash needs a command on each side, possibly on the next line. */
const CONNECTORS = new Set(["|", "|&", "&&", "||"]);
const UNSUPPORTED_CONTROL = new Map([
  ["&", "background job (`&`)"],
  ["(", "subshell or function definition"],
  [")", "subshell or function definition"],
  [";;", "case clause"],
  [";&", "case clause"],
  [";;&", "case clause"],
]);

function parseCommands(tokens: readonly Token[]): SimpleCommand[] | string {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [] };
  let needsCommand = false;
  let pendingRedirect: string | undefined;
  for (const token of tokens) {
    if (pendingRedirect !== undefined) {
      if (token.kind !== "word") return `redirection \`${pendingRedirect}\` without a target`;
      current.redirects.push({ operator: pendingRedirect, target: token.word });
      pendingRedirect = undefined;
    } else if (token.kind === "word") {
      current.words.push(token.word);
    } else if (token.kind === "redirect") {
      pendingRedirect = token.operator;
    } else {
      const unsupported = UNSUPPORTED_CONTROL.get(token.operator);
      if (unsupported !== undefined) return unsupported;
      const empty = current.words.length === 0 && current.redirects.length === 0;
      if (CONNECTORS.has(token.operator)) {
        if (empty) return `\`${token.operator}\` without a command before it`;
        commands.push(current);
        current = { words: [], redirects: [] };
        needsCommand = true;
      } else if (!empty) {
        commands.push(current);
        current = { words: [], redirects: [] };
        needsCommand = false;
      } else if (token.operator === ";" && needsCommand) {
        return "`;` without a command before it";
      }
    }
  }
  if (pendingRedirect !== undefined) return `redirection \`${pendingRedirect}\` without a target`;
  if (current.words.length > 0 || current.redirects.length > 0) commands.push(current);
  else if (needsCommand) return "incomplete command";
  return commands;
}

function simpleCommandReason(command: SimpleCommand): string | undefined {
  for (const redirect of command.redirects) {
    const reason = redirectReason(redirect);
    if (reason !== undefined) return reason;
  }
  const programAt = command.words.findIndex((word) => !ASSIGNMENT.test(word.text));
  const assignments = programAt < 0 ? command.words : command.words.slice(0, programAt);
  for (const assignment of assignments) {
    const reason = assignmentReason(assignment);
    if (reason !== undefined) return reason;
  }
  const program = command.words[programAt];
  if (program === undefined) return "no program to run";
  return programReason(program, command.words.slice(programAt + 1));
}

/** Redirections that only read: a file on stdin, or a here-string. */
const INPUT_REDIRECTIONS = new Set(["<", "<<<"]);
/** What `>&` and `<&` duplicate or close instead of naming a file. */
const DESCRIPTOR = /^(?:\d+|-)$/;

function redirectReason({ operator, target }: Redirect): string | undefined {
  if (INPUT_REDIRECTIONS.has(operator)) return undefined;
  if (operator === "<>") return "read-write redirection (`<>`) creates its file";
  if ((operator === ">&" || operator === "<&") && target.literal && DESCRIPTOR.test(target.text)) return undefined;
  if (operator === "<&") return `redirection \`<&\` to \`${target.text}\`, which is not a descriptor`;
  if (target.literal && target.text === "/dev/null") return undefined;
  return `output redirection to \`${target.text}\``;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
/**
 * Locale variables only choose messages and collation; any other can change what runs
 * (GIT_EXTERNAL_DIFF, PAGER, LD_PRELOAD, PATH).
 */
const HARMLESS_ASSIGNMENTS = new Set(["LANG", "LC_ALL"]);

function assignmentReason(word: Word): string | undefined {
  const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.text)?.[1];
  if (name !== undefined && HARMLESS_ASSIGNMENTS.has(name)) return undefined;
  return `environment assignment \`${word.text.slice(0, word.text.indexOf("=") + 1)}\``;
}

/** Reserved words: every one of them opens a construct (a loop, a group, a test) that this proof does not follow. */
const COMPOUND_WORDS = [
  "if", "then", "elif", "else", "fi", "case", "esac", "for", "select", "while", "until", "do", "done", "coproc",
];
const SHELL_SYNTAX = new Map<string, string>([
  ["{", "brace group"],
  ["}", "brace group"],
  ["!", "negated pipeline"],
  ["[[", "`[[` conditional, which evaluates arithmetic"],
  ["function", "function definition"],
  ...COMPOUND_WORDS.map((word): [string, string] => [word, `compound command \`${word}\``]),
]);

/** Programs and builtins whose job is to run another command (or a script) with its arguments. */
const RUNS_ANY_COMMAND = new Set([
  ".", "bash", "builtin", "chroot", "command", "csh", "dash", "doas", "eval", "exec", "fish", "flock",
  "ionice", "ksh", "nice", "nohup", "parallel", "script", "setsid", "sh", "source", "stdbuf", "strace",
  "su", "sudo", "tcsh", "time", "timeout", "unbuffer", "watch", "xargs", "zsh",
]);

function programReason(program: Word, args: readonly Word[]): string | undefined {
  if (!program.literal) return `program name \`${program.text}\` is not literal text`;
  const name = program.text;
  const syntax = SHELL_SYNTAX.get(name);
  if (syntax !== undefined) return syntax;
  if (RUNS_ANY_COMMAND.has(name)) return `\`${name}\` can run any command`;
  if (name.includes("/")) return `program run by path \`${name}\``;
  const rule = PROGRAMS.get(name);
  if (rule === undefined) return `unknown program \`${name}\``;
  return argumentsReason(name, rule, args);
}

// ---------------------------------------------------------------------------------------------
// What each read-only program must not be given

/** The ways a read-only program can still write or run code, as data; `why` completes "`prog -x` …". */
interface ProgramRule {
  /** Letters that write or run code anywhere in a `-abc` cluster (case-sensitive). */
  readonly short?: Readonly<Record<string, string>>;
  /** Letters whose value is the rest of the cluster, so scanning stops there (`date -Iseconds`). */
  readonly valueLetters?: string;
  /** Long options that write or run code. GNU getopt accepts any unambiguous abbreviation, so every prefix counts. */
  readonly long?: Readonly<Record<string, string>>;
  /** Whole arguments that write or run code (find's primaries). */
  readonly exact?: Readonly<Record<string, string>>;
  /** Leading characters that turn an argument into a command (less `+cmd`). */
  readonly leading?: Readonly<Record<string, string>>;
  /** `--` ends the options, so later arguments are operands only. */
  readonly doubleDashEndsOptions?: boolean;
  /** For programs whose later operands are output files. */
  readonly operands?: OperandLimit;
  /** Every argument must be literal text, because the check reads their positions. */
  readonly literalArgs?: boolean;
  /** What the tables cannot express. */
  readonly check?: (args: readonly Word[]) => string | undefined;
}

interface OperandLimit {
  readonly max: number;
  /** Options whose value is the next argument, which is then not an operand. */
  readonly valueOptions: readonly string[];
  readonly why: string;
}

function argumentsReason(program: string, rule: ProgramRule, args: readonly Word[]): string | undefined {
  return (
    nonLiteralReason(program, rule, args) ??
    forbiddenOptionReason(program, rule, args) ??
    operandCountReason(program, rule, args) ??
    rule.check?.(args)
  );
}

function nonLiteralReason(program: string, rule: ProgramRule, args: readonly Word[]): string | undefined {
  if (!rule.literalArgs && rule.operands === undefined) return undefined;
  const expanding = args.find((arg) => !arg.literal);
  return expanding === undefined ? undefined : `\`${program}\` argument \`${expanding.text}\` is not literal text`;
}

function forbiddenOptionReason(program: string, rule: ProgramRule, args: readonly Word[]): string | undefined {
  if (!rule.short && !rule.long && !rule.exact && !rule.leading) return undefined;
  for (const arg of args) {
    if (rule.doubleDashEndsOptions && arg.literal && arg.text === "--") return undefined;
    if (arg.mayHideOption) return `\`${arg.text}\` could expand to a \`${program}\` option`;
    const found = forbiddenOption(rule, arg.text);
    if (found !== undefined) return `\`${program} ${found.option}\` ${found.why}`;
  }
  return undefined;
}

function forbiddenOption(rule: ProgramRule, text: string): { option: string; why: string } | undefined {
  const exact = own(rule.exact, text);
  if (exact !== undefined) return { option: text, why: exact };
  for (const [prefix, why] of Object.entries(rule.leading ?? {})) {
    if (text.startsWith(prefix)) return { option: text, why };
  }
  if (text.startsWith("--")) return forbiddenLongOption(rule, optionName(text));
  if (text.startsWith("-")) return forbiddenLetter(rule, text);
  return undefined;
}

function forbiddenLongOption(rule: ProgramRule, name: string): { option: string; why: string } | undefined {
  if (name === "--") return undefined;
  for (const [option, why] of Object.entries(rule.long ?? {})) {
    if (option.startsWith(name)) return { option, why };
  }
  return undefined;
}

function forbiddenLetter(rule: ProgramRule, cluster: string): { option: string; why: string } | undefined {
  for (const letter of cluster.slice(1)) {
    const why = own(rule.short, letter);
    if (why !== undefined) return { option: `-${letter}`, why };
    if (rule.valueLetters?.includes(letter)) return undefined;
  }
  return undefined;
}

function optionName(text: string): string {
  const equals = text.indexOf("=");
  return equals < 0 ? text : text.slice(0, equals);
}

function operandCountReason(program: string, rule: ProgramRule, args: readonly Word[]): string | undefined {
  const limit = rule.operands;
  if (limit === undefined) return undefined;
  return operandsOf(args, limit.valueOptions).length > limit.max ? `\`${program}\` ${limit.why}` : undefined;
}

/**
 * The operands a program sees, counted generously: once the first operand appears every later
 * argument counts too, because parsers other than GNU getopt stop reading options there.
 */
function operandsOf(args: readonly Word[], valueOptions: readonly string[]): Word[] {
  const operands: Word[] = [];
  let optionsEnded = false;
  let skipValue = false;
  for (const arg of args) {
    if (skipValue) {
      skipValue = false;
    } else if (!optionsEnded && arg.text === "--") {
      optionsEnded = true;
    } else if (!optionsEnded && arg.text.startsWith("-") && arg.text !== "-") {
      skipValue = valueOptions.includes(arg.text);
    } else {
      operands.push(arg);
      optionsEnded = true;
    }
  }
  return operands;
}

const PLAIN: ProgramRule = {};
const LOG_FILE = "copies its input to a log file";
const LESSKEY = "reads a lesskey file, whose #env section can set LESSOPEN to a command";
const SETS_CLOCK = "sets the system clock";
const RUNS_COMMAND = "runs a command";
const ARITHMETIC = "evaluates its operands as arithmetic, where array subscripts can run commands";

/** less, and more (which is less on macOS): non-interactive they only print, except for these. */
const PAGER: ProgramRule = {
  short: { o: LOG_FILE, O: LOG_FILE, k: LESSKEY },
  long: {
    "--log-file": LOG_FILE,
    "--LOG-FILE": LOG_FILE,
    "--lesskey-file": LESSKEY,
    "--lesskey-src": LESSKEY,
    "--lesskey-content": LESSKEY,
  },
  leading: { "+": "runs a less command at startup" },
};

/** bash and zsh builtins; `-v` looks up `a[subscript]` and zsh evaluates `-eq` operands, both can run `$(…)`. */
const TEST: ProgramRule = {
  exact: {
    "-eq": ARITHMETIC,
    "-ne": ARITHMETIC,
    "-lt": ARITHMETIC,
    "-le": ARITHMETIC,
    "-gt": ARITHMETIC,
    "-ge": ARITHMETIC,
    "-v": ARITHMETIC,
    "-R": ARITHMETIC,
  },
};

const PROGRAMS = new Map<string, ProgramRule>(
  Object.entries<ProgramRule>({
    // No option of these writes a file or runs a program.
    basename: PLAIN, cat: PLAIN, cd: PLAIN, cmp: PLAIN, column: PLAIN, comm: PLAIN, cut: PLAIN,
    df: PLAIN, diff: PLAIN, dirname: PLAIN, du: PLAIN, echo: PLAIN, egrep: PLAIN, expand: PLAIN,
    false: PLAIN, fgrep: PLAIN, fold: PLAIN, grep: PLAIN, head: PLAIN, hexdump: PLAIN, id: PLAIN,
    join: PLAIN, jq: PLAIN, ls: PLAIN, md5sum: PLAIN, nl: PLAIN, od: PLAIN, paste: PLAIN,
    printenv: PLAIN, pwd: PLAIN, readlink: PLAIN, realpath: PLAIN, rev: PLAIN, seq: PLAIN,
    sha1sum: PLAIN, sha256sum: PLAIN, sha512sum: PLAIN, sleep: PLAIN, stat: PLAIN, strings: PLAIN,
    tac: PLAIN, tail: PLAIN, tr: PLAIN, true: PLAIN, type: PLAIN, uname: PLAIN, wc: PLAIN,
    which: PLAIN, whoami: PLAIN,

    "[": TEST,
    test: TEST,
    less: PAGER,
    more: PAGER,
    ag: { long: { "--pager": "pipes its output through a program" } },
    date: {
      short: { s: SETS_CLOCK },
      long: { "--set": SETS_CLOCK },
      valueLetters: "dfrI",
      literalArgs: true,
      check: dateReason,
    },
    env: { check: (args) => (args.length === 0 ? undefined : "`env` with arguments runs a command") },
    fd: {
      short: { x: RUNS_COMMAND, X: RUNS_COMMAND },
      long: { "--exec": RUNS_COMMAND, "--exec-batch": RUNS_COMMAND },
    },
    file: {
      short: { C: "compiles a magic file and writes it" },
      long: { "--compile": "compiles a magic file and writes it" },
    },
    find: {
      exact: {
        "-delete": "deletes files",
        "-exec": RUNS_COMMAND,
        "-execdir": RUNS_COMMAND,
        "-ok": RUNS_COMMAND,
        "-okdir": RUNS_COMMAND,
        "-fls": "writes to a file",
        "-fprint": "writes to a file",
        "-fprint0": "writes to a file",
        "-fprintf": "writes to a file",
      },
    },
    hostname: {
      check: (args) => (args.length === 0 ? undefined : "`hostname` with arguments can set the host name"),
    },
    node: versionOnly("node", ["--version", "-v"]),
    printf: { check: printfReason },
    python: versionOnly("python", ["--version", "-V"]),
    python3: versionOnly("python3", ["--version", "-V"]),
    rg: {
      long: { "--pre": "runs a preprocessor program", "--hostname-bin": "runs a program" },
    },
    sort: {
      short: { o: "writes its output to a file", T: "writes temporary files into a directory" },
      long: {
        "--output": "writes its output to a file",
        "--temporary-directory": "writes temporary files into a directory",
        "--compress-program": "runs a compression program",
      },
    },
    tree: {
      short: { o: "writes its output to a file", R: "writes 00Tree.html files" },
    },
    uniq: {
      operands: { max: 1, valueOptions: ["-f", "-s", "-w"], why: "writes its output to the second operand" },
    },
    xxd: {
      short: { r: "writes binary reverted from a dump" },
      operands: {
        max: 1,
        valueOptions: ["-c", "-g", "-l", "-o", "-s"],
        why: "writes its output to the second operand",
      },
    },
    yq: {
      short: { i: "edits in place", s: "splits its output into files" },
      long: {
        "--inplace": "edits in place",
        "--in-place": "edits in place",
        "--split-exp": "splits its output into files",
        "--security-enable-system-operator": "lets the expression run commands",
      },
    },
    sed: { check: sedReason },
    awk: { check: awkReason },
    git: { check: gitReason },
  }),
);

function versionOnly(program: string, versionFlags: readonly string[]): ProgramRule {
  return {
    check: ([only, ...rest]) =>
      only?.literal && rest.length === 0 && versionFlags.includes(only.text)
        ? undefined
        : `\`${program}\` runs code unless only asked for its version`,
  };
}

/** A date operand (`MMDDhhmm…`) sets the clock; only `+FORMAT` prints. */
function dateReason(args: readonly Word[]): string | undefined {
  const operands = operandsOf(args, ["-d", "-f", "-r", "--date", "--file", "--reference"]);
  return operands.every((operand) => operand.text.startsWith("+"))
    ? undefined
    : "`date` with a date operand sets the system clock";
}

/** `%s`, `%b` and `%%` only: zsh evaluates the arguments of numeric conversions (and `*` widths) as arithmetic. */
const PRINTF_TEXT_FORMAT = /^(?:[^%]|%%|%[-+ #0]*\d*(?:\.\d*)?[sb])*$/;

function printfReason(args: readonly Word[]): string | undefined {
  const [first, second] = args;
  if (first === undefined) return undefined;
  if (first.literal && first.text.startsWith("-") && first.text !== "--") {
    return `\`printf ${first.text}\` can assign a shell variable, which changes what later commands run`;
  }
  const format = first.literal && first.text === "--" ? second : first;
  if (format === undefined) return undefined;
  if (!format.literal) return `\`printf\` format \`${format.text}\` is not literal text`;
  return PRINTF_TEXT_FORMAT.test(format.text) ? undefined : "`printf` numeric conversions evaluate arithmetic in zsh";
}

// ---------------------------------------------------------------------------------------------
// sed: its options, then its script, read by a whitelist of commands

type SedOption = "switch" | "value" | "script" | { readonly reject: string };

/** Letters GNU and BSD sed agree on, and the ones refused: `-l` takes a value in GNU sed but not in BSD sed. */
const SED_SHORT_OPTIONS: Readonly<Record<string, SedOption>> = {
  n: "switch",
  E: "switch",
  r: "switch",
  s: "switch",
  u: "switch",
  z: "switch",
  e: "script",
  i: { reject: "edits in place" },
  I: { reject: "edits in place" },
  f: { reject: "reads its script from a file" },
  l: { reject: "takes a value in GNU sed but not in BSD sed" },
};

/** All of GNU sed's long options, so that an abbreviation resolves as getopt would resolve it. */
const SED_LONG_OPTIONS: Readonly<Record<string, SedOption>> = {
  "--binary": "switch",
  "--debug": "switch",
  "--follow-symlinks": "switch",
  "--help": "switch",
  "--null-data": "switch",
  "--posix": "switch",
  "--quiet": "switch",
  "--regexp-extended": "switch",
  "--sandbox": "switch",
  "--separate": "switch",
  "--silent": "switch",
  "--unbuffered": "switch",
  "--version": "switch",
  "--zero-terminated": "switch",
  "--line-length": "value",
  "--expression": "script",
  "--in-place": { reject: "edits in place" },
  "--file": { reject: "reads its script from a file" },
};

interface SedOptionEffect {
  readonly reject?: string;
  readonly script?: string;
  readonly valueInNextArgument?: "script" | "value";
}

/**
 * GNU sed runs every `-e` script and takes the first operand as the script only without `-e`;
 * BSD sed stops reading options at the first operand and takes it as the script when no `-e`
 * came before it. Both readings are checked.
 */
function sedReason(args: readonly Word[]): string | undefined {
  const scripts: string[] = [];
  let firstOperand: Word | undefined;
  let firstOperandIsScript = false;
  let optionsEnded = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as Word;
    if (!optionsEnded && arg.literal && arg.text === "--") {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.mayHideOption) return `\`${arg.text}\` could expand to a \`sed\` option`;
    if (optionsEnded || !arg.text.startsWith("-") || arg.text === "-") {
      if (firstOperand === undefined) {
        firstOperand = arg;
        firstOperandIsScript = scripts.length === 0;
      }
      continue;
    }
    const effect = arg.text.startsWith("--") ? sedLongOption(arg.text) : sedShortOptions(arg.text);
    if (effect.reject !== undefined) return effect.reject;
    if (effect.script !== undefined) scripts.push(effect.script);
    if (effect.valueInNextArgument !== undefined) {
      const value = args[++index];
      if (value === undefined || !value.literal) return `\`sed ${arg.text}\` needs a literal value`;
      if (effect.valueInNextArgument === "script") scripts.push(value.text);
    }
  }
  if (firstOperand !== undefined && firstOperandIsScript) {
    if (!firstOperand.literal) return `sed script \`${firstOperand.text}\` is not literal text`;
    scripts.push(firstOperand.text);
  }
  if (scripts.length === 0) return "`sed` without a script";
  for (const script of scripts) {
    const reason = reasonOf(() => readSedScript(script));
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function sedShortOptions(cluster: string): SedOptionEffect {
  for (let index = 1; index < cluster.length; index++) {
    const letter = cluster.charAt(index);
    const option = Object.hasOwn(SED_SHORT_OPTIONS, letter) ? SED_SHORT_OPTIONS[letter] : undefined;
    if (option === undefined) return { reject: `unknown option \`sed -${letter}\`` };
    if (typeof option === "object") return { reject: `\`sed -${letter}\` ${option.reject}` };
    if (option === "script") {
      const rest = cluster.slice(index + 1);
      return rest === "" ? { valueInNextArgument: "script" } : { script: rest };
    }
  }
  return {};
}

function sedLongOption(text: string): SedOptionEffect {
  const name = optionName(text);
  const value = name === text ? undefined : text.slice(name.length + 1);
  const matches = Object.hasOwn(SED_LONG_OPTIONS, name)
    ? [name]
    : Object.keys(SED_LONG_OPTIONS).filter((option) => option.startsWith(name));
  const [resolved] = matches;
  const option = resolved === undefined ? undefined : SED_LONG_OPTIONS[resolved];
  if (matches.length !== 1 || resolved === undefined || option === undefined) {
    return { reject: `unknown or ambiguous option \`sed ${name}\`` };
  }
  if (typeof option === "object") return { reject: `\`sed ${resolved}\` ${option.reject}` };
  if (option === "switch") return {};
  if (value !== undefined) return option === "script" ? { script: value } : {};
  return { valueInNextArgument: option };
}

/** Commands that only move text between the pattern space, the hold space and stdout. */
const SED_PLAIN_COMMANDS = "=DdFGgHhNnPpxz";
/** `l`, `q` and `Q` take an optional number. */
const SED_NUMBER_COMMANDS = "lqQ";
const SED_LABEL_COMMANDS = ":btT";
const SED_COMMAND_REASONS: Readonly<Record<string, string>> = {
  w: "writes a file",
  W: "writes a file",
  e: "runs a command",
};
const BLANKS = " \t";
const DIGITS = "0123456789";

/** A cursor over a sed script; `peek` is "" at the end. */
class Cursor {
  position = 0;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  peek(): string {
    return this.text.charAt(this.position);
  }

  next(): string {
    const char = this.peek();
    this.position++;
    return char;
  }

  skip(chars: string): void {
    while (this.peek() !== "" && chars.includes(this.peek())) this.position++;
  }
}

function readSedScript(script: string): void {
  const cursor = new Cursor(script);
  for (;;) {
    cursor.skip(" \t\n;");
    if (cursor.peek() === "") return;
    readSedCommand(cursor);
  }
}

function readSedCommand(cursor: Cursor): void {
  if (cursor.peek() === "#") {
    const newline = cursor.text.indexOf("\n", cursor.position);
    cursor.position = newline < 0 ? cursor.text.length : newline;
    return;
  }
  if (cursor.peek() === "}") {
    cursor.position++;
    return;
  }
  readSedAddresses(cursor);
  cursor.skip(BLANKS);
  while (cursor.peek() === "!") {
    cursor.position++;
    cursor.skip(BLANKS);
  }
  const command = cursor.next();
  if (command === "") throw new Unprovable("sed address without a command");
  if (command === "{") return;
  if (command === "s") return readSedSubstitution(cursor);
  if (command === "y") {
    const delimiter = readSedDelimiter(cursor);
    readSedText(cursor, delimiter);
    readSedText(cursor, delimiter);
  } else if (SED_NUMBER_COMMANDS.includes(command)) {
    cursor.skip(DIGITS);
  } else if (SED_LABEL_COMMANDS.includes(command)) {
    readSedLabel(cursor);
  } else if (!SED_PLAIN_COMMANDS.includes(command)) {
    throw new Unprovable(`sed command \`${command}\` ${own(SED_COMMAND_REASONS, command) ?? "is not supported"}`);
  }
  endSedCommand(cursor);
}

function endSedCommand(cursor: Cursor): void {
  cursor.skip(BLANKS);
  const char = cursor.peek();
  if (char !== "" && !";\n}#".includes(char)) throw new Unprovable(`unexpected \`${char}\` after a sed command`);
}

/** GNU ends a label at `;` or a blank, BSD only at a newline: stopping early checks the rest as commands. */
function readSedLabel(cursor: Cursor): void {
  cursor.skip(BLANKS);
  while (cursor.peek() !== "" && !" \t\n;}".includes(cursor.peek())) cursor.position++;
}

function readSedAddresses(cursor: Cursor): void {
  if (!readSedAddress(cursor, false)) return;
  if (cursor.peek() !== ",") return;
  cursor.position++;
  cursor.skip(BLANKS);
  if (!readSedAddress(cursor, true)) throw new Unprovable("sed range without a second address");
}

function readSedAddress(cursor: Cursor, second: boolean): boolean {
  const char = cursor.peek();
  if (char !== "" && DIGITS.includes(char)) {
    cursor.skip(DIGITS);
    if (cursor.peek() === "~") {
      cursor.position++;
      cursor.skip(DIGITS);
    }
  } else if (char === "$") {
    cursor.position++;
  } else if (char === "/" || char === "\\") {
    cursor.position++;
    readSedRegex(cursor, char === "/" ? "/" : readSedDelimiter(cursor));
    cursor.skip("IM");
  } else if (second && (char === "+" || char === "~")) {
    cursor.position++;
    cursor.skip(DIGITS);
  } else {
    return false;
  }
  return true;
}

function readSedDelimiter(cursor: Cursor): string {
  const delimiter = cursor.next();
  if (delimiter === "" || delimiter === "\n" || delimiter === "\\") throw new Unprovable("unusual sed delimiter");
  return delimiter;
}

function readSedRegex(cursor: Cursor, delimiter: string): void {
  for (;;) {
    const char = cursor.next();
    if (char === "") throw new Unprovable("unterminated sed regular expression");
    if (char === "\\") {
      if (cursor.next() === "") throw new Unprovable("unterminated sed regular expression");
    } else if (char === delimiter) {
      return;
    } else if (char === "[") {
      readSedBracket(cursor, delimiter);
    }
  }
}

/**
 * BSD sed skips over `[...]` when it looks for the closing delimiter, GNU sed does not, so a
 * delimiter anywhere inside brackets (even in `[:alpha:]` with `:` as delimiter) would end the
 * expression at different places, and could turn the rest into a `w` flag for one of them.
 */
function readSedBracket(cursor: Cursor, delimiter: string): void {
  const disagreement = "sed delimiter inside a bracket expression";
  if (delimiter === "]") throw new Unprovable(disagreement);
  const start = cursor.position;
  if (cursor.peek() === "^") cursor.position++;
  if (cursor.peek() === "]") cursor.position++;
  for (;;) {
    const char = cursor.next();
    if (char === "") throw new Unprovable("unterminated sed bracket expression");
    if (char === "]") break;
    if (char === "[" && cursor.peek() !== "" && ":.=".includes(cursor.peek())) {
      const close = `${cursor.next()}]`;
      const end = cursor.text.indexOf(close, cursor.position);
      if (end < 0) throw new Unprovable("unterminated sed bracket expression");
      cursor.position = end + close.length;
    }
  }
  if (cursor.text.slice(start, cursor.position - 1).includes(delimiter)) throw new Unprovable(disagreement);
}

/** A replacement or a `y` part: backslash escapes, ended by the delimiter. */
function readSedText(cursor: Cursor, delimiter: string): void {
  for (;;) {
    const char = cursor.next();
    if (char === "" || (char === "\\" && cursor.next() === "")) throw new Unprovable("unterminated sed command");
    if (char === delimiter) return;
  }
}

function readSedSubstitution(cursor: Cursor): void {
  const delimiter = readSedDelimiter(cursor);
  readSedRegex(cursor, delimiter);
  readSedText(cursor, delimiter);
  cursor.skip("gpiImM0123456789");
  const flag = cursor.peek();
  if (flag === "w" || flag === "W") throw new Unprovable("`s///w` writes a file");
  if (flag === "e") throw new Unprovable("`s///e` runs the pattern space as a command");
  endSedCommand(cursor);
}

// ---------------------------------------------------------------------------------------------
// awk: only `-F` and `-v`, and a program without output redirection, pipes or commands

/**
 * Telling `print > "f"` from a comparison needs an awk parser, so every `>` and `|` is refused;
 * `system`, `getline`, `close` and `fflush` reach commands and files, `@` starts gawk's
 * `@include`/`@load` and indirect calls.
 */
const AWK_FORBIDDEN = [">", "|", "system", "getline", "close", "fflush", "@"];

function awkReason(args: readonly Word[]): string | undefined {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] as Word;
    if (!arg.literal) return `\`awk\` argument \`${arg.text}\` is not literal text`;
    if (arg.text === "--") {
      index++;
      break;
    }
    if (!arg.text.startsWith("-") || arg.text === "-") break;
    if (arg.text === "-F" || arg.text === "-v") {
      index++;
      if (!args[index]?.literal) return `\`awk ${arg.text}\` needs a literal value`;
    } else if (!/^-[Fv]./.test(arg.text)) {
      return `\`awk ${arg.text}\` is not supported`;
    }
  }
  const program = args[index];
  if (program === undefined) return "`awk` without a program";
  if (!program.literal) return `awk program \`${program.text}\` is not literal text`;
  const found = AWK_FORBIDDEN.find((token) => program.text.includes(token));
  return found === undefined ? undefined : `awk program uses \`${found}\``;
}

// ---------------------------------------------------------------------------------------------
// git: harmless global options, then a read-only subcommand

/** Global options that only change paging, locking or pathspec matching. */
const GIT_GLOBAL_SWITCHES = new Set([
  "--no-pager", "-P", "-p", "--paginate", "--no-optional-locks", "--literal-pathspecs",
  "--glob-pathspecs", "--noglob-pathspecs", "--icase-pathspecs", "--no-replace-objects", "--no-advice",
]);
/** Global options after which git prints and exits. */
const GIT_INFO_OPTIONS = new Set(["--version", "--help", "-h", "--html-path", "--man-path", "--info-path"]);
const GIT_GLOBAL_REASONS: Readonly<Record<string, string>> = {
  "-c": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--config-env": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--exec-path": "chooses where git finds the programs it runs",
  "--git-dir": "points git at another repository",
  "--work-tree": "points git at another work tree",
};

function gitReason(args: readonly Word[]): string | undefined {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] as Word;
    if (!arg.literal) return `git argument \`${arg.text}\` is not literal text`;
    if (!arg.text.startsWith("-")) break;
    if (GIT_INFO_OPTIONS.has(arg.text)) return undefined;
    if (arg.text === "-C") {
      index++;
      if (!args[index]?.single) return "`git -C` needs exactly one directory";
    } else if (!GIT_GLOBAL_SWITCHES.has(arg.text)) {
      const name = optionName(arg.text);
      return `\`git ${name}\` ${own(GIT_GLOBAL_REASONS, name) ?? "is not a known harmless git option"}`;
    }
  }
  const subcommand = args[index];
  if (subcommand === undefined) return undefined;
  const rule = GIT_SUBCOMMANDS.get(subcommand.text);
  if (rule === undefined) return `\`git ${subcommand.text}\` is not a read-only git command`;
  return argumentsReason(`git ${subcommand.text}`, rule, args.slice(index + 1));
}

const GIT_PLAIN: ProgramRule = { doubleDashEndsOptions: true };
/** Options shared by the commands that print diffs. */
const GIT_DIFF_OUTPUT: ProgramRule = {
  long: { "--output": "writes to a file", "--ext-diff": "runs the configured external diff program" },
  doubleDashEndsOptions: true,
};
const OPENS_PAGER = "opens the matching files in a pager";

const GIT_SUBCOMMANDS = new Map<string, ProgramRule>(
  Object.entries<ProgramRule>({
    blame: GIT_PLAIN, "cat-file": GIT_PLAIN, "count-objects": GIT_PLAIN, describe: GIT_PLAIN,
    "for-each-ref": GIT_PLAIN, help: GIT_PLAIN, "ls-files": GIT_PLAIN, "ls-tree": GIT_PLAIN,
    "merge-base": GIT_PLAIN, "name-rev": GIT_PLAIN, "rev-parse": GIT_PLAIN, "show-ref": GIT_PLAIN,
    status: GIT_PLAIN, var: GIT_PLAIN, version: GIT_PLAIN,

    diff: GIT_DIFF_OUTPUT, log: GIT_DIFF_OUTPUT, "rev-list": GIT_DIFF_OUTPUT,
    shortlog: GIT_DIFF_OUTPUT, show: GIT_DIFF_OUTPUT,

    grep: { short: { O: OPENS_PAGER }, long: { "--open-files-in-pager": OPENS_PAGER }, doubleDashEndsOptions: true },
    reflog: { ...GIT_DIFF_OUTPUT, literalArgs: true, check: gitReflogReason },
    branch: { literalArgs: true, check: (args) => listingReason("git branch", GIT_BRANCH_LISTING, args) },
    tag: { literalArgs: true, check: (args) => listingReason("git tag", GIT_TAG_LISTING, args) },
    remote: { literalArgs: true, check: gitRemoteReason },
    stash: { literalArgs: true, check: gitStashReason },
    config: { literalArgs: true, check: gitConfigReason },
    worktree: {
      literalArgs: true,
      check: ([action]) => (action?.text === "list" ? undefined : "`git worktree` without `list` changes worktrees"),
    },
  }),
);

/** `git branch` and `git tag` list when given only listing options; an operand then names what to create. */
interface ListingRule {
  readonly options: ReadonlySet<string>;
  /** Bundled single-letter listing options (`-av`). */
  readonly bundle: RegExp;
  /**
   * Options that force list mode, so operands are patterns. `-l` is not one for branch: before
   * git 2.20 it meant `--create-reflog`.
   */
  readonly patternOptions: ReadonlySet<string>;
  readonly writers: Readonly<Record<string, string>>;
  readonly operandWhy: string;
}

const FILTERS = ["--contains", "--no-contains", "--merged", "--no-merged", "--points-at"];
const LISTING_OPTIONS = [
  ...FILTERS, "--list", "-l", "-i", "--ignore-case", "--sort", "--format", "--color", "--no-color",
  "--column", "--no-column", "--omit-empty",
];

const GIT_BRANCH_LISTING: ListingRule = {
  options: new Set([
    ...LISTING_OPTIONS, "-a", "--all", "-r", "--remotes", "-v", "--verbose", "-q", "--quiet",
    "--show-current", "--abbrev", "--no-abbrev",
  ]),
  bundle: /^-[airvq]+$/,
  patternOptions: new Set(["--list", ...FILTERS]),
  writers: {
    "-d": "deletes a branch", "-D": "deletes a branch", "--delete": "deletes a branch",
    "-m": "renames a branch", "-M": "renames a branch", "--move": "renames a branch",
    "-c": "copies a branch", "-C": "copies a branch", "--copy": "copies a branch",
    "-f": "forces a branch change", "--force": "forces a branch change",
    "-u": "sets a branch's upstream", "--set-upstream-to": "sets a branch's upstream",
    "--unset-upstream": "removes a branch's upstream", "--edit-description": "edits a branch description",
    "-t": "creates a tracking branch", "--track": "creates a tracking branch", "--no-track": "creates a branch",
    "--create-reflog": "creates a branch reflog",
  },
  operandWhy: "creates a branch",
};

const GIT_TAG_LISTING: ListingRule = {
  options: new Set([...LISTING_OPTIONS, "-n"]),
  bundle: /^-(?:i|n\d*)+$/,
  patternOptions: new Set(["-l", "--list", ...FILTERS]),
  writers: {
    "-a": "creates an annotated tag", "--annotate": "creates an annotated tag",
    "-s": "creates a signed tag", "--sign": "creates a signed tag",
    "-u": "creates a signed tag", "--local-user": "creates a signed tag",
    "-f": "replaces a tag", "--force": "replaces a tag",
    "-d": "deletes a tag", "--delete": "deletes a tag",
    "-m": "creates a tag", "--message": "creates a tag", "-F": "creates a tag", "--file": "creates a tag",
    "-e": "creates a tag", "--edit": "creates a tag",
  },
  operandWhy: "creates a tag",
};

function listingReason(command: string, rule: ListingRule, args: readonly Word[]): string | undefined {
  let listing = false;
  let firstOperand: string | undefined;
  let optionsEnded = false;
  for (const { text } of args) {
    if (!optionsEnded && text === "--") {
      optionsEnded = true;
    } else if (optionsEnded || !text.startsWith("-") || text === "-") {
      firstOperand ??= text;
    } else {
      const name = optionName(text);
      const why = own(rule.writers, name);
      if (why !== undefined) return `\`${command} ${name}\` ${why}`;
      if (!rule.options.has(name) && !rule.bundle.test(text)) return `\`${command} ${name}\` is not a listing option`;
      listing ||= rule.patternOptions.has(name);
    }
  }
  return firstOperand !== undefined && !listing ? `\`${command} ${firstOperand}\` ${rule.operandWhy}` : undefined;
}

const GIT_REFLOG_WRITERS = new Set(["delete", "drop", "expire", "write"]);

/** `git reflog` shows unless its first word is a writing subcommand; any later word naming one is refused too. */
function gitReflogReason(args: readonly Word[]): string | undefined {
  const writer = args.find((arg) => GIT_REFLOG_WRITERS.has(arg.text));
  return writer === undefined ? undefined : `\`git reflog ${writer.text}\` rewrites the reflog`;
}

function gitRemoteReason(args: readonly Word[]): string | undefined {
  const action = args.find((arg) => arg.text !== "-v" && arg.text !== "--verbose")?.text;
  if (action === undefined || action === "show" || action === "get-url") return undefined;
  return `\`git remote ${action}\` changes the remotes`;
}

function gitStashReason([action, ...rest]: readonly Word[]): string | undefined {
  if (action?.text !== "list" && action?.text !== "show") {
    return `\`git stash${action === undefined ? "" : ` ${action.text}`}\` changes the work tree or the stash`;
  }
  return argumentsReason(`git stash ${action.text}`, GIT_DIFF_OUTPUT, rest);
}

const GIT_CONFIG_READS = new Set([
  "--get", "--get-all", "--get-regexp", "--get-urlmatch", "--get-color", "--get-colorbool", "-l", "--list",
]);
/** Options that choose which file to read or how to print, and cannot turn a read into a write. */
const GIT_CONFIG_MODIFIERS = new Set([
  "--global", "--system", "--local", "--worktree", "--file", "-f", "--blob", "--show-origin",
  "--show-scope", "--name-only", "-z", "--null", "--type", "--bool", "--int", "--bool-or-int", "--path",
  "--expiry-date", "--includes", "--no-includes", "--default", "--no-type", "--all", "--regexp",
  "--value", "--fixed-value", "--url", "--show-names",
]);

/**
 * Old style (`--get`, `--list`) or git 2.46's `git config get` / `git config list`; older gits
 * refuse `get` and `list` as keys without a section, so those never set anything either.
 */
function gitConfigReason(args: readonly Word[]): string | undefined {
  const action = args[0]?.text;
  const subcommandStyle = action === "get" || action === "list";
  let reads = subcommandStyle;
  for (const { text } of subcommandStyle ? args.slice(1) : args) {
    if (!text.startsWith("-") || text === "-") continue;
    const name = optionName(text);
    if (GIT_CONFIG_READS.has(name)) reads = true;
    else if (!GIT_CONFIG_MODIFIERS.has(name)) return `\`git config ${name}\` is not a read-only config option`;
  }
  return reads ? undefined : "`git config` without `--get`, `--list`, `get` or `list` sets a value";
}
