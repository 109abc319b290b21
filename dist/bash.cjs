"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/bash/readOnly.ts
var readOnly_exports = {};
__export(readOnly_exports, {
  classifyBash: () => classifyBash
});
module.exports = __toCommonJS(readOnly_exports);
function classifyBash(command) {
  const reason = unprovableReason(command);
  return reason === void 0 ? { readOnly: true } : { readOnly: false, reason };
}
function unprovableReason(command) {
  const tokens = tokenize(command);
  if (typeof tokens === "string") return tokens;
  const commands = parseCommands(tokens);
  if (typeof commands === "string") return commands;
  if (commands.length === 0) return "no command";
  for (const simple of commands) {
    const reason = simpleCommandReason(simple);
    if (reason !== void 0) return reason;
  }
  return void 0;
}
var Unprovable = class extends Error {
};
function reasonOf(read) {
  try {
    read();
    return void 0;
  } catch (error) {
    if (error instanceof Unprovable) return error.message;
    throw error;
  }
}
function own(table, key) {
  return table !== void 0 && Object.hasOwn(table, key) ? table[key] : void 0;
}
var WordBuilder = class {
  text = "";
  started = false;
  literal = true;
  single = true;
  mayHideOption = false;
  onlyDigits = true;
  /** Set at the first unquoted "[" or "{": whether a glob or brace expansion from there could start an option. */
  bracketHides;
  braceHides;
  braceHasSeparator = false;
  previous = "";
  get isStarted() {
    return this.started;
  }
  /** A word made only of unquoted digits right before `<` or `>` names a file descriptor (`2>`). */
  get isDescriptor() {
    return this.started && this.onlyDigits;
  }
  /** Quoted or escaped characters: the shell passes them as written. */
  addLiteral(text) {
    this.append(text);
    this.onlyDigits = false;
  }
  /** An unquoted character, which may take part in a glob (`*`, `?`, `[...]`) or a brace expansion. */
  addUnquoted(char) {
    const hides = this.expansionHereCouldBeOption();
    if (char === "*" || char === "?") this.expand(hides);
    else if (char === "[") this.bracketHides ??= hides;
    else if (char === "]" && this.bracketHides !== void 0) this.expand(this.bracketHides);
    else if (char === "{") this.braceHides ??= hides;
    else if (char === "," || char === "." && this.previous === ".") {
      this.braceHasSeparator ||= this.braceHides !== void 0;
    } else if (char === "}" && this.braceHides !== void 0 && this.braceHasSeparator) {
      this.expand(this.braceHides);
    }
    this.append(char);
    this.onlyDigits &&= char >= "0" && char <= "9";
    this.previous = char;
  }
  /** A parameter or ANSI-C string; unquoted, its value is also split into several words. */
  addExpansion(raw, quoted, many = false) {
    if (!quoted || this.expansionHereCouldBeOption()) this.mayHideOption = true;
    if (!quoted || many) this.single = false;
    this.literal = false;
    this.addLiteral(raw);
  }
  /** `~` (and zsh's `=cmd`) at the start of a word becomes a path: not literal, but never an option. */
  addPathExpansion(char) {
    this.literal = false;
    this.addLiteral(char);
  }
  build() {
    return { text: this.text, literal: this.literal, single: this.single, mayHideOption: this.mayHideOption };
  }
  append(text) {
    this.started = true;
    this.text += text;
    this.previous = "";
  }
  expand(hides) {
    this.literal = false;
    this.single = false;
    this.mayHideOption ||= hides;
  }
  /** At the start of a word, or inside "-x…", an expansion can produce an option; inside "--name=" only a value. */
  expansionHereCouldBeOption() {
    return this.text === "" || this.text.startsWith("-") && !/^--[^=]+=/.test(this.text);
  }
};
var OPERATORS = [
  "<<<",
  "&>>",
  "<<-",
  ";;&",
  "&&",
  "||",
  "|&",
  "&>",
  ";;",
  ";&",
  "<<",
  "<>",
  "<&",
  "<(",
  ">>",
  ">|",
  ">&",
  ">(",
  "|",
  "&",
  ";",
  "(",
  ")",
  "<",
  ">"
];
var OPERATOR_CHARS = "|&;<>()";
var REDIRECTIONS = /* @__PURE__ */ new Set(["<", "<<<", "<>", "<&", ">", ">>", ">|", ">&", "&>", "&>>"]);
var PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9#?$!@*-])/;
var BRACED_PARAMETER = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#?$!-])$/;
var ZSH_PARAMETER_FLAGS = "~=^+";
function tokenize(command) {
  const lexer = new Lexer(command);
  const reason = reasonOf(() => lexer.run());
  return reason ?? lexer.tokens;
}
var Lexer = class {
  tokens = [];
  source;
  position = 0;
  word = new WordBuilder();
  constructor(source) {
    this.source = source;
  }
  run() {
    while (this.position < this.source.length) this.step();
    this.endWord();
  }
  at(offset) {
    return this.source.charAt(this.position + offset);
  }
  step() {
    const char = this.at(0);
    if (char === " " || char === "	") {
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
    } else if (!this.word.isStarted && (char === "~" || char === "=" && /[\w./-]/.test(this.at(1)))) {
      this.word.addPathExpansion(char);
      this.position++;
    } else {
      this.word.addUnquoted(char);
      this.position++;
    }
  }
  endWord() {
    if (this.word.isStarted) this.tokens.push({ kind: "word", word: this.word.build() });
    this.word = new WordBuilder();
  }
  /** A `#` that starts a word comments out the rest of the line (non-interactive bash and zsh alike). */
  skipComment() {
    const newline = this.source.indexOf("\n", this.position);
    this.position = newline < 0 ? this.source.length : newline;
  }
  readEscape() {
    const escaped = this.at(1);
    if (escaped === "") throw new Unprovable("trailing backslash");
    if (escaped !== "\n") this.word.addLiteral(escaped);
    this.position += 2;
  }
  readSingleQuoted() {
    const end = this.source.indexOf("'", this.position + 1);
    if (end < 0) throw new Unprovable("unterminated single quote");
    this.word.addLiteral(this.source.slice(this.position + 1, end));
    this.position = end + 1;
  }
  /** Inside double quotes `$` and backquotes still expand; a backslash escapes only $, backquote, ", \\ and newline. */
  readDoubleQuoted() {
    this.position++;
    for (; ; ) {
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
  readDollar(quoted) {
    const next = this.at(1);
    if (next === "(") throw new Unprovable(this.at(2) === "(" ? "arithmetic expansion" : "command substitution");
    if (next === "[") throw new Unprovable("arithmetic expansion");
    if (next === "{") return this.readBracedParameter(quoted);
    if (!quoted && next === "'") return this.readAnsiCString();
    if (!quoted && next === '"') throw new Unprovable('locale-translated string `$"\u2026"`');
    const name = PARAMETER.exec(this.source.slice(this.position + 1))?.[0];
    if (name !== void 0 && this.at(1 + name.length) === "[") {
      throw new Unprovable(`array subscript \`$${name}[\`, which zsh evaluates as arithmetic`);
    }
    if (name !== void 0) {
      this.word.addExpansion(`$${name}`, quoted, name === "@" || name === "*");
      this.position += 1 + name.length;
      return;
    }
    if (next !== "" && ZSH_PARAMETER_FLAGS.includes(next)) throw new Unprovable(`zsh parameter expansion \`$${next}\``);
    this.word.addLiteral("$");
    this.position++;
  }
  /** Only `${name}`: the operators (`${x:=v}`, `${x/a/b}`, zsh's `${(e)x}`) can assign or evaluate. */
  readBracedParameter(quoted) {
    const end = this.source.indexOf("}", this.position + 2);
    if (end < 0) throw new Unprovable("unterminated parameter expansion `${`");
    const inner = this.source.slice(this.position + 2, end);
    if (!BRACED_PARAMETER.test(inner)) throw new Unprovable(`parameter expansion \`\${${inner}}\``);
    this.word.addExpansion(`\${${inner}}`, quoted);
    this.position = end + 1;
  }
  /** `$'…'` is quoted text with backslash escapes: it cannot run anything, but its value is not read here. */
  readAnsiCString() {
    let end = this.position + 2;
    while (end < this.source.length && this.source[end] !== "'") end += this.source[end] === "\\" ? 2 : 1;
    if (end >= this.source.length) throw new Unprovable("unterminated `$'` string");
    this.word.addExpansion(this.source.slice(this.position, end + 1), true);
    this.position = end + 1;
  }
  readOperator() {
    const char = this.at(0);
    if ((char === "<" || char === ">") && this.word.isDescriptor) this.word = new WordBuilder();
    else this.endWord();
    const operator = OPERATORS.find((candidate) => this.source.startsWith(candidate, this.position)) ?? char;
    this.position += operator.length;
    if (operator === "<<" || operator === "<<-") throw new Unprovable("here-document");
    if (operator === "<(" || operator === ">(") throw new Unprovable("process substitution");
    this.tokens.push({ kind: REDIRECTIONS.has(operator) ? "redirect" : "control", operator });
  }
};
var CONNECTORS = /* @__PURE__ */ new Set(["|", "|&", "&&", "||"]);
var UNSUPPORTED_CONTROL = /* @__PURE__ */ new Map([
  ["&", "background job (`&`)"],
  ["(", "subshell or function definition"],
  [")", "subshell or function definition"],
  [";;", "case clause"],
  [";&", "case clause"],
  [";;&", "case clause"]
]);
function parseCommands(tokens) {
  const commands = [];
  let current = { words: [], redirects: [] };
  let needsCommand = false;
  let pendingRedirect;
  for (const token of tokens) {
    if (pendingRedirect !== void 0) {
      if (token.kind !== "word") return `redirection \`${pendingRedirect}\` without a target`;
      current.redirects.push({ operator: pendingRedirect, target: token.word });
      pendingRedirect = void 0;
    } else if (token.kind === "word") {
      current.words.push(token.word);
    } else if (token.kind === "redirect") {
      pendingRedirect = token.operator;
    } else {
      const unsupported = UNSUPPORTED_CONTROL.get(token.operator);
      if (unsupported !== void 0) return unsupported;
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
  if (pendingRedirect !== void 0) return `redirection \`${pendingRedirect}\` without a target`;
  if (current.words.length > 0 || current.redirects.length > 0) commands.push(current);
  else if (needsCommand) return "incomplete command";
  return commands;
}
function simpleCommandReason(command) {
  for (const redirect of command.redirects) {
    const reason = redirectReason(redirect);
    if (reason !== void 0) return reason;
  }
  const programAt = command.words.findIndex((word) => !ASSIGNMENT.test(word.text));
  const assignments = programAt < 0 ? command.words : command.words.slice(0, programAt);
  for (const assignment of assignments) {
    const reason = assignmentReason(assignment);
    if (reason !== void 0) return reason;
  }
  const program = command.words[programAt];
  if (program === void 0) return "no program to run";
  return programReason(program, command.words.slice(programAt + 1));
}
var INPUT_REDIRECTIONS = /* @__PURE__ */ new Set(["<", "<<<"]);
var DESCRIPTOR = /^(?:\d+|-)$/;
function redirectReason({ operator, target }) {
  if (INPUT_REDIRECTIONS.has(operator)) return void 0;
  if (operator === "<>") return "read-write redirection (`<>`) creates its file";
  if ((operator === ">&" || operator === "<&") && target.literal && DESCRIPTOR.test(target.text)) return void 0;
  if (operator === "<&") return `redirection \`<&\` to \`${target.text}\`, which is not a descriptor`;
  if (target.literal && target.text === "/dev/null") return void 0;
  return `output redirection to \`${target.text}\``;
}
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
var HARMLESS_ASSIGNMENTS = /* @__PURE__ */ new Set(["LANG", "LC_ALL"]);
function assignmentReason(word) {
  const name = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.text)?.[1];
  if (name !== void 0 && HARMLESS_ASSIGNMENTS.has(name)) return void 0;
  return `environment assignment \`${word.text.slice(0, word.text.indexOf("=") + 1)}\``;
}
var COMPOUND_WORDS = [
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "case",
  "esac",
  "for",
  "select",
  "while",
  "until",
  "do",
  "done",
  "coproc"
];
var SHELL_SYNTAX = new Map([
  ["{", "brace group"],
  ["}", "brace group"],
  ["!", "negated pipeline"],
  ["[[", "`[[` conditional, which evaluates arithmetic"],
  ["function", "function definition"],
  ...COMPOUND_WORDS.map((word) => [word, `compound command \`${word}\``])
]);
var RUNS_ANY_COMMAND = /* @__PURE__ */ new Set([
  ".",
  "bash",
  "builtin",
  "chroot",
  "command",
  "csh",
  "dash",
  "doas",
  "eval",
  "exec",
  "fish",
  "flock",
  "ionice",
  "ksh",
  "nice",
  "nohup",
  "parallel",
  "script",
  "setsid",
  "sh",
  "source",
  "stdbuf",
  "strace",
  "su",
  "sudo",
  "tcsh",
  "time",
  "timeout",
  "unbuffer",
  "watch",
  "xargs",
  "zsh"
]);
function programReason(program, args) {
  if (!program.literal) return `program name \`${program.text}\` is not literal text`;
  const name = program.text;
  const syntax = SHELL_SYNTAX.get(name);
  if (syntax !== void 0) return syntax;
  if (RUNS_ANY_COMMAND.has(name)) return `\`${name}\` can run any command`;
  if (name.includes("/")) return `program run by path \`${name}\``;
  const rule = PROGRAMS.get(name);
  if (rule === void 0) return `unknown program \`${name}\``;
  return argumentsReason(name, rule, args);
}
function argumentsReason(program, rule, args) {
  return nonLiteralReason(program, rule, args) ?? forbiddenOptionReason(program, rule, args) ?? operandCountReason(program, rule, args) ?? rule.check?.(args);
}
function nonLiteralReason(program, rule, args) {
  if (!rule.literalArgs && rule.operands === void 0) return void 0;
  const expanding = args.find((arg) => !arg.literal);
  return expanding === void 0 ? void 0 : `\`${program}\` argument \`${expanding.text}\` is not literal text`;
}
function forbiddenOptionReason(program, rule, args) {
  if (!rule.short && !rule.long && !rule.exact && !rule.leading) return void 0;
  for (const arg of args) {
    if (rule.doubleDashEndsOptions && arg.literal && arg.text === "--") return void 0;
    if (arg.mayHideOption) return `\`${arg.text}\` could expand to a \`${program}\` option`;
    const found = forbiddenOption(rule, arg.text);
    if (found !== void 0) return `\`${program} ${found.option}\` ${found.why}`;
  }
  return void 0;
}
function forbiddenOption(rule, text) {
  const exact = own(rule.exact, text);
  if (exact !== void 0) return { option: text, why: exact };
  for (const [prefix, why] of Object.entries(rule.leading ?? {})) {
    if (text.startsWith(prefix)) return { option: text, why };
  }
  if (text.startsWith("--")) return forbiddenLongOption(rule, optionName(text));
  if (text.startsWith("-")) return forbiddenLetter(rule, text);
  return void 0;
}
function forbiddenLongOption(rule, name) {
  if (name === "--") return void 0;
  for (const [option, why] of Object.entries(rule.long ?? {})) {
    if (option.startsWith(name)) return { option, why };
  }
  return void 0;
}
function forbiddenLetter(rule, cluster) {
  for (const letter of cluster.slice(1)) {
    const why = own(rule.short, letter);
    if (why !== void 0) return { option: `-${letter}`, why };
    if (rule.valueLetters?.includes(letter)) return void 0;
  }
  return void 0;
}
function optionName(text) {
  const equals = text.indexOf("=");
  return equals < 0 ? text : text.slice(0, equals);
}
function operandCountReason(program, rule, args) {
  const limit = rule.operands;
  if (limit === void 0) return void 0;
  return operandsOf(args, limit.valueOptions).length > limit.max ? `\`${program}\` ${limit.why}` : void 0;
}
function operandsOf(args, valueOptions) {
  const operands = [];
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
var PLAIN = {};
var LOG_FILE = "copies its input to a log file";
var LESSKEY = "reads a lesskey file, whose #env section can set LESSOPEN to a command";
var SETS_CLOCK = "sets the system clock";
var RUNS_COMMAND = "runs a command";
var ARITHMETIC = "evaluates its operands as arithmetic, where array subscripts can run commands";
var PAGER = {
  short: { o: LOG_FILE, O: LOG_FILE, k: LESSKEY },
  long: {
    "--log-file": LOG_FILE,
    "--LOG-FILE": LOG_FILE,
    "--lesskey-file": LESSKEY,
    "--lesskey-src": LESSKEY,
    "--lesskey-content": LESSKEY
  },
  leading: { "+": "runs a less command at startup" }
};
var TEST = {
  exact: {
    "-eq": ARITHMETIC,
    "-ne": ARITHMETIC,
    "-lt": ARITHMETIC,
    "-le": ARITHMETIC,
    "-gt": ARITHMETIC,
    "-ge": ARITHMETIC,
    "-v": ARITHMETIC,
    "-R": ARITHMETIC
  }
};
var PROGRAMS = new Map(
  Object.entries({
    // No option of these writes a file or runs a program.
    basename: PLAIN,
    cat: PLAIN,
    cd: PLAIN,
    cmp: PLAIN,
    column: PLAIN,
    comm: PLAIN,
    cut: PLAIN,
    df: PLAIN,
    diff: PLAIN,
    dirname: PLAIN,
    du: PLAIN,
    echo: PLAIN,
    egrep: PLAIN,
    expand: PLAIN,
    false: PLAIN,
    fgrep: PLAIN,
    fold: PLAIN,
    grep: PLAIN,
    head: PLAIN,
    hexdump: PLAIN,
    id: PLAIN,
    join: PLAIN,
    jq: PLAIN,
    ls: PLAIN,
    md5sum: PLAIN,
    nl: PLAIN,
    od: PLAIN,
    paste: PLAIN,
    printenv: PLAIN,
    pwd: PLAIN,
    readlink: PLAIN,
    realpath: PLAIN,
    rev: PLAIN,
    seq: PLAIN,
    sha1sum: PLAIN,
    sha256sum: PLAIN,
    sha512sum: PLAIN,
    sleep: PLAIN,
    stat: PLAIN,
    strings: PLAIN,
    tac: PLAIN,
    tail: PLAIN,
    tr: PLAIN,
    true: PLAIN,
    type: PLAIN,
    uname: PLAIN,
    wc: PLAIN,
    which: PLAIN,
    whoami: PLAIN,
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
      check: dateReason
    },
    env: { check: (args) => args.length === 0 ? void 0 : "`env` with arguments runs a command" },
    fd: {
      short: { x: RUNS_COMMAND, X: RUNS_COMMAND },
      long: { "--exec": RUNS_COMMAND, "--exec-batch": RUNS_COMMAND }
    },
    file: {
      short: { C: "compiles a magic file and writes it" },
      long: { "--compile": "compiles a magic file and writes it" }
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
        "-fprintf": "writes to a file"
      }
    },
    hostname: {
      check: (args) => args.length === 0 ? void 0 : "`hostname` with arguments can set the host name"
    },
    node: versionOnly("node", ["--version", "-v"]),
    printf: { check: printfReason },
    python: versionOnly("python", ["--version", "-V"]),
    python3: versionOnly("python3", ["--version", "-V"]),
    rg: {
      long: { "--pre": "runs a preprocessor program", "--hostname-bin": "runs a program" }
    },
    sort: {
      short: { o: "writes its output to a file", T: "writes temporary files into a directory" },
      long: {
        "--output": "writes its output to a file",
        "--temporary-directory": "writes temporary files into a directory",
        "--compress-program": "runs a compression program"
      }
    },
    tree: {
      short: { o: "writes its output to a file", R: "writes 00Tree.html files" }
    },
    uniq: {
      operands: { max: 1, valueOptions: ["-f", "-s", "-w"], why: "writes its output to the second operand" }
    },
    xxd: {
      short: { r: "writes binary reverted from a dump" },
      operands: {
        max: 1,
        valueOptions: ["-c", "-g", "-l", "-o", "-s"],
        why: "writes its output to the second operand"
      }
    },
    yq: {
      short: { i: "edits in place", s: "splits its output into files" },
      long: {
        "--inplace": "edits in place",
        "--in-place": "edits in place",
        "--split-exp": "splits its output into files",
        "--security-enable-system-operator": "lets the expression run commands"
      }
    },
    sed: { check: sedReason },
    awk: { check: awkReason },
    git: { check: gitReason }
  })
);
function versionOnly(program, versionFlags) {
  return {
    check: ([only, ...rest]) => only?.literal && rest.length === 0 && versionFlags.includes(only.text) ? void 0 : `\`${program}\` runs code unless only asked for its version`
  };
}
function dateReason(args) {
  const operands = operandsOf(args, ["-d", "-f", "-r", "--date", "--file", "--reference"]);
  return operands.every((operand) => operand.text.startsWith("+")) ? void 0 : "`date` with a date operand sets the system clock";
}
var PRINTF_TEXT_FORMAT = /^(?:[^%]|%%|%[-+ #0]*\d*(?:\.\d*)?[sb])*$/;
function printfReason(args) {
  const [first, second] = args;
  if (first === void 0) return void 0;
  if (first.literal && first.text.startsWith("-") && first.text !== "--") {
    return `\`printf ${first.text}\` can assign a shell variable, which changes what later commands run`;
  }
  const format = first.literal && first.text === "--" ? second : first;
  if (format === void 0) return void 0;
  if (!format.literal) return `\`printf\` format \`${format.text}\` is not literal text`;
  return PRINTF_TEXT_FORMAT.test(format.text) ? void 0 : "`printf` numeric conversions evaluate arithmetic in zsh";
}
var SED_SHORT_OPTIONS = {
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
  l: { reject: "takes a value in GNU sed but not in BSD sed" }
};
var SED_LONG_OPTIONS = {
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
  "--file": { reject: "reads its script from a file" }
};
function sedReason(args) {
  const scripts = [];
  let firstOperand;
  let firstOperandIsScript = false;
  let optionsEnded = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (!optionsEnded && arg.literal && arg.text === "--") {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && arg.mayHideOption) return `\`${arg.text}\` could expand to a \`sed\` option`;
    if (optionsEnded || !arg.text.startsWith("-") || arg.text === "-") {
      if (firstOperand === void 0) {
        firstOperand = arg;
        firstOperandIsScript = scripts.length === 0;
      }
      continue;
    }
    const effect = arg.text.startsWith("--") ? sedLongOption(arg.text) : sedShortOptions(arg.text);
    if (effect.reject !== void 0) return effect.reject;
    if (effect.script !== void 0) scripts.push(effect.script);
    if (effect.valueInNextArgument !== void 0) {
      const value = args[++index];
      if (value === void 0 || !value.literal) return `\`sed ${arg.text}\` needs a literal value`;
      if (effect.valueInNextArgument === "script") scripts.push(value.text);
    }
  }
  if (firstOperand !== void 0 && firstOperandIsScript) {
    if (!firstOperand.literal) return `sed script \`${firstOperand.text}\` is not literal text`;
    scripts.push(firstOperand.text);
  }
  if (scripts.length === 0) return "`sed` without a script";
  for (const script of scripts) {
    const reason = reasonOf(() => readSedScript(script));
    if (reason !== void 0) return reason;
  }
  return void 0;
}
function sedShortOptions(cluster) {
  for (let index = 1; index < cluster.length; index++) {
    const letter = cluster.charAt(index);
    const option = Object.hasOwn(SED_SHORT_OPTIONS, letter) ? SED_SHORT_OPTIONS[letter] : void 0;
    if (option === void 0) return { reject: `unknown option \`sed -${letter}\`` };
    if (typeof option === "object") return { reject: `\`sed -${letter}\` ${option.reject}` };
    if (option === "script") {
      const rest = cluster.slice(index + 1);
      return rest === "" ? { valueInNextArgument: "script" } : { script: rest };
    }
  }
  return {};
}
function sedLongOption(text) {
  const name = optionName(text);
  const value = name === text ? void 0 : text.slice(name.length + 1);
  const matches = Object.hasOwn(SED_LONG_OPTIONS, name) ? [name] : Object.keys(SED_LONG_OPTIONS).filter((option2) => option2.startsWith(name));
  const [resolved] = matches;
  const option = resolved === void 0 ? void 0 : SED_LONG_OPTIONS[resolved];
  if (matches.length !== 1 || resolved === void 0 || option === void 0) {
    return { reject: `unknown or ambiguous option \`sed ${name}\`` };
  }
  if (typeof option === "object") return { reject: `\`sed ${resolved}\` ${option.reject}` };
  if (option === "switch") return {};
  if (value !== void 0) return option === "script" ? { script: value } : {};
  return { valueInNextArgument: option };
}
var SED_PLAIN_COMMANDS = "=DdFGgHhNnPpxz";
var SED_NUMBER_COMMANDS = "lqQ";
var SED_LABEL_COMMANDS = ":btT";
var SED_COMMAND_REASONS = {
  w: "writes a file",
  W: "writes a file",
  e: "runs a command"
};
var BLANKS = " 	";
var DIGITS = "0123456789";
var Cursor = class {
  position = 0;
  text;
  constructor(text) {
    this.text = text;
  }
  peek() {
    return this.text.charAt(this.position);
  }
  next() {
    const char = this.peek();
    this.position++;
    return char;
  }
  skip(chars) {
    while (this.peek() !== "" && chars.includes(this.peek())) this.position++;
  }
};
function readSedScript(script) {
  const cursor = new Cursor(script);
  for (; ; ) {
    cursor.skip(" 	\n;");
    if (cursor.peek() === "") return;
    readSedCommand(cursor);
  }
}
function readSedCommand(cursor) {
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
function endSedCommand(cursor) {
  cursor.skip(BLANKS);
  const char = cursor.peek();
  if (char !== "" && !";\n}#".includes(char)) throw new Unprovable(`unexpected \`${char}\` after a sed command`);
}
function readSedLabel(cursor) {
  cursor.skip(BLANKS);
  while (cursor.peek() !== "" && !" 	\n;}".includes(cursor.peek())) cursor.position++;
}
function readSedAddresses(cursor) {
  if (!readSedAddress(cursor, false)) return;
  if (cursor.peek() !== ",") return;
  cursor.position++;
  cursor.skip(BLANKS);
  if (!readSedAddress(cursor, true)) throw new Unprovable("sed range without a second address");
}
function readSedAddress(cursor, second) {
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
function readSedDelimiter(cursor) {
  const delimiter = cursor.next();
  if (delimiter === "" || delimiter === "\n" || delimiter === "\\") throw new Unprovable("unusual sed delimiter");
  return delimiter;
}
function readSedRegex(cursor, delimiter) {
  for (; ; ) {
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
function readSedBracket(cursor, delimiter) {
  const disagreement = "sed delimiter inside a bracket expression";
  if (delimiter === "]") throw new Unprovable(disagreement);
  const start = cursor.position;
  if (cursor.peek() === "^") cursor.position++;
  if (cursor.peek() === "]") cursor.position++;
  for (; ; ) {
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
function readSedText(cursor, delimiter) {
  for (; ; ) {
    const char = cursor.next();
    if (char === "" || char === "\\" && cursor.next() === "") throw new Unprovable("unterminated sed command");
    if (char === delimiter) return;
  }
}
function readSedSubstitution(cursor) {
  const delimiter = readSedDelimiter(cursor);
  readSedRegex(cursor, delimiter);
  readSedText(cursor, delimiter);
  cursor.skip("gpiImM0123456789");
  const flag = cursor.peek();
  if (flag === "w" || flag === "W") throw new Unprovable("`s///w` writes a file");
  if (flag === "e") throw new Unprovable("`s///e` runs the pattern space as a command");
  endSedCommand(cursor);
}
var AWK_FORBIDDEN = [">", "|", "system", "getline", "close", "fflush", "@"];
function awkReason(args) {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index];
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
  if (program === void 0) return "`awk` without a program";
  if (!program.literal) return `awk program \`${program.text}\` is not literal text`;
  const found = AWK_FORBIDDEN.find((token) => program.text.includes(token));
  return found === void 0 ? void 0 : `awk program uses \`${found}\``;
}
var GIT_GLOBAL_SWITCHES = /* @__PURE__ */ new Set([
  "--no-pager",
  "-P",
  "-p",
  "--paginate",
  "--no-optional-locks",
  "--literal-pathspecs",
  "--glob-pathspecs",
  "--noglob-pathspecs",
  "--icase-pathspecs",
  "--no-replace-objects",
  "--no-advice"
]);
var GIT_INFO_OPTIONS = /* @__PURE__ */ new Set(["--version", "--help", "-h", "--html-path", "--man-path", "--info-path"]);
var GIT_GLOBAL_REASONS = {
  "-c": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--config-env": "sets configuration, which can name a program to run (core.pager, diff.external)",
  "--exec-path": "chooses where git finds the programs it runs",
  "--git-dir": "points git at another repository",
  "--work-tree": "points git at another work tree"
};
function gitReason(args) {
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index];
    if (!arg.literal) return `git argument \`${arg.text}\` is not literal text`;
    if (!arg.text.startsWith("-")) break;
    if (GIT_INFO_OPTIONS.has(arg.text)) return void 0;
    if (arg.text === "-C") {
      index++;
      if (!args[index]?.single) return "`git -C` needs exactly one directory";
    } else if (!GIT_GLOBAL_SWITCHES.has(arg.text)) {
      const name = optionName(arg.text);
      return `\`git ${name}\` ${own(GIT_GLOBAL_REASONS, name) ?? "is not a known harmless git option"}`;
    }
  }
  const subcommand = args[index];
  if (subcommand === void 0) return void 0;
  const rule = GIT_SUBCOMMANDS.get(subcommand.text);
  if (rule === void 0) return `\`git ${subcommand.text}\` is not a read-only git command`;
  return argumentsReason(`git ${subcommand.text}`, rule, args.slice(index + 1));
}
var GIT_PLAIN = { doubleDashEndsOptions: true };
var GIT_DIFF_OUTPUT = {
  long: { "--output": "writes to a file", "--ext-diff": "runs the configured external diff program" },
  doubleDashEndsOptions: true
};
var OPENS_PAGER = "opens the matching files in a pager";
var GIT_SUBCOMMANDS = new Map(
  Object.entries({
    blame: GIT_PLAIN,
    "cat-file": GIT_PLAIN,
    "count-objects": GIT_PLAIN,
    describe: GIT_PLAIN,
    "for-each-ref": GIT_PLAIN,
    help: GIT_PLAIN,
    "ls-files": GIT_PLAIN,
    "ls-tree": GIT_PLAIN,
    "merge-base": GIT_PLAIN,
    "name-rev": GIT_PLAIN,
    "rev-parse": GIT_PLAIN,
    "show-ref": GIT_PLAIN,
    status: GIT_PLAIN,
    var: GIT_PLAIN,
    version: GIT_PLAIN,
    diff: GIT_DIFF_OUTPUT,
    log: GIT_DIFF_OUTPUT,
    "rev-list": GIT_DIFF_OUTPUT,
    shortlog: GIT_DIFF_OUTPUT,
    show: GIT_DIFF_OUTPUT,
    grep: { short: { O: OPENS_PAGER }, long: { "--open-files-in-pager": OPENS_PAGER }, doubleDashEndsOptions: true },
    reflog: { ...GIT_DIFF_OUTPUT, literalArgs: true, check: gitReflogReason },
    branch: { literalArgs: true, check: (args) => listingReason("git branch", GIT_BRANCH_LISTING, args) },
    tag: { literalArgs: true, check: (args) => listingReason("git tag", GIT_TAG_LISTING, args) },
    remote: { literalArgs: true, check: gitRemoteReason },
    stash: { literalArgs: true, check: gitStashReason },
    config: { literalArgs: true, check: gitConfigReason },
    worktree: {
      literalArgs: true,
      check: ([action]) => action?.text === "list" ? void 0 : "`git worktree` without `list` changes worktrees"
    }
  })
);
var FILTERS = ["--contains", "--no-contains", "--merged", "--no-merged", "--points-at"];
var LISTING_OPTIONS = [
  ...FILTERS,
  "--list",
  "-l",
  "-i",
  "--ignore-case",
  "--sort",
  "--format",
  "--color",
  "--no-color",
  "--column",
  "--no-column",
  "--omit-empty"
];
var GIT_BRANCH_LISTING = {
  options: /* @__PURE__ */ new Set([
    ...LISTING_OPTIONS,
    "-a",
    "--all",
    "-r",
    "--remotes",
    "-v",
    "--verbose",
    "-q",
    "--quiet",
    "--show-current",
    "--abbrev",
    "--no-abbrev"
  ]),
  bundle: /^-[airvq]+$/,
  patternOptions: /* @__PURE__ */ new Set(["--list", ...FILTERS]),
  writers: {
    "-d": "deletes a branch",
    "-D": "deletes a branch",
    "--delete": "deletes a branch",
    "-m": "renames a branch",
    "-M": "renames a branch",
    "--move": "renames a branch",
    "-c": "copies a branch",
    "-C": "copies a branch",
    "--copy": "copies a branch",
    "-f": "forces a branch change",
    "--force": "forces a branch change",
    "-u": "sets a branch's upstream",
    "--set-upstream-to": "sets a branch's upstream",
    "--unset-upstream": "removes a branch's upstream",
    "--edit-description": "edits a branch description",
    "-t": "creates a tracking branch",
    "--track": "creates a tracking branch",
    "--no-track": "creates a branch",
    "--create-reflog": "creates a branch reflog"
  },
  operandWhy: "creates a branch"
};
var GIT_TAG_LISTING = {
  options: /* @__PURE__ */ new Set([...LISTING_OPTIONS, "-n"]),
  bundle: /^-(?:i|n\d*)+$/,
  patternOptions: /* @__PURE__ */ new Set(["-l", "--list", ...FILTERS]),
  writers: {
    "-a": "creates an annotated tag",
    "--annotate": "creates an annotated tag",
    "-s": "creates a signed tag",
    "--sign": "creates a signed tag",
    "-u": "creates a signed tag",
    "--local-user": "creates a signed tag",
    "-f": "replaces a tag",
    "--force": "replaces a tag",
    "-d": "deletes a tag",
    "--delete": "deletes a tag",
    "-m": "creates a tag",
    "--message": "creates a tag",
    "-F": "creates a tag",
    "--file": "creates a tag",
    "-e": "creates a tag",
    "--edit": "creates a tag"
  },
  operandWhy: "creates a tag"
};
function listingReason(command, rule, args) {
  let listing = false;
  let firstOperand;
  let optionsEnded = false;
  for (const { text } of args) {
    if (!optionsEnded && text === "--") {
      optionsEnded = true;
    } else if (optionsEnded || !text.startsWith("-") || text === "-") {
      firstOperand ??= text;
    } else {
      const name = optionName(text);
      const why = own(rule.writers, name);
      if (why !== void 0) return `\`${command} ${name}\` ${why}`;
      if (!rule.options.has(name) && !rule.bundle.test(text)) return `\`${command} ${name}\` is not a listing option`;
      listing ||= rule.patternOptions.has(name);
    }
  }
  return firstOperand !== void 0 && !listing ? `\`${command} ${firstOperand}\` ${rule.operandWhy}` : void 0;
}
var GIT_REFLOG_WRITERS = /* @__PURE__ */ new Set(["delete", "drop", "expire", "write"]);
function gitReflogReason(args) {
  const writer = args.find((arg) => GIT_REFLOG_WRITERS.has(arg.text));
  return writer === void 0 ? void 0 : `\`git reflog ${writer.text}\` rewrites the reflog`;
}
function gitRemoteReason(args) {
  const action = args.find((arg) => arg.text !== "-v" && arg.text !== "--verbose")?.text;
  if (action === void 0 || action === "show" || action === "get-url") return void 0;
  return `\`git remote ${action}\` changes the remotes`;
}
function gitStashReason([action, ...rest]) {
  if (action?.text !== "list" && action?.text !== "show") {
    return `\`git stash${action === void 0 ? "" : ` ${action.text}`}\` changes the work tree or the stash`;
  }
  return argumentsReason(`git stash ${action.text}`, GIT_DIFF_OUTPUT, rest);
}
var GIT_CONFIG_READS = /* @__PURE__ */ new Set([
  "--get",
  "--get-all",
  "--get-regexp",
  "--get-urlmatch",
  "--get-color",
  "--get-colorbool",
  "-l",
  "--list"
]);
var GIT_CONFIG_MODIFIERS = /* @__PURE__ */ new Set([
  "--global",
  "--system",
  "--local",
  "--worktree",
  "--file",
  "-f",
  "--blob",
  "--show-origin",
  "--show-scope",
  "--name-only",
  "-z",
  "--null",
  "--type",
  "--bool",
  "--int",
  "--bool-or-int",
  "--path",
  "--expiry-date",
  "--includes",
  "--no-includes",
  "--default",
  "--no-type",
  "--all",
  "--regexp",
  "--value",
  "--fixed-value",
  "--url",
  "--show-names"
]);
function gitConfigReason(args) {
  const action = args[0]?.text;
  const subcommandStyle = action === "get" || action === "list";
  let reads = subcommandStyle;
  for (const { text } of subcommandStyle ? args.slice(1) : args) {
    if (!text.startsWith("-") || text === "-") continue;
    const name = optionName(text);
    if (GIT_CONFIG_READS.has(name)) reads = true;
    else if (!GIT_CONFIG_MODIFIERS.has(name)) return `\`git config ${name}\` is not a read-only config option`;
  }
  return reads ? void 0 : "`git config` without `--get`, `--list`, `get` or `list` sets a value";
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  classifyBash
});
