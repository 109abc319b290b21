"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
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
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output2 = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output2 = output2.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output2 = output2.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output2 = output2.concat(this.formatItemList(group, commandList, helper));
        });
        return output2.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = require("node:child_process");
    var path2 = require("node:path");
    var fs2 = require("node:fs");
    var process3 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process3.stdout.write(str),
          writeErr: (str) => process3.stderr.write(str),
          outputError: (str, write3) => write3(str),
          getOutHelpWidth: () => process3.stdout.isTTY ? process3.stdout.columns : void 0,
          getErrHelpWidth: () => process3.stderr.isTTY ? process3.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process3.stdout.isTTY && process3.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process3.stderr.isTTY && process3.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process3.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process3.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process3.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process3.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process3.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs2.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path2.resolve(baseDir, baseName);
          if (fs2.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path2.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs2.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs2.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path2.resolve(
            path2.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path2.basename(
              this._scriptPath,
              path2.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path2.extname(executableFile));
        let proc;
        if (process3.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process3.execArgv).concat(args);
            proc = childProcess.spawn(process3.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process3.execArgv).concat(args);
          proc = childProcess.spawn(process3.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process3.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process3.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process3.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook2) => {
            result = this._chainOrCall(result, () => {
              return hook2(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process3.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process3.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path2.basename(filename, path2.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path3) {
        if (path3 === void 0) return this._executableDir;
        this._executableDir = path3;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write3 = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write: write3, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process3.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process3.env.NO_COLOR || process3.env.FORCE_COLOR === "0" || process3.env.FORCE_COLOR === "false")
        return false;
      if (process3.env.FORCE_COLOR || process3.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/signal-exit/dist/cjs/signals.js
var require_signals = __commonJS({
  "node_modules/signal-exit/dist/cjs/signals.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.signals = void 0;
    exports2.signals = [];
    exports2.signals.push("SIGHUP", "SIGINT", "SIGTERM");
    if (process.platform !== "win32") {
      exports2.signals.push(
        "SIGALRM",
        "SIGABRT",
        "SIGVTALRM",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGUSR2",
        "SIGTRAP",
        "SIGSYS",
        "SIGQUIT",
        "SIGIOT"
        // should detect profiler and enable/disable accordingly.
        // see #21
        // 'SIGPROF'
      );
    }
    if (process.platform === "linux") {
      exports2.signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
    }
  }
});

// node_modules/signal-exit/dist/cjs/index.js
var require_cjs = __commonJS({
  "node_modules/signal-exit/dist/cjs/index.js"(exports2) {
    "use strict";
    var _a;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.unload = exports2.load = exports2.onExit = exports2.signals = void 0;
    var signals_js_1 = require_signals();
    Object.defineProperty(exports2, "signals", { enumerable: true, get: function() {
      return signals_js_1.signals;
    } });
    var processOk = (process4) => !!process4 && typeof process4 === "object" && typeof process4.removeListener === "function" && typeof process4.emit === "function" && typeof process4.reallyExit === "function" && typeof process4.listeners === "function" && typeof process4.kill === "function" && typeof process4.pid === "number" && typeof process4.on === "function";
    var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
    var global = globalThis;
    var ObjectDefineProperty = Object.defineProperty.bind(Object);
    var Emitter = class {
      emitted = {
        afterExit: false,
        exit: false
      };
      listeners = {
        afterExit: [],
        exit: []
      };
      count = 0;
      id = Math.random();
      constructor() {
        if (global[kExitEmitter]) {
          return global[kExitEmitter];
        }
        ObjectDefineProperty(global, kExitEmitter, {
          value: this,
          writable: false,
          enumerable: false,
          configurable: false
        });
      }
      on(ev, fn) {
        this.listeners[ev].push(fn);
      }
      removeListener(ev, fn) {
        const list = this.listeners[ev];
        const i = list.indexOf(fn);
        if (i === -1) {
          return;
        }
        if (i === 0 && list.length === 1) {
          list.length = 0;
        } else {
          list.splice(i, 1);
        }
      }
      emit(ev, code, signal) {
        if (this.emitted[ev]) {
          return false;
        }
        this.emitted[ev] = true;
        let ret = false;
        for (const fn of this.listeners[ev]) {
          ret = fn(code, signal) === true || ret;
        }
        if (ev === "exit") {
          ret = this.emit("afterExit", code, signal) || ret;
        }
        return ret;
      }
    };
    var SignalExitBase = class {
    };
    var signalExitWrap = (handler) => {
      return {
        onExit(cb, opts) {
          return handler.onExit(cb, opts);
        },
        load() {
          return handler.load();
        },
        unload() {
          return handler.unload();
        }
      };
    };
    var SignalExitFallback = class extends SignalExitBase {
      onExit() {
        return () => {
        };
      }
      load() {
      }
      unload() {
      }
    };
    var SignalExit = class extends SignalExitBase {
      // "SIGHUP" throws an `ENOSYS` error on Windows,
      // so use a supported signal instead
      /* c8 ignore start */
      #hupSig = process3.platform === "win32" ? "SIGINT" : "SIGHUP";
      /* c8 ignore stop */
      #emitter = new Emitter();
      #process;
      #originalProcessEmit;
      #originalProcessReallyExit;
      #sigListeners = {};
      #loaded = false;
      constructor(process4) {
        super();
        this.#process = process4;
        this.#sigListeners = {};
        for (const sig of signals_js_1.signals) {
          this.#sigListeners[sig] = () => {
            const listeners = this.#process.listeners(sig);
            let { count: count2 } = this.#emitter;
            const p = process4;
            if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
              count2 += p.__signal_exit_emitter__.count;
            }
            if (listeners.length === count2) {
              this.unload();
              const ret = this.#emitter.emit("exit", null, sig);
              const s = sig === "SIGHUP" ? this.#hupSig : sig;
              if (!ret)
                process4.kill(process4.pid, s);
            }
          };
        }
        this.#originalProcessReallyExit = process4.reallyExit;
        this.#originalProcessEmit = process4.emit;
      }
      onExit(cb, opts) {
        if (!processOk(this.#process)) {
          return () => {
          };
        }
        if (this.#loaded === false) {
          this.load();
        }
        const ev = opts?.alwaysLast ? "afterExit" : "exit";
        this.#emitter.on(ev, cb);
        return () => {
          this.#emitter.removeListener(ev, cb);
          if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
            this.unload();
          }
        };
      }
      load() {
        if (this.#loaded) {
          return;
        }
        this.#loaded = true;
        this.#emitter.count += 1;
        for (const sig of signals_js_1.signals) {
          try {
            const fn = this.#sigListeners[sig];
            if (fn)
              this.#process.on(sig, fn);
          } catch (_) {
          }
        }
        this.#process.emit = (ev, ...a) => {
          return this.#processEmit(ev, ...a);
        };
        this.#process.reallyExit = (code) => {
          return this.#processReallyExit(code);
        };
      }
      unload() {
        if (!this.#loaded) {
          return;
        }
        this.#loaded = false;
        signals_js_1.signals.forEach((sig) => {
          const listener = this.#sigListeners[sig];
          if (!listener) {
            throw new Error("Listener not defined for signal: " + sig);
          }
          try {
            this.#process.removeListener(sig, listener);
          } catch (_) {
          }
        });
        this.#process.emit = this.#originalProcessEmit;
        this.#process.reallyExit = this.#originalProcessReallyExit;
        this.#emitter.count -= 1;
      }
      #processReallyExit(code) {
        if (!processOk(this.#process)) {
          return 0;
        }
        this.#process.exitCode = code || 0;
        this.#emitter.emit("exit", this.#process.exitCode, null);
        return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
      }
      #processEmit(ev, ...args) {
        const og = this.#originalProcessEmit;
        if (ev === "exit" && processOk(this.#process)) {
          if (typeof args[0] === "number") {
            this.#process.exitCode = args[0];
          }
          const ret = og.call(this.#process, ev, ...args);
          this.#emitter.emit("exit", this.#process.exitCode, null);
          return ret;
        } else {
          return og.call(this.#process, ev, ...args);
        }
      }
    };
    var process3 = globalThis.process;
    _a = signalExitWrap(processOk(process3) ? new SignalExit(process3) : new SignalExitFallback()), /**
     * Called when the process is exiting, whether via signal, explicit
     * exit, or running out of stuff to do.
     *
     * If the global process object is not suitable for instrumentation,
     * then this will be a no-op.
     *
     * Returns a function that may be used to unload signal-exit.
     */
    exports2.onExit = _a.onExit, /**
     * Load the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports2.load = _a.load, /**
     * Unload the listeners.  Likely you never need to call this, unless
     * doing a rather deep integration with signal-exit functionality.
     * Mostly exposed for the benefit of testing.
     *
     * @internal
     */
    exports2.unload = _a.unload;
  }
});

// node_modules/write-file-atomic/lib/index.js
var require_lib = __commonJS({
  "node_modules/write-file-atomic/lib/index.js"(exports2, module2) {
    "use strict";
    module2.exports = writeFile;
    module2.exports.sync = writeFileSync;
    module2.exports._getTmpname = getTmpname;
    module2.exports._cleanupOnExit = cleanupOnExit;
    var fs2 = require("fs");
    var crypto = require("node:crypto");
    var { onExit } = require_cjs();
    var path2 = require("path");
    var { promisify } = require("util");
    var activeFiles = {};
    var threadId = (function getId() {
      try {
        const workerThreads = require("worker_threads");
        return workerThreads.threadId;
      } catch (e) {
        return 0;
      }
    })();
    var invocations = 0;
    function getTmpname(filename) {
      return filename + "." + crypto.createHash("sha1").update(__filename).update(String(process.pid)).update(String(threadId)).update(String(++invocations)).digest().readUInt32BE(0);
    }
    function cleanupOnExit(tmpfile) {
      return () => {
        try {
          fs2.unlinkSync(typeof tmpfile === "function" ? tmpfile() : tmpfile);
        } catch {
        }
      };
    }
    function serializeActiveFile(absoluteName) {
      return new Promise((resolve6) => {
        if (!activeFiles[absoluteName]) {
          activeFiles[absoluteName] = [];
        }
        activeFiles[absoluteName].push(resolve6);
        if (activeFiles[absoluteName].length === 1) {
          resolve6();
        }
      });
    }
    function isChownErrOk(err) {
      if (err.code === "ENOSYS") {
        return true;
      }
      const nonroot = !process.getuid || process.getuid() !== 0;
      if (nonroot) {
        if (err.code === "EINVAL" || err.code === "EPERM") {
          return true;
        }
      }
      return false;
    }
    async function writeFileAsync(filename, data, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      let fd;
      let tmpfile;
      const removeOnExitHandler = onExit(cleanupOnExit(() => tmpfile));
      const absoluteName = path2.resolve(filename);
      try {
        await serializeActiveFile(absoluteName);
        const truename = await promisify(fs2.realpath)(filename).catch(() => filename);
        tmpfile = getTmpname(truename);
        if (!options.mode || !options.chown) {
          const stats = await promisify(fs2.stat)(truename).catch(() => {
          });
          if (stats) {
            if (options.mode == null) {
              options.mode = stats.mode;
            }
            if (options.chown == null && process.getuid) {
              options.chown = { uid: stats.uid, gid: stats.gid };
            }
          }
        }
        fd = await promisify(fs2.open)(tmpfile, "w", options.mode);
        if (options.tmpfileCreated) {
          await options.tmpfileCreated(tmpfile);
        }
        if (ArrayBuffer.isView(data)) {
          await promisify(fs2.write)(fd, data, 0, data.length, 0);
        } else if (data != null) {
          await promisify(fs2.write)(fd, String(data), 0, String(options.encoding || "utf8"));
        }
        if (options.fsync !== false) {
          await promisify(fs2.fsync)(fd);
        }
        await promisify(fs2.close)(fd);
        fd = null;
        if (options.chown) {
          await promisify(fs2.chown)(tmpfile, options.chown.uid, options.chown.gid).catch((err) => {
            if (!isChownErrOk(err)) {
              throw err;
            }
          });
        }
        if (options.mode) {
          await promisify(fs2.chmod)(tmpfile, options.mode).catch((err) => {
            if (!isChownErrOk(err)) {
              throw err;
            }
          });
        }
        await promisify(fs2.rename)(tmpfile, truename);
      } finally {
        if (fd) {
          await promisify(fs2.close)(fd).catch(
            /* istanbul ignore next */
            () => {
            }
          );
        }
        removeOnExitHandler();
        await promisify(fs2.unlink)(tmpfile).catch(() => {
        });
        activeFiles[absoluteName].shift();
        if (activeFiles[absoluteName].length > 0) {
          activeFiles[absoluteName][0]();
        } else {
          delete activeFiles[absoluteName];
        }
      }
    }
    async function writeFile(filename, data, options, callback) {
      if (options instanceof Function) {
        callback = options;
        options = {};
      }
      const promise = writeFileAsync(filename, data, options);
      if (callback) {
        try {
          const result = await promise;
          return callback(result);
        } catch (err) {
          return callback(err);
        }
      }
      return promise;
    }
    function writeFileSync(filename, data, options) {
      if (typeof options === "string") {
        options = { encoding: options };
      } else if (!options) {
        options = {};
      }
      try {
        filename = fs2.realpathSync(filename);
      } catch (ex) {
      }
      const tmpfile = getTmpname(filename);
      if (!options.mode || !options.chown) {
        try {
          const stats = fs2.statSync(filename);
          options = Object.assign({}, options);
          if (!options.mode) {
            options.mode = stats.mode;
          }
          if (!options.chown && process.getuid) {
            options.chown = { uid: stats.uid, gid: stats.gid };
          }
        } catch (ex) {
        }
      }
      let fd;
      const cleanup = cleanupOnExit(tmpfile);
      const removeOnExitHandler = onExit(cleanup);
      let threw = true;
      try {
        fd = fs2.openSync(tmpfile, "w", options.mode || 438);
        if (options.tmpfileCreated) {
          options.tmpfileCreated(tmpfile);
        }
        if (ArrayBuffer.isView(data)) {
          fs2.writeSync(fd, data, 0, data.length, 0);
        } else if (data != null) {
          fs2.writeSync(fd, String(data), 0, String(options.encoding || "utf8"));
        }
        if (options.fsync !== false) {
          fs2.fsyncSync(fd);
        }
        fs2.closeSync(fd);
        fd = null;
        if (options.chown) {
          try {
            fs2.chownSync(tmpfile, options.chown.uid, options.chown.gid);
          } catch (err) {
            if (!isChownErrOk(err)) {
              throw err;
            }
          }
        }
        if (options.mode) {
          try {
            fs2.chmodSync(tmpfile, options.mode);
          } catch (err) {
            if (!isChownErrOk(err)) {
              throw err;
            }
          }
        }
        fs2.renameSync(tmpfile, filename);
        threw = false;
      } finally {
        if (fd) {
          try {
            fs2.closeSync(fd);
          } catch (ex) {
          }
        }
        removeOnExitHandler();
        if (threw) {
          cleanup();
        }
      }
    }
  }
});

// src/operator.ts
var operator_exports = {};
__export(operator_exports, {
  buildProgram: () => buildProgram,
  realCommandDeps: () => realCommandDeps,
  runProgram: () => runProgram
});
module.exports = __toCommonJS(operator_exports);

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/operator.ts
var import_write_file_atomic = __toESM(require_lib(), 1);

// package.json
var package_default = {
  name: "claude-session-guard",
  version: "0.1.0",
  description: "Keep two Claude Code sessions from changing the same workspace at once: a per-workspace lock that Claude Code runs as a hook.",
  keywords: [
    "claude-code",
    "hooks",
    "lock",
    "worktree",
    "agents"
  ],
  license: "MIT",
  type: "module",
  bin: {
    "claude-session-guard": "bin/claude-session-guard.js"
  },
  files: [
    "bin",
    "dist",
    "hooks",
    ".claude-plugin",
    "settings.example.json",
    "CHANGELOG.md",
    "examples"
  ],
  engines: {
    node: ">=20.17"
  },
  scripts: {
    build: "esbuild cli=src/cli.ts operator=src/operator.ts bash=src/bash/readOnly.ts agents=src/agents/index.ts redis=src/lock/redis/redisClient.ts --bundle --platform=node --format=cjs --target=node20 --outdir=dist --out-extension:.js=.cjs --define:CSG_BUNDLE=true --alias:debug=./src/lock/redis/silentDebug.ts --log-level=warning",
    prepare: "npm run build",
    typecheck: "tsc --noEmit",
    test: "npm run typecheck && npm run build && vitest run",
    "test:fast": "npm run build && vitest run --project unit && vitest run --project integration test/integration/hooks.test.ts test/integration/commands/usage.test.ts",
    "capture-fixtures": "node test/fixtures/capture.mjs",
    bench: "npm run build && node bench/run.mjs",
    stress: "npm run build && node bench/stress.mjs"
  },
  devDependencies: {
    "@types/node": "^20.19.0",
    commander: "^14.0.3",
    "env-paths": "^4.0.0",
    esbuild: "^0.28.2",
    ioredis: "^6.0.0",
    typescript: "^5.9.3",
    vitest: "^4.1.12",
    "write-file-atomic": "^7.0.1"
  }
};

// src/commands/clear.ts
var import_node_path5 = require("node:path");

// src/errors.ts
var GuardError = class extends Error {
  constructor(message, code, options) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
  code;
};
var StoreError = class extends GuardError {
};
var WorkspaceError = class extends GuardError {
  constructor(message, options) {
    super(message, "EWORKSPACE", options);
  }
};
var OutputError = class extends GuardError {
};
var ContentionError = class extends GuardError {
};
var SettingsError = class extends GuardError {
  constructor(message, code, path2 = null, options) {
    super(message, code, options);
    this.path = path2;
  }
  path;
};
var UserError = class extends GuardError {
  constructor(message, exitCode = 1, code = exitCode === 2 ? "EUSAGE" : "EFAILED") {
    super(message, code);
    this.exitCode = exitCode;
  }
  exitCode;
};
function errnoOf(error) {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : void 0;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/host/workspace.ts
var nodeFs = __toESM(require("node:fs"), 1);
var import_node_path = require("node:path");

// src/lock/md5.ts
var S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
var K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
function md5Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const length = (bytes.length + 8 >>> 6) + 1 << 6;
  const message = new Uint8Array(length);
  message.set(bytes);
  message[bytes.length] = 128;
  const view = new DataView(message.buffer);
  view.setUint32(length - 8, bytes.length * 8 >>> 0, true);
  view.setUint32(length - 4, Math.floor(bytes.length / 536870912), true);
  let a0 = 1732584193;
  let b0 = 4023233417;
  let c0 = 2562383102;
  let d0 = 271733878;
  for (let offset = 0; offset < length; offset += 64) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f;
      let g;
      if (i < 16) {
        f = b & c | ~b & d;
        g = i;
      } else if (i < 32) {
        f = d & b | ~d & c;
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) % 16;
      } else {
        f = c ^ (b | ~d);
        g = 7 * i % 16;
      }
      const sum = a + f + K[i] + view.getUint32(offset + g * 4, true) | 0;
      a = d;
      d = c;
      c = b;
      b = b + (sum << S[i] | sum >>> 32 - S[i]) | 0;
    }
    a0 = a0 + a | 0;
    b0 = b0 + b | 0;
    c0 = c0 + c | 0;
    d0 = d0 + d | 0;
  }
  const out = new DataView(new ArrayBuffer(16));
  [a0, b0, c0, d0].forEach((word, i) => out.setUint32(i * 4, word >>> 0, true));
  return Array.from(new Uint8Array(out.buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// src/messages.ts
var PREFIX = "claude-session-guard:";
var NAME = "claude-session-guard";
function duration(ms) {
  const seconds = Math.max(0, Math.round(ms / 1e3));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
var AGENT_PREFIX = /^(codex|gemini|cursor|copilot):/;
function shortId(sessionId) {
  return printable(sessionId.replace(AGENT_PREFIX, "").slice(0, 8));
}
var CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
var CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
var escapeControl = (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
function printable(value) {
  return value.replace(CONTROL, escapeControl);
}
var COLOUR = /(\u001b\[[0-9;]*m)/;
function printableText(text, keepColour = false) {
  if (!keepColour) return text.replace(CONTROL_EXCEPT_LINES, escapeControl);
  return text.split(COLOUR).map((part, i) => i % 2 === 1 ? part : part.replace(CONTROL_EXCEPT_LINES, escapeControl)).join("");
}
function clearCommand(workspace2, self = NAME) {
  return `${self} clear --workspace ${shellQuote(workspace2)}`;
}
function failed(message) {
  return `${PREFIX} ${message}`;
}
function sessionAndPid(sessionId, pid) {
  return `session ${shortId(sessionId)} (pid ${pid})`;
}
function lostHow(by, at, reason) {
  if (reason === "cleared") return `${by} cleared it at ${at}`;
  if (reason === "idle") return `it sat idle at its prompt and ${by} took over at ${at}`;
  return `it lapsed and ${by} took over at ${at}`;
}
function holderSummary(holder) {
  return [holder.label, holder.place, holder.doing].filter((part) => part !== "").join(", ");
}
function holderDetails(holder) {
  return `${holderSummary(holder)}, ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}`;
}
function agentPrefix(agent, reader = null) {
  const holder = agent ?? "claude";
  return holder === "claude" && (reader ?? "claude") === "claude" ? "" : `${agentName(holder)} `;
}
function agentName(agent) {
  return { codex: "Codex CLI", gemini: "Gemini CLI", cursor: "Cursor", copilot: "Copilot CLI", claude: "Claude Code" }[agent] ?? agent;
}
var hook = {
  holderLine: (sessionId, pid, activeAgoMs, expiresInMs) => `${sessionAndPid(sessionId, pid)}, last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,
  agentName: (agent) => agentName(agent ?? "claude"),
  holderLabel: (sessionId, pid, agent) => agent === null || agent === "claude" ? sessionAndPid(sessionId, pid) : `${agentName(agent)} ${sessionAndPid(sessionId, pid)}`,
  holderPlace: (name, tmux, tty, startDir) => [
    name !== null ? `named "${printable(name)}"` : null,
    tmux !== null ? `in tmux pane ${printable(tmux)}${tty !== null ? ` (${tty})` : ""}` : tty !== null ? `on ${tty}` : null,
    startDir !== null ? `started in ${printable(startDir)}` : null
  ].filter((part) => part !== null).join(", "),
  timing: (activeAgoMs, expiresInMs) => `last active ${duration(activeAgoMs)} ago, lock expires in ${duration(expiresInMs)}`,
  workLine: (type, description, command, runningMs, leftMs) => `${type}${description !== null ? ` "${printable(description)}"` : ""}${command !== null && command !== description ? ` (${printable(command)})` : ""}, running for ${duration(runningMs)}, keeps the lock at most ${duration(leftMs)} more`,
  doing: {
    working: "working now",
    waitingPermission: "waiting for its user's permission",
    waiting: (what) => `waiting for its user (${printable(what)})`,
    idleWithShell: "idle, with background work still running",
    idleWithWork: "idle, kept for its background work",
    keptForWork: "kept for its background work",
    idle: "idle at its prompt",
    unknown: ""
  },
  /**
   * What a person sees of a denial, and Claude first. Claude Code 2.1.331 shows a denied Write's
   * reason in red, every line, and folds a denied Bash call to its first line (cut at 200
   * characters with its prefix): so the first line alone says who holds the workspace and what to
   * do, in under 170 characters for common names, and the second how to get out.
   */
  denyReason: (tool, workspace2, holder, waitedMs = 0, self = NAME) => [
    `${PREFIX} ${holder.who} holds this workspace, so this ${tool ?? "tool"} was not run. Wait, or use a git worktree.` + (waitedMs > 0 ? ` (Waited ${duration(waitedMs)}.)` : ""),
    `Do not work around the lock with another tool or command. If that session is gone or stuck, clear it: ${clearCommand(workspace2, self)}`
  ].join("\n"),
  /** The rest, for Claude only (the hook's additionalContext beside the deny): never shown in the terminal. */
  denyContext: (workspace2, holder) => [
    `Workspace: ${workspace2}`,
    `Held by: ${holder.label}${holder.place ? `, ${holder.place}` : ""}${holder.doing ? `, ${holder.doing}` : ""}; ${holder.timing} (it renews while that session works).`,
    ...holder.work.map((line) => `Kept for its background ${line}. The lock is released when that work ends and its session's turn finishes; stopping the work in that session releases it sooner.`),
    "The other session's changes would collide with yours: tell the user, and wait, or suggest a separate git worktree (git worktree add)."
  ].join("\n"),
  /** The session by the name and terminal a person knows it by (else its id), its pid when no terminal is known, and its state. */
  holderWho: (agent, sessionId, pid, name, terminal, state, reader = null) => `${agentPrefix(agent, reader)}session ${name === null ? shortId(sessionId) : `"${printable(name.length > 40 ? `${name.slice(0, 39)}\u2026` : name)}"`} (${[
    terminal !== null ? printable(terminal) : `pid ${pid}`,
    state
  ].filter((part) => part !== "").join(", ")})`,
  state: {
    working: "working",
    waitingPermission: "waiting for permission",
    waiting: "waiting for its user",
    background: "background work running",
    unknown: ""
  },
  failOpenNotice: (problem, self = NAME) => `${PREFIX} not guarding this workspace: ${problem}. Other sessions are not kept out until this is fixed; run \`${self} doctor\`.`,
  failOpenStderr: (problem) => `${PREFIX} ${problem} (allowing the tool call)`,
  otherSession: (sessionId, pid) => `another ${agentName(AGENT_PREFIX.exec(sessionId)?.[1] ?? "claude")} session (session ${shortId(sessionId)}, pid ${pid})`,
  idleHolder: "its session sat idle at its prompt",
  anOperator: "an operator (claude-session-guard clear)",
  lostForUser: (workspace2, by, at, reason) => `${PREFIX} this session lost its lock on ${workspace2} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`,
  lostForClaude: (workspace2, by, at, reason) => `While this session was away, it lost its lock on the workspace ${workspace2}: ${lostHow(by, at, reason)}. Another session may have changed, added or deleted files and switched branches since your last turn. Before editing, re-read every file you intend to change and re-check \`git status\`; do not rely on what you read earlier.`,
  sessionStartForUser: (workspace2, holder) => `${PREFIX} ${holder.who} holds this workspace (${workspace2}); ${holder.timing}${holder.work.map((line) => `; kept for its background ${line}`).join("")}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`,
  sessionStartForClaude: (workspace2, holder) => `Another ${holder.agent} session currently holds the lock on this workspace (${workspace2}): ${holderDetails(holder)}. Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree.`,
  internalError: (detail) => `internal error (${detail}); please report it`
};
var input = {
  noPayload: "no hook payload on stdin",
  notJson: "the hook payload on stdin is not JSON",
  notObject: "the hook payload on stdin is not a JSON object",
  noSessionId: "the hook payload has no session_id",
  sessionIdTooLong: (length, max) => `the hook payload's session_id is ${length} characters long, more than the ${max} the guard records`,
  nulInPath: (field) => `the hook payload's ${field} contains a NUL byte, which no path can`,
  stdinTimeout: (ms) => `no complete hook payload on stdin within ${ms} ms`,
  stdinTooLarge: (bytes) => `the hook payload on stdin is larger than ${bytes} bytes`,
  stdinFailed: (detail) => `cannot read stdin: ${detail}`,
  unknownArgument: (arg, command) => `unknown argument "${arg}" for ${command}`,
  unknownAgent: (name, known) => `unknown agent "${name}" for --agent: use one of ${known}`,
  noField: (field) => `the hook payload has no ${field}`,
  noAgentsBundle: (detail) => `cannot load the adapters for other agents (dist/agents.cjs): ${detail}`,
  invalidTtl: (source, value) => `${source} must be a whole number of milliseconds from 1000 to 604800000, got "${value}"`,
  contention: (ms) => `the lock kept changing under this hook for ${ms} ms`,
  invalidWait: (value) => `--wait must be a whole number of seconds from 0 to 300, got "${value}"`
};
var output = {
  cannotWrite: (stream, detail) => `cannot write to ${stream} (${detail})`,
  hookAnswerLost: (detail) => `${PREFIX} ${detail}, so Claude Code gets no answer from this hook and the tool call runs unguarded`
};
var workspace = {
  noCwd: "the hook payload has no cwd and CLAUDE_PROJECT_DIR is not set",
  unresolvable: (dir, detail) => `cannot resolve the workspace directory ${dir}: ${detail}`,
  notDirectory: (path2) => `the hook payload's cwd ${path2} is not a directory`
};
var corrupt = {
  empty: "empty file",
  notJson: "not JSON",
  notObject: "not a JSON object",
  noSessionId: "no session_id",
  noPid: "no valid pid",
  noAcquiredAt: "no valid acquired_at",
  badTtl: "invalid ttl_ms",
  badSchema: "invalid schema_version",
  oversized: (bytes) => `larger than ${bytes} bytes`,
  symlink: (target) => `a symbolic link to ${target}, which the guard never follows`,
  future: "acquired_at is in the future by more than its TTL"
};
var files = {
  runtimeNotDirectory: (dir) => `the runtime directory ${dir} (or a parent of it) is not a directory`,
  runtimeForeign: (dir, uid2) => `the runtime directory ${dir} belongs to uid ${uid2}, not to this user, so another user could replace its locks: remove it (or point CLAUDE_CONFIG_DIR elsewhere) and the guard creates its own`,
  runtimeOpen: (dir, mode) => `the runtime directory ${dir} can be written by other users (mode ${mode.toString(8).padStart(3, "0")}), so they could plant files where the guard writes: chmod 700 ${shellQuote(dir)}`,
  foreignUnreadable: (path2, uid2) => `the lock ${path2} belongs to ${uid2 === null ? "another user" : `uid ${uid2}`} and this user cannot read it: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path2)})`,
  foreignLock: (path2, uid2) => `the lock ${path2} belongs to ${uid2 === null ? "another user" : `uid ${uid2}`}, so this user's guard cannot take it over safely: remove it with \`${NAME} clear --stale\` (or rm ${shellQuote(path2)})`,
  recordTooLarge: (bytes) => `the lock record would be larger than ${bytes} bytes, more than the guard reads back`,
  cannotRead: (path2) => `cannot read the lock ${path2}`,
  notRegularFile: (path2) => `the lock ${path2} is not a regular file; remove it by hand`,
  cannotWrite: (dir) => `cannot write a lock in ${dir}`,
  cannotCreateRuntime: (dir) => `cannot create the runtime directory ${dir}`,
  cannotChange: (path2) => `cannot change the lock ${path2}`,
  cannotCreate: (path2) => `cannot create the lock ${path2}`,
  cannotList: (dir) => `cannot list ${dir}`,
  cannotLeaveNotice: (dir) => `cannot leave a notice in ${dir}`,
  cannotReadNotice: (path2) => `cannot read the notice ${path2}`,
  withCause: (what, detail) => `${what}: ${detail}`
};
var redis = {
  storeAt: (display) => `the Redis lock store at ${display}`,
  badUrl: (source, shown, why) => `${source} must be a Redis URL, redis://[user:password@]host[:port][/db] or rediss://\u2026 for TLS; "${shown}" ${why}`,
  notAUrl: "is not a URL (percent-encode characters such as @ / ? # in the password)",
  badScheme: (scheme) => `has the unsupported scheme "${scheme}"`,
  noHost: "has no host",
  queryOrFragment: "has a query or fragment, which the guard does not read",
  badPath: "has a path that is not a database number (percent-encode / ? # @ in a password: %2F %3F %23 %40)",
  userWithoutPassword: "has a user name but no password",
  badEncoding: "has credentials that are not valid percent-encoding",
  noClient: (detail) => `cannot load the Redis client (dist/redis.cjs): ${detail}`,
  closed: (where2) => `${where2} was already closed`,
  timedOut: (where2, ms, doing2) => `${where2} did not answer within ${ms} ms (${doing2})`,
  refusedCredentials: (where2, detail) => `${where2} refused the user name or password in the store URL (${detail})`,
  needsPassword: (where2) => `${where2} requires a password: put it in the store URL, redis://:PASSWORD@host:port`,
  wrongType: (where2, doing2) => `${where2} holds a key that is not a lock record (${doing2}); delete it with redis-cli DEL`,
  notRedis: (where2, detail, source) => `${where2} does not answer like a Redis server (${detail}); check the host and port in ${source}`,
  failedWhile: (where2, doing2, detail) => `${where2} failed while ${doing2}: ${detail}`,
  noConnection: (ms) => `no connection within ${ms} ms`,
  unreachable: (where2, detail, source) => `cannot reach ${where2} (${detail}); check that Redis runs there and that ${source} names it`,
  doing: {
    connecting: "connecting",
    loggingIn: "logging in",
    reading: "reading the lock",
    creating: "creating the lock",
    replacing: "replacing the lock",
    removing: "removing the lock",
    listing: "listing the locks",
    leavingNotice: "leaving a notice",
    takingNotice: "taking a notice",
    notingHeld: "noting a lock the session took",
    listingHeld: "listing the locks the session took",
    forgettingHeld: "forgetting the locks the session took"
  }
};
var settings = {
  cannotRead: (path2, detail) => `cannot read ${path2}: ${detail}`,
  invalidJson: (path2, line, column, problem) => `${path2} is not valid JSON: line ${line}, column ${column}: ${problem}`,
  notObject: (path2) => `${path2} does not hold a JSON object`,
  readOnly: (path2, detail) => `${path2} is read-only (${detail})`,
  directoryReadOnly: (dir, detail) => `the directory ${dir} is read-only (${detail}), and the settings file in it is replaced by writing a new file there`,
  readOnlyFileSystem: (dir) => `${dir} is on a read-only file system`,
  mode: (mode) => `mode ${mode.toString(8).padStart(3, "0")}`,
  cannotCreateDir: (dir, detail) => `cannot create ${dir}: ${detail}`,
  cannotWrite: (path2, detail) => `cannot write ${path2}: ${detail}`,
  hooksNotObject: `"hooks" is not an object`,
  eventNotArray: (event) => `"hooks.${event}" is not an array`,
  codexTrustBlockOpen: (hooksPath) => `its claude-session-guard trust block for ${hooksPath} has no end line`,
  codexTrustInline: "it defines hooks.state inline, where a trust table cannot be added without rewriting it",
  codexTrustRecorded: (key) => `it already records another trust for "${key}" (a review in Codex, or an older hook)`,
  json: {
    comment: "a comment (JSON has none)",
    endOfFile: "the end of the file",
    expected: (what, found) => `expected ${what} but found ${found}`,
    aString: "a string",
    colonAfterName: `":" after a property name`,
    unclosedString: "a string is not closed",
    controlCharacter: "a control character (such as a line break) inside a string",
    badUnicodeEscape: "an invalid \\u escape",
    badEscape: "an invalid escape in a string",
    propertyName: (found) => `expected a property name in double quotes but found ${found}`,
    trailingComma: (bracket) => `a trailing comma before ${bracket}`,
    unexpectedEnd: "unexpected end of the file",
    unexpected: (found) => `unexpected ${found}`,
    afterEnd: (found) => `unexpected ${found} after the end of the JSON value`,
    invalid: "not valid JSON"
  }
};
var help = {
  program: "Keep two Claude Code sessions from changing the same workspace at once.",
  version: "print the version",
  commandsHeading: "Commands:",
  hookCommandsHeading: "Hook commands (Claude Code runs these):",
  hookSuffix: "reads one Claude Code hook payload on stdin",
  hooks: {
    pretooluse: "hook: take the workspace lock for this session, or deny the tool call",
    posttooluse: "hook: refresh the lock if this session holds it (PostToolUse, PostToolUseFailure)",
    stop: "hook: release every lock this session holds, except what its background work keeps (Stop, StopFailure, SessionEnd)",
    sessionstart: "hook: tell a new session when another session holds the workspace"
  },
  hookFlags: {
    ttlMs: "lock time-to-live in ms (default 300000, or CLAUDE_SESSION_GUARD_TTL_MS)",
    store: "lock store (default: files in the runtime dir, or CLAUDE_SESSION_GUARD_STORE)",
    wait: "pretooluse: wait up to this many seconds for a held workspace before denying (0 to 300, default 0); keep it below the hook's timeout",
    agent: "the agent whose payload this is and who reads the answer: claude (default, or detected for Cursor and Copilot CLI), codex, gemini, cursor, copilot"
  },
  store: "lock store: redis://[user:password@]host[:port][/db] or rediss://\u2026 (default: CLAUDE_SESSION_GUARD_STORE, else files in the runtime dir)",
  status: "show the current directory's workspace lock, or every lock with --all",
  statusAll: "every lock in the store (the runtime dir, or Redis)",
  statusJson: "print a JSON array of {workspace, hash, path, session_id, pid, acquired_at, ttl_ms, age_ms, state}",
  clear: "remove a lock: the current directory's workspace (default), PATH's, every stale one, or all",
  clearWorkspace: "the workspace whose lock to remove",
  clearStale: "every stale, dead or corrupt lock, and leftover temp files",
  clearAll: "every lock, including ones live sessions hold",
  scope: "user (default): <config>/settings.json, every session; project: .claude/settings.json; local: .claude/settings.local.json (for other agents: their user or project hooks file)",
  agent: "whose hooks file: claude (default); codex ($CODEX_HOME/hooks.json or .codex/hooks.json, and their trust in $CODEX_HOME/config.toml); gemini (~/.gemini/settings.json or .gemini/settings.json); cursor (~/.cursor/hooks.json or .cursor/hooks.json); copilot (~/.copilot/hooks/ or .github/hooks/, a claude-session-guard.json of its own)",
  install: "add the guard's hooks to a Claude Code settings file (or another agent's hooks file), keeping everything else",
  uninstall: "remove the guard's hooks (and only those) from a Claude Code settings file (or another agent's hooks file)",
  dryRun: "print what would change and write nothing",
  doctor: "check that this directory is guarded: hook wiring, a live self-test, the lock store; exit 1 on failure",
  doctorSettings: "check only this settings file or plugin hooks.json (repeatable)",
  doctorJson: "print {checks: [{id, status, message, hint}], ok}",
  log: "the most recent decisions: blocks, takeovers, releases, clears, fail-opens, disabled calls",
  logLines: "how many (default 20)",
  logJson: "print the entries as a JSON array",
  wholeNumber: "must be a whole number of at least 1",
  usage: (problem, helpCommand) => `${failed(problem)}. Run \`${helpCommand}\` for usage.`
};
var LOCAL_RULE = "**/.claude/settings.local.json";
var reach = {
  startOnly: (by, root, scope, here) => `Not guarded with ${by}: sessions started in a subdirectory of ${root}${here === null ? "" : ` (such as ${here})`}, because Claude Code reads ${root}/.claude/${scope === "project" ? "settings.json" : "settings.local.json"} only for sessions started in ${root}; and sessions started elsewhere that change ${root} through --add-dir, because Claude Code never loads hooks from added directories.`,
  repository: (by, root) => `Not guarded with ${by}: sessions started outside ${root} and its git worktrees that change it through --add-dir, because Claude Code never loads hooks from added directories (sessions started anywhere in the repository read ${root}/.claude/settings.local.json).`,
  // Plain literals at the top level, like every string here, so the hook bundle can leave this object out.
  everySession: "claude-session-guard install (user scope, the default) guards every session."
};
var operator = {
  lockNotAFile: (path2) => `the lock ${path2} is not a regular file (a directory?), and the guard never deletes directories: remove it by hand (rm -r ${shellQuote(path2)})`,
  noLocks: (where2) => `No locks in ${where2}.`,
  redisStoreName: (display) => `the Redis lock store at ${display}`,
  noLockHere: (workspace2) => `No lock on ${workspace2}: no session holds this workspace.`,
  unrecordedWorkspace: (hash) => `(not recorded; hash ${hash})`,
  holderCell: (short, agent, name) => `${agent === "claude" ? "" : `${agent}:`}${short}${name === null ? "" : ` "${printable(name)}"`}`,
  statusWord: (status) => status === null ? "" : { busy: "working", waiting: "waiting for its user", shell: "idle, background work running", idle: "idle" }[status] ?? printable(status),
  workCell: (type, what, leftMs) => `${type}${what === null ? "" : ` "${printable(what)}"`} (up to ${duration(leftMs)} more)`,
  workspaceNotRecorded: (lockAt) => `workspace not recorded, ${lockAt}`,
  lockAt: (path2) => /^rediss?:\/\//.test(path2) ? `lock ${path2}` : `lock file ${path2}`,
  expired: "expired",
  corruptState: (reason) => `corrupt (${reason})`,
  clearOneScope: "choose one of --workspace, --stale and --all",
  emptyWorkspace: "--workspace needs a path, and it got an empty one (an unset shell variable?); to clear this directory's workspace, leave --workspace out",
  clearedForeign: (path2) => `Removed the lock file ${path2}, which belonged to another user.`,
  nothingToClear: (workspace2) => `No lock on ${workspace2}: nothing to clear.`,
  nothingStale: "No stale, dead or corrupt locks: nothing to clear.",
  nothingAtAll: "No locks: nothing to clear.",
  sweptLeftover: (path2) => `Removed the leftover file ${path2}.`,
  clearBusy: (path2) => `the lock ${path2} kept changing while clear tried to remove it; try again`,
  lastActive: (ms) => `, last active ${duration(ms)} ago`,
  clearedHeld: (where2, holder, age) => `Removed the lock of ${where2}: it was held by ${holder}${age}, a live session. If it is still working it takes the lock again on its next tool call, unless another session gets there first.`,
  clearedStale: (where2, holder, age) => `Removed the expired lock of ${where2} (${holder}${age}).`,
  clearedDead: (where2, holder) => `Removed the lock of ${where2} left by ${holder}, whose process has ended.`,
  clearedCorrupt: (lockAt, reason) => `Removed the unreadable ${lockAt} (${reason}).`,
  invalidCount: (value) => `-n must be a whole number of at least 1, got "${value}"`,
  noDecisions: (path2) => `No decisions logged yet (${path2}).`,
  logHolder: (short, pid, since) => `holder ${short} (pid ${pid}) active since ${since}`,
  invalidScope: (value) => `unknown scope "${value}": use user, project or local`,
  invalidAgent: (value) => `unknown agent "${value}": use claude, codex, gemini, cursor or copilot`,
  runningFromNpx: "claude-session-guard is running from npx's cache, which npm may prune, and a hook pointing there would stop working. Install it first (`npm install -g .` in a clone of claude-session-guard, or `npm install -g` of a tarball made with `npm pack`), then run install again.",
  absolutePathInShared: (prefix) => `Note: claude-session-guard is not on PATH, so the hooks call ${prefix}. Teammates sharing this settings file need the same path; installing it globally (\`npm install -g .\` in its clone) and running install again writes the bare name instead.`,
  unguardedStartOnly: (scope, root, here) => `${reach.startOnly(`--scope ${scope}`, root, scope, here)} ${reach.everySession}`,
  pluginAlsoEnabled: (id, path2, scope) => `Note: the plugin ${id}, enabled in ${path2}, runs these hooks too, so every hook would run twice. Keep one: uninstall the plugin (/plugin uninstall ${id}), or undo this with \`claude-session-guard uninstall${scope === "user" ? "" : ` --scope ${scope}`}\`.`,
  unguardedRepository: (root) => `${reach.repository("--scope local", root)} ${reach.everySession}`,
  ignoredLocal: (file) => `Kept .claude/settings.local.json out of git: added the rule ${LOCAL_RULE} to ${file}, git's global excludes file, as Claude Code does when it writes that file.`,
  wouldIgnoreLocal: (file) => `Would add the rule ${LOCAL_RULE} to ${file} (git's global excludes file), to keep .claude/settings.local.json out of git.`,
  localTracked: "Note: git tracks .claude/settings.local.json, so ignore rules do not apply to it; to keep it to yourself, untrack it: git rm --cached .claude/settings.local.json",
  ignoreUnread: (file) => `Note: ${file} has the rule ${LOCAL_RULE}, but git does not read that file here, so .claude/settings.local.json is not ignored; check core.excludesFile in your git config.`,
  ignoreFailed: (file, detail) => `Note: could not add ${LOCAL_RULE} to ${file} (${detail}); add it to an ignore file yourself to keep .claude/settings.local.json out of git.`,
  removedEmptyFile: (path2) => `Removed ${path2}: nothing else was in it.`,
  wouldRemoveEmptyFile: (path2) => `Would remove ${path2}: nothing else is in it.`,
  removedEmptyDirectory: (dir) => `Removed the empty directory ${dir}.`,
  settingsShape: (path2, problem) => `${path2}: ${problem}; left untouched, fix it by hand`,
  alreadyInstalled: (path2) => `Nothing to change: the guard's hooks are already installed in ${path2}.`,
  nothingToUninstall: (path2) => `Nothing to change: ${path2} has no guard hooks.`,
  wouldChange: (path2) => `Would change ${path2}:`,
  installed: (path2) => `Installed the guard's hooks in ${path2}:`,
  uninstalled: (path2) => `Removed the guard's hooks from ${path2}:`,
  added: (event, command) => `  + ${event}: ${command}`,
  updated: (event, previous, command) => `  ~ ${event}: ${previous} -> ${command}`,
  movedToOwnGroup: (event, command) => `  ~ ${event}: ${command} (moved to its own matcher group)`,
  timeoutSet: (event, command) => `  ~ ${event}: ${command} (timeout set)`,
  removed: (event, command, why) => `  - ${event}: ${command}${why === "duplicate" ? " (duplicate)" : why === "wrong-event" ? " (wrong event)" : ""}`,
  dryRunNothingWritten: "Dry run: nothing was written.",
  runningSessionsKeepHooks: "Sessions already running keep the hooks they started with; new sessions pick up the change.",
  settingsInvalidJson: (message) => `${message}. Left untouched: fix it by hand and run the command again.`,
  agentScope: (agent) => `the local scope is Claude Code's (.claude/settings.local.json); for ${agent} use user (the default) or project`,
  trustRecorded: (config) => `  + trust for these hooks in ${config} (as Codex CLI's own /hooks review records it)`,
  trustRemoved: (config) => `  - their trust in ${config}`,
  trustFailed: (config, why) => `Could not record the hooks' trust in ${config}: ${why}. Codex CLI skips hooks it does not trust without a word, so it is not guarded yet: start codex in this directory, open /hooks and trust the claude-session-guard hooks (or fix the file and run install again).`,
  codexProjectUntrusted: (root, config) => `Note: Codex CLI reads ${root}/.codex/ only in a project it trusts, and ${config} does not mark ${root} trusted: start codex there and trust the project when it asks (or install for every project, without --scope project).`,
  geminiHooksOff: (path2) => `Note: ${path2} turns Gemini CLI's hooks off (hooksConfig.enabled is false), so these hooks do not run until it is true.`,
  settingsReadOnly: (path2, message) => `${message}. Left untouched: make it writable (chmod u+w ${shellQuote(path2)}) and run the command again, or add the hooks by hand (see settings.example.json).`
};
var doctor = {
  line: (status, id, message, hint) => `${status.padEnd(4)}  ${id}: ${message}${hint ? ` \u2014 fix: ${hint}` : ""}`,
  allGood: "All checks passed: new Claude Code sessions in this directory are guarded.",
  agentsGood: "All checks of the other agents' wiring passed: their new sessions are guarded.",
  someFailed: "Some checks failed: this directory is not (fully) guarded. Fix the lines marked FAIL and run doctor again.",
  passedWithWarnings: (count2) => `No check failed, but read the ${count2 === 1 ? "line" : `${count2} lines`} marked WARN: each says where sessions may not be guarded, or what may go wrong.`,
  notInstalled: (install) => `${NAME} is not installed for sessions started here: no settings file Claude Code reads here runs it, and no session-guard plugin is enabled. To guard every session: ${install}`,
  notGuardedHere: (root, here, install) => `Sessions started here are not guarded: the guard's hooks are in ${root}/.claude/settings.json, which Claude Code reads only for sessions started in ${root}, not in ${here}. To guard every session: ${install}`,
  runningSessions: "Sessions already running keep the hooks they started with: restart them after changing the wiring.",
  sourceRead: (label, path2, count2) => `${label} settings ${path2}: ${count2 === 0 ? "no guard hooks" : `${count2} guard hook${count2 === 1 ? "" : "s"}`}`,
  sourceMissing: (label, path2) => `${label} settings ${path2}: not present`,
  givenMissing: (path2) => `${path2} does not exist`,
  givenMissingHint: "check the path given to --settings",
  fixJsonHint: "fix the file by hand (Claude Code ignores a settings file it cannot parse)",
  hooksNotObject: (path2) => `${path2}: "hooks" is not an object, so Claude Code cannot read its hooks`,
  fixByHand: "fix the file by hand",
  pluginNotFound: (id) => `plugin ${id} is enabled but its installed files were not found`,
  pluginNotFoundHint: (id) => `reinstall it (/plugin install ${id}), or check it with --settings <plugin dir>/hooks/hooks.json`,
  runInstall: `run \`claude-session-guard install\`, or enable the session-guard plugin`,
  notRegistered: (event, sub) => `no ${event} hook runs \`${NAME} ${sub}\``,
  uncovered: (event, sub, tools, matchers) => `${event} \`${sub}\` does not run for ${tools} (matcher ${matchers}), so those calls are not guarded`,
  matcherHint: `set the matcher to "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree", or run \`claude-session-guard install\``,
  invalidMatcherHint: `the matcher is not a valid regular expression, so it matches nothing; set it to "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree"`,
  covered: (event, sub, tools, where2) => `${event} runs \`${sub}\` for ${tools} (${where2})`,
  asyncPreToolUse: (where2) => `PreToolUse \`pretooluse\` is marked "async" (${where2}), so it cannot deny anything`,
  removeAsync: `remove "async": true from the hook, or run \`claude-session-guard install\``,
  lifecycleOk: (event, sub, where2) => `${event} runs \`${sub}\` (${where2})`,
  sessionEndFiltered: (matchers) => `SessionEnd \`stop\` only runs for end reasons matching ${matchers}; sessions ending otherwise keep the lock until it expires`,
  dropMatcher: "remove the matcher from the SessionEnd group",
  placementOk: "every guard hook sits under the event it is made for",
  misplacedOne: (sub, event, where2) => `${sub} under ${event} (${where2})`,
  misplaced: (list) => `guard commands under the wrong event: ${list}`,
  reachEvery: (where2) => `the guard's hooks reach every session of this user (${where2})`,
  reachHint: "run `claude-session-guard install` (user scope, the default) to guard every session",
  noDuplicates: "each guard hook is registered once",
  identicalRunOnce: "each guard hook runs once per call (the same command in several settings files runs once, as Claude Code runs it)",
  duplicateOne: (key, count2, where2) => `${key} runs ${count2} times (${where2})`,
  duplicates: (list) => `the guard runs more than once per call, since Claude Code runs each different command (and the plugin's hooks) on its own: ${list}`,
  duplicatesHint: "keep one wiring: the plugin, or the same command line in every settings file (run `claude-session-guard install` for each scope, or uninstall from the others)",
  noHooksForTimeout: "no guard hooks, so no timeouts to check",
  timeoutInvalid: (list) => `invalid timeout (seconds, a positive number): ${list}`,
  timeoutMissing: (list) => `no timeout set for ${list}; a hook that hangs would hold up the session for Claude Code's default hook timeout`,
  timeoutOdd: (list) => `unusual timeout for ${list}; under 2 s a busy hook may be killed (the call then runs unguarded), over 60 s a stuck one holds up the session`,
  timeoutHint: `set "timeout": 5 on the guard's hooks, or run \`claude-session-guard install\``,
  timeoutUnderWait: (list, margin) => `a pretooluse hook may wait longer than Claude Code lets it run (${list}): killed at its timeout, it lets the tool run unguarded; the timeout must exceed the wait by ${margin} s`,
  timeoutUnderWaitHint: (margin) => `set that hook's "timeout" to its --wait plus at least ${margin} (10 is comfortable), or lower --wait`,
  timeoutOk: (values) => `timeouts set (${values})`,
  noSessionStart: "no SessionStart hook (optional: it only announces the lock at session start)",
  nothingToRun: "no guard hook is registered, so there is no command to run",
  notExecutable: (program2, event, source) => `\`${program2}\` (from ${event} in ${source}) is not an executable on PATH`,
  scriptMissing: (script, event, source) => `${script} (from ${event} in ${source}) does not exist`,
  notExecutableHint: "install it globally (`npm install -g .` in a clone of claude-session-guard) and run `claude-session-guard install` again",
  cannotParse: (commands) => `cannot tell what these commands run: ${commands}`,
  cannotParseHint: "use a plain command line (no pipes or substitutions), as install writes it",
  executableOk: (programs) => `the hooks run ${programs}`,
  selfTestNoPre: "no PreToolUse `pretooluse` hook to test",
  selfTestFailed: (command, event, expectsDenial, problem) => `\`${command}\` as ${event} (expecting ${expectsDenial ? "a denial" : "a silent allow"}): ${problem}`,
  selfTestHint: "run the command by hand with a payload on stdin to see what it does; reinstall if it is outdated",
  selfTestOk: (steps, ms) => `${steps} synthetic hook calls in a throwaway workspace answered as the contract says: the first session was allowed, a second denied, then released (${ms} ms)`,
  couldNotStart: (error) => `could not start: ${error}`,
  timedOut: "did not answer within its timeout",
  exitCode: (code, firstStderrLine) => `exited with ${code === null ? "a signal" : code}${firstStderrLine ? `: ${firstStderrLine}` : ""}`,
  notJson: (out) => `printed something that is not JSON: ${out.slice(0, 120)}`,
  failedOpen: (message) => `the hook failed open: ${message}`,
  allowNotEmpty: (out) => `an allow must print nothing, but it printed ${out.slice(0, 120)}`,
  notADenial: (out) => `expected a PreToolUse deny object, got ${out === "" ? "nothing (an allow)" : out.slice(0, 120)}`,
  denialWithoutReason: "the denial carries no permissionDecisionReason",
  runtimeDirOk: (dir, created) => `runtime dir ${dir} is writable${created ? " (created it)" : ""}`,
  runtimeDirNotDirectory: (dir) => `runtime dir ${dir} is not a directory, so every hook fails open (allows everything)`,
  runtimeDirNotDirectoryHint: (dir) => `move it out of the way (mv ${shellQuote(dir)} ${shellQuote(`${dir}.bak`)}) and the guard creates the directory, or point CLAUDE_CONFIG_DIR elsewhere`,
  runtimeDirForeign: (dir, uid2) => `runtime dir ${dir} belongs to uid ${uid2}, not to this user, so every hook refuses it and fails open`,
  runtimeDirForeignHint: (dir) => `remove it (the guard creates its own, 0700), or point CLAUDE_CONFIG_DIR at a directory of yours: ${shellQuote(dir)}`,
  runtimeDirOpen: (dir, mode) => `runtime dir ${dir} can be written by other users (mode ${mode}), so every hook refuses it and fails open`,
  runtimeDirOpenHint: (dir) => `chmod 700 ${shellQuote(dir)}`,
  noStaleNotices: "no lost-lock notices older than a day are waiting",
  staleNotices: (count2) => `${count2} lost-lock notice${count2 === 1 ? "" : "s"} older than a day wait${count2 === 1 ? "s" : ""} for sessions that never came back`,
  staleNoticesHint: "claude-session-guard clear --stale",
  foreignLockHint: "claude-session-guard clear --stale (it removes lock files of other users from this user's runtime dir)",
  lockCorrupt: (workspace2, reason, inStore) => `the lock on ${workspace2}${inStore} is corrupt (${reason}); the next session takes it over`,
  runtimeDirUnusable: (dir, detail) => `runtime dir ${dir} is not usable: ${detail}`,
  runtimeDirHint: (dir) => `make ${dir} a directory you can write to (chmod u+rwx), or point CLAUDE_CONFIG_DIR elsewhere`,
  noLock: (workspace2, inStore) => `no lock on ${workspace2}${inStore}`,
  lockHeld: (workspace2, holder, agoMs, inStore) => `${workspace2} is held by ${holder}, last active ${duration(agoMs)} ago${inStore}`,
  lockLeftOver: (state, workspace2, inStore) => `a ${state} lock is left on ${workspace2}${inStore}; the next session takes it over`,
  inStore: (where2) => ` in ${where2}`,
  clearHint: (workspace2) => clearCommand(workspace2),
  lockUnreadable: (detail) => `the lock cannot be read, so every hook here fails open: ${detail}`,
  lockUnreadableHint: (path2) => `remove it by hand: rm -r ${shellQuote(path2)}`,
  rootNotRead: (root, here) => `${root}/.claude/settings.json has the guard's hooks too, but Claude Code reads it only for sessions started in ${root}, not in ${here}; the files above guard sessions started here`,
  storeUrlInvalid: (message) => `${message}, so every hook started from here fails open (allows everything)`,
  storeUrlHint: "fix CLAUDE_SESSION_GUARD_STORE (the URL forms are in the message), or unset it to keep locks in files",
  redisOk: (display, ms) => `the Redis lock store at ${display} answers (read this workspace's lock in ${ms} ms)`,
  redisUnreachable: (problem) => `${problem}; until it answers, every hook fails open (allows everything)`,
  redisUnreachableHint: (display, source) => `start Redis at ${display} or make it reachable from here, or fix the host, port and password in ${source}`,
  workspaceIdMissing: "CLAUDE_SESSION_GUARD_WORKSPACE_ID is not set, so the Redis lock is keyed on this host's path of the workspace: hosts that mount the workspace at different paths will not see each other's locks",
  workspaceIdHint: "export CLAUDE_SESSION_GUARD_WORKSPACE_ID to one name for this workspace on every host (e.g. acme/web-app); leave it unset only if every host sees the workspace at the same path",
  workspaceIdSet: (id, key) => `CLAUDE_SESSION_GUARD_WORKSPACE_ID is ${JSON.stringify(id)}: every host that sets the same id shares this workspace's lock (${key})`,
  agentInstallHint: (agent, scope) => `run \`claude-session-guard install --agent ${agent}${scope === "project" ? " --scope project" : ""}\``,
  agentFile: (name, path2, count2) => `${name} hooks ${path2}: ${count2} guard hook${count2 === 1 ? "" : "s"}`,
  agentHooksOk: (name, tools) => `${name} runs every guard hook, naming its agent, for ${tools}`,
  agentHooksMissing: (name, problems) => `${name} is not fully guarded: ${problems}`,
  agentNoHook: (event, sub) => `no ${event} hook runs \`${sub}\``,
  agentNotNamed: (event, sub, agent) => `${event} \`${sub}\` lacks --agent ${agent}, so its answers are not in the agent's shape`,
  agentUncovered: (event, sub, tools) => `${event} \`${sub}\` does not run for ${tools}`,
  agentTimeouts: (list, unit) => `missing or unusual timeouts (${unit}): ${list}`,
  geminiHooksOff: (path2) => `${path2} turns Gemini CLI's hooks off (hooksConfig.enabled is false), so none of them runs`,
  geminiHooksOffHint: `set "hooksConfig": {"enabled": true}, or remove the key`,
  codexTrusted: (config) => `Codex CLI trusts the guard's hooks (${config})`,
  codexUntrusted: (count2, config) => `${count2} of the guard's hooks ${count2 === 1 ? "is" : "are"} not trusted in ${config}, and Codex CLI skips untrusted hooks without a word`,
  codexUntrustedHint: (scope) => `run \`claude-session-guard install --agent codex${scope === "project" ? " --scope project" : ""}\` again (it records their trust), or trust them in Codex with /hooks`,
  codexProjectUntrusted: (root, config) => `${config} does not mark ${root} a trusted project, so Codex CLI ignores its .codex/ (hooks included)`,
  codexProjectUntrustedHint: (root) => `start codex in ${root} and trust the project when it asks, or install for every project: claude-session-guard install --agent codex`,
  disabled: (value) => `CLAUDE_SESSION_GUARD_DISABLE=${printable(value)} is set here: hooks started from this environment allow everything, so sessions started from it are not guarded`,
  disabledHint: "unset CLAUDE_SESSION_GUARD_DISABLE",
  disableNotASwitch: (value) => `CLAUDE_SESSION_GUARD_DISABLE=${JSON.stringify(value)} is not an on/off value (1, true, yes, on turn the guard off; 0, false, no, off keep it on), so the guard stays on`,
  disableNotASwitchHint: "unset it, or set it to 1 to turn the guard off"
};

// src/host/workspace.ts
function resolveWorkspace(env3, cwd2, fs2 = nodeFs) {
  const explicit = nonEmpty(env3.CLAUDE_SESSION_GUARD_WORKSPACE);
  if (explicit !== void 0) return named(env3, realpathOrResolved(explicit, fs2));
  const start = startDirectory(env3, cwd2, fs2);
  return named(env3, gitRoot(start, fs2) ?? start);
}
function workspaceKey(identity) {
  return md5Hex(identity).slice(0, 12);
}
function named(env3, path2) {
  return { path: path2, key: workspaceKey(nonEmpty(env3.CLAUDE_SESSION_GUARD_WORKSPACE_ID) ?? path2) };
}
function startDirectory(env3, cwd2, fs2) {
  const start = cwd2 ?? nonEmpty(env3.CLAUDE_PROJECT_DIR) ?? null;
  if (start === null) throw new WorkspaceError(workspace.noCwd);
  try {
    return fs2.realpathSync(start);
  } catch (error) {
    throw new WorkspaceError(workspace.unresolvable(start, messageOf(error)), { cause: error });
  }
}
function gitRoot(start, fs2) {
  try {
    if (exists((0, import_node_path.join)(start, ".git"), fs2)) return start;
  } catch (error) {
    if (errnoOf(error) === "ENOTDIR") throw new WorkspaceError(workspace.notDirectory(start));
    throw error;
  }
  for (let dir = (0, import_node_path.dirname)(start); ; dir = (0, import_node_path.dirname)(dir)) {
    if (exists((0, import_node_path.join)(dir, ".git"), fs2)) return dir;
    if ((0, import_node_path.dirname)(dir) === dir) return null;
  }
}
function exists(path2, fs2) {
  return fs2.lstatSync(path2, { throwIfNoEntry: false }) !== void 0;
}
function realpathOrResolved(path2, fs2) {
  try {
    return fs2.realpathSync(path2);
  } catch {
    return (0, import_node_path.resolve)(path2);
  }
}
function nonEmpty(value) {
  return value === void 0 || value === "" ? void 0 : value;
}

// src/lock/record.ts
var SCHEMA_VERSION = 1;
var DEFAULT_TTL_MS = 3e5;
function liveWork(record, now) {
  if (!Array.isArray(record.work)) return [];
  return record.work.filter(
    (w) => typeof w === "object" && w !== null && typeof w.type === "string" && typeof w.id === "string" && typeof w.until === "number" && typeof w.since === "number" && w.until > now
  );
}
var ABSENT = { kind: "absent" };
function parseRecord(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: text.trim() === "" ? corrupt.empty : corrupt.notJson };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "corrupt", reason: corrupt.notObject };
  }
  const r = value;
  if (typeof r.session_id !== "string" || r.session_id === "") {
    return { kind: "corrupt", reason: corrupt.noSessionId };
  }
  if (!isPositiveInteger(r.pid)) return { kind: "corrupt", reason: corrupt.noPid };
  if (typeof r.acquired_at !== "number" || !Number.isFinite(r.acquired_at)) {
    return { kind: "corrupt", reason: corrupt.noAcquiredAt };
  }
  if (r.ttl_ms !== void 0 && !isPositiveInteger(r.ttl_ms)) {
    return { kind: "corrupt", reason: corrupt.badTtl };
  }
  if (r.schema_version !== void 0 && r.schema_version !== SCHEMA_VERSION) {
    if (!isPositiveInteger(r.schema_version)) return { kind: "corrupt", reason: corrupt.badSchema };
  }
  return {
    kind: "record",
    record: {
      ...r,
      schema_version: r.schema_version ?? SCHEMA_VERSION,
      session_id: r.session_id,
      pid: r.pid,
      acquired_at: r.acquired_at,
      ttl_ms: r.ttl_ms ?? DEFAULT_TTL_MS
    }
  };
}
function serializeRecord(record) {
  return `${JSON.stringify(record)}
`;
}
function isPositiveInteger(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

// src/lock/decide.ts
var MAX_RECORD_TTL_MS = 6048e5 + 72e5;
function judge(observed, now, probe) {
  if (observed.kind === "corrupt") return { state: "corrupt", reason: observed.reason };
  const record = observed.record;
  const ttl = Math.min(record.ttl_ms, MAX_RECORD_TTL_MS);
  if (record.acquired_at - now > ttl) {
    return { state: "corrupt", reason: corrupt.future };
  }
  if (now - record.acquired_at > ttl) return { state: "stale", record };
  if (probe(record) === "dead") return { state: "dead", record };
  return { state: "held", record, expiresAt: record.acquired_at + ttl };
}

// src/lock/apply.ts
var CONTENTION_BUDGET_MS = 1500;
function removeIf(store, key, clock2, accept) {
  return settle(store, key, clock2, (snapshot) => {
    const version = snapshot.version;
    if (version === null || !accept(snapshot)) return { result: null };
    return { swap: () => store.remove(key, version), result: snapshot };
  });
}
async function settle(store, key, clock2, step) {
  let deadline = clock2.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 0; ; attempt++) {
    const last = clock2.now() > deadline;
    const { swap, result, lookAgainIn } = step(await store.read(key));
    if (lookAgainIn !== void 0) {
      await clock2.sleep(lookAgainIn);
      deadline = clock2.now() + CONTENTION_BUDGET_MS;
      attempt = -1;
      continue;
    }
    const outcome = swap === void 0 ? "ok" : await swap();
    if (outcome === "ok") return result;
    if (last) throw new ContentionError(input.contention(CONTENTION_BUDGET_MS), "ECONTENTION");
    if (outcome === "busy") await clock2.sleep(1 + Math.random() * Math.min(2 ** attempt, 20));
  }
}

// src/lock/fileStore.ts
var nodeFs2 = __toESM(require("node:fs"), 1);
var import_node_path2 = require("node:path");
var LOCK_FILE = /^session-lock-([0-9a-f]{12})\.json$/;
var MAX_RECORD_BYTES = 64 * 1024;
var OVERSIZED = "\0oversized";
var MAX_CLAIM_LEVELS = 8;
var SYMLINK = "\0symlink:";
var NOTICE_TTL_MS = 864e5;
var { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK } = nodeFs2.constants;
var READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
var CREATE_FLAGS = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
var { O_APPEND } = nodeFs2.constants;
var APPEND_FLAGS = O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW;
var HELD_INDEX_TTL_MS = 7 * 864e5;
function lockFileName(key) {
  return `session-lock-${key}.json`;
}
function fileStore(runtimeDir2, options = {}) {
  const fs2 = options.fs ?? nodeFs2;
  const now = options.now ?? Date.now;
  const claimStaleMs = options.claimStaleMs ?? 3e3;
  const pathOf = (key) => (0, import_node_path2.join)(runtimeDir2, lockFileName(key));
  const noticePrefix = (key) => `session-notice-${key}-`;
  const noticePath = (key, sessionId) => (0, import_node_path2.join)(runtimeDir2, `${noticePrefix(key)}${md5Hex(sessionId).slice(0, 12)}.json`);
  const heldPath = (sessionId) => (0, import_node_path2.join)(runtimeDir2, `session-held-${md5Hex(sessionId).slice(0, 12)}.keys`);
  let checked = false;
  function checkRuntimeDir() {
    if (checked) return;
    let stat;
    try {
      stat = fs2.statSync(runtimeDir2);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return;
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir2), code);
      throw failure(files.cannotRead(runtimeDir2), error);
    }
    if (!stat.isDirectory()) throw new StoreError(files.runtimeNotDirectory(runtimeDir2), "ENOTDIR");
    if (options.uid !== void 0 && stat.uid !== options.uid) throw new StoreError(files.runtimeForeign(runtimeDir2, stat.uid), "EUNSAFE");
    if ((stat.mode & 18) !== 0) throw new StoreError(files.runtimeOpen(runtimeDir2, stat.mode & 511), "EUNSAFE");
    checked = true;
  }
  function read2(path2) {
    checkRuntimeDir();
    let fd;
    try {
      fd = fs2.openSync(path2, READ_FLAGS);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "ENOENT") return { observed: ABSENT, version: null };
      if (code === "ENOTDIR") throw new StoreError(files.runtimeNotDirectory(runtimeDir2), code);
      if (code === "ELOOP") return readSymlink(path2);
      if (code === "EACCES" && options.uid !== void 0 && ownerOf(path2) !== options.uid) {
        throw new StoreError(files.foreignUnreadable(path2, ownerOf(path2)), "EFOREIGN");
      }
      throw failure(files.cannotRead(path2), error);
    }
    try {
      let stat;
      try {
        stat = fs2.fstatSync(fd, { bigint: true });
      } catch (error) {
        throw failure(files.cannotRead(path2), error);
      }
      if (!stat.isFile()) throw new StoreError(files.notRegularFile(path2), "ENOTFILE");
      const text = readAll(fd, path2);
      const version = { token: stat.ino.toString(), text };
      const observed = text === OVERSIZED ? { kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES) } : parseRecord(text);
      return { observed, version };
    } finally {
      closeQuietly(fd);
    }
  }
  function readAll(fd, path2) {
    const buffer = Buffer.alloc(MAX_RECORD_BYTES + 1);
    let length = 0;
    try {
      for (; ; ) {
        const n = fs2.readSync(fd, buffer, length, buffer.length - length, null);
        if (n === 0) break;
        length += n;
        if (length === buffer.length) break;
      }
    } catch (error) {
      throw failure(files.cannotRead(path2), error);
    }
    return length > MAX_RECORD_BYTES ? OVERSIZED : buffer.toString("utf8", 0, length);
  }
  function readSymlink(path2) {
    try {
      const stat = fs2.lstatSync(path2, { bigint: true });
      const target = fs2.readlinkSync(path2, "utf8");
      return { observed: { kind: "corrupt", reason: corrupt.symlink(target) }, version: { token: stat.ino.toString(), text: `${SYMLINK}${target}` } };
    } catch (error) {
      if (errnoOf(error) === "ENOENT") return { observed: ABSENT, version: null };
      throw failure(files.cannotRead(path2), error);
    }
  }
  function ownerOf(path2) {
    try {
      return fs2.lstatSync(path2).uid;
    } catch {
      return null;
    }
  }
  function writeTemp(path2, record) {
    const text = serializeRecord(record);
    if (Buffer.byteLength(text) > MAX_RECORD_BYTES) throw new StoreError(files.recordTooLarge(MAX_RECORD_BYTES), "ERECORD");
    return writePrivate(path2, text);
  }
  function writePrivate(path2, text) {
    checkRuntimeDir();
    const temp = tempName(path2);
    const data = Buffer.from(text);
    let fd;
    try {
      fd = fs2.openSync(temp, CREATE_FLAGS, 384);
    } catch (error) {
      if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir2), error);
      makeRuntimeDir();
      try {
        fd = fs2.openSync(temp, CREATE_FLAGS, 384);
      } catch (retryError) {
        throw failure(files.cannotWrite(runtimeDir2), retryError);
      }
    }
    try {
      let written = 0;
      while (written < data.length) written += fs2.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      closeQuietly(fd);
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir2), error);
    }
    try {
      fs2.closeSync(fd);
    } catch (error) {
      unlinkQuietly(temp);
      throw failure(files.cannotWrite(runtimeDir2), error);
    }
    return temp;
  }
  function makeRuntimeDir() {
    try {
      fs2.mkdirSync(runtimeDir2, { recursive: true, mode: 448 });
    } catch (error) {
      throw failure(files.cannotCreateRuntime(runtimeDir2), error);
    }
  }
  function claim(path2, expected) {
    const claims = [];
    for (let level = 1; level <= MAX_CLAIM_LEVELS; level++) {
      const claimPath = `${path2}.${expected.token}.claim${level}`;
      try {
        fs2.linkSync(path2, claimPath);
      } catch (error) {
        const code = errnoOf(error);
        if (code === "ENOENT") return "conflict";
        if (code === "EPERM" && options.uid !== void 0 && ownerOf(path2) !== options.uid) {
          throw new StoreError(files.foreignLock(path2, ownerOf(path2)), "EFOREIGN");
        }
        if (code !== "EEXIST") throw failure(files.cannotChange(path2), error);
        const held = statQuietly2(claimPath);
        if (held === null) return "conflict";
        if (held.ino.toString() !== expected.token) return "conflict";
        if (now() - Number(held.ctimeMs) < claimStaleMs) return "busy";
        claims.push(claimPath);
        continue;
      }
      claims.push(claimPath);
      const linked = statQuietly2(claimPath);
      if (linked === null || linked.ino.toString() !== expected.token || !holds(claimPath, expected)) {
        unlinkQuietly(claimPath);
        return "conflict";
      }
      return claims;
    }
    return "busy";
  }
  function holds(path2, expected) {
    const text = expected.text;
    if (text === void 0) return false;
    try {
      if (text.startsWith(SYMLINK)) return fs2.lstatSync(path2).isSymbolicLink() && `${SYMLINK}${fs2.readlinkSync(path2, "utf8")}` === text;
      const fd = fs2.openSync(path2, READ_FLAGS);
      try {
        return readAll(fd, path2) === text;
      } finally {
        closeQuietly(fd);
      }
    } catch {
      return false;
    }
  }
  function swap(key, expected, record) {
    const path2 = pathOf(key);
    let temp = record === null ? null : writeTemp(path2, record);
    try {
      const claims = claim(path2, expected);
      if (typeof claims === "string") return claims;
      try {
        if (temp === null) {
          fs2.unlinkSync(path2);
        } else {
          fs2.renameSync(temp, path2);
          temp = null;
        }
      } catch (error) {
        throw failure(files.cannotChange(path2), error);
      } finally {
        for (const claimPath of claims) unlinkQuietly(claimPath);
      }
      return "ok";
    } finally {
      if (temp !== null) unlinkQuietly(temp);
    }
  }
  function statQuietly2(path2) {
    try {
      return fs2.lstatSync(path2, { bigint: true });
    } catch {
      return null;
    }
  }
  function unlinkQuietly(path2) {
    try {
      fs2.unlinkSync(path2);
    } catch {
    }
  }
  function closeQuietly(fd) {
    try {
      fs2.closeSync(fd);
    } catch {
    }
  }
  return {
    async read(key) {
      return read2(pathOf(key));
    },
    async create(key, record) {
      const path2 = pathOf(key);
      const temp = writeTemp(path2, record);
      try {
        fs2.linkSync(temp, path2);
        return "ok";
      } catch (error) {
        if (errnoOf(error) === "EEXIST") return "conflict";
        throw failure(files.cannotCreate(path2), error);
      } finally {
        unlinkQuietly(temp);
      }
    },
    async replace(key, expected, record) {
      return swap(key, expected, record);
    },
    async remove(key, expected) {
      return swap(key, expected, null);
    },
    async list() {
      checkRuntimeDir();
      let names2;
      try {
        names2 = fs2.readdirSync(runtimeDir2);
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return [];
        throw failure(files.cannotList(runtimeDir2), error);
      }
      const locks = [];
      for (const name of names2.sort()) {
        const key = LOCK_FILE.exec(name)?.[1];
        if (key === void 0) continue;
        const location = (0, import_node_path2.join)(runtimeDir2, name);
        let snapshot;
        try {
          snapshot = read2(location);
        } catch (error) {
          if (!(error instanceof StoreError)) throw error;
          snapshot = { observed: { kind: "corrupt", reason: error.message }, version: null };
        }
        locks.push({ key, location, snapshot });
      }
      return locks;
    },
    location: pathOf,
    async putNotice(key, sessionId, notice) {
      const path2 = noticePath(key, sessionId);
      let temp = null;
      try {
        temp = writePrivate(path2, JSON.stringify(notice));
        fs2.renameSync(temp, path2);
        temp = null;
      } catch (error) {
        if (error instanceof StoreError) throw error;
        throw failure(files.cannotLeaveNotice(runtimeDir2), error);
      } finally {
        if (temp !== null) unlinkQuietly(temp);
      }
      for (const old of notices((name, at) => name.startsWith(noticePrefix(key)) && now() - at > NOTICE_TTL_MS)) unlinkQuietly(old);
    },
    async takeNotice(key, sessionId) {
      checkRuntimeDir();
      const path2 = noticePath(key, sessionId);
      const found = readNotice(path2);
      if (found === null) return null;
      try {
        fs2.unlinkSync(path2);
      } catch {
        return null;
      }
      return now() - found.leftAt <= NOTICE_TTL_MS ? found.notice : null;
    },
    /** One line per lock taken, appended with O_APPEND: concurrent hooks of one session never tear each other's lines. */
    async noteHeld(sessionId, key) {
      checkRuntimeDir();
      const path2 = heldPath(sessionId);
      const line = Buffer.from(`${key}
`);
      let fd;
      try {
        fd = fs2.openSync(path2, APPEND_FLAGS, 384);
      } catch (error) {
        if (errnoOf(error) !== "ENOENT") throw failure(files.cannotWrite(runtimeDir2), error);
        makeRuntimeDir();
        try {
          fd = fs2.openSync(path2, APPEND_FLAGS, 384);
        } catch (retryError) {
          throw failure(files.cannotWrite(runtimeDir2), retryError);
        }
      }
      try {
        fs2.writeSync(fd, line, 0, line.length);
      } catch (error) {
        throw failure(files.cannotWrite(runtimeDir2), error);
      } finally {
        closeQuietly(fd);
      }
    },
    async heldBy(sessionId) {
      checkRuntimeDir();
      let fd;
      try {
        fd = fs2.openSync(heldPath(sessionId), READ_FLAGS);
      } catch (error) {
        if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ELOOP") return [];
        throw failure(files.cannotRead(heldPath(sessionId)), error);
      }
      try {
        return [...new Set(readAll(fd, heldPath(sessionId)).split("\n").filter((line) => /^[0-9a-f]{12}$/.test(line)))];
      } finally {
        closeQuietly(fd);
      }
    },
    async forgetHeld(sessionId) {
      unlinkQuietly(heldPath(sessionId));
    },
    async close() {
    },
    /**
     * Removes temp and claim files left by processes that died mid-change. Only names this store
     * creates, only older than `olderThanMs`: a live writer's files are never touched.
     */
    sweep(olderThanMs) {
      const removed = [];
      for (const name of names()) {
        if (/^session-held-[0-9a-f]{12}\.keys$/.test(name)) {
          const path3 = (0, import_node_path2.join)(runtimeDir2, name);
          const stat2 = statQuietly2(path3);
          if (stat2 !== null && now() - Number(stat2.mtimeMs) > Math.max(olderThanMs, HELD_INDEX_TTL_MS)) {
            unlinkQuietly(path3);
            removed.push(path3);
          }
          continue;
        }
        if (!/^session-(lock|notice)-[0-9a-f-]+\.json\.\S+\.(tmp|claim\d+)$/.test(name)) continue;
        const path2 = (0, import_node_path2.join)(runtimeDir2, name);
        const stat = statQuietly2(path2);
        if (stat === null || now() - Number(stat.ctimeMs) < olderThanMs) continue;
        if (name.includes(".claim")) {
          const lock = statQuietly2(path2.replace(/\.json\..*$/, ".json"));
          if (lock !== null && lock.ino === stat.ino) continue;
        }
        unlinkQuietly(path2);
        removed.push(path2);
      }
      return removed;
    },
    sweepNotices(olderThanMs) {
      const old = notices((_name, at) => olderThanMs === 0 || now() - at > olderThanMs);
      for (const path2 of old) unlinkQuietly(path2);
      return old;
    },
    staleNotices(olderThanMs) {
      return notices((_name, at) => now() - at > olderThanMs).length;
    },
    discard(key) {
      const path2 = pathOf(key);
      const stat = statQuietly2(path2);
      if (stat === null) return "absent";
      if (stat.isDirectory() || options.uid === void 0 || Number(stat.uid) === options.uid) return "kept";
      try {
        fs2.unlinkSync(path2);
        return "removed";
      } catch (error) {
        if (errnoOf(error) === "ENOENT") return "absent";
        throw failure(files.cannotChange(path2), error);
      }
    }
  };
  function names() {
    try {
      return fs2.readdirSync(runtimeDir2);
    } catch {
      return [];
    }
  }
  function notices(pick) {
    const picked = [];
    for (const name of names()) {
      if (!/^session-notice-[0-9a-f]{12}-[0-9a-f]{12}\.json$/.test(name)) continue;
      const path2 = (0, import_node_path2.join)(runtimeDir2, name);
      const stat = statQuietly2(path2);
      if (stat !== null && pick(name, Number(stat.mtimeMs))) picked.push(path2);
    }
    return picked;
  }
  function readNotice(path2) {
    let fd;
    try {
      fd = fs2.openSync(path2, READ_FLAGS);
    } catch {
      return null;
    }
    try {
      const leftAt = Number(fs2.fstatSync(fd).mtimeMs);
      const value = JSON.parse(readAll(fd, path2));
      return typeof value === "object" && value !== null ? { notice: value, leftAt } : null;
    } catch {
      return null;
    } finally {
      closeQuietly(fd);
    }
  }
}
function tempName(path2) {
  return `${path2}.${Math.random().toString(36).slice(2, 10)}${Math.random().toString(36).slice(2, 10)}.tmp`;
}
function failure(what, error) {
  return new StoreError(files.withCause(what, messageOf(error)), errnoOf(error) ?? "EUNKNOWN");
}

// src/host/paths.ts
var import_node_os = require("node:os");
var import_node_path3 = require("node:path");
function runtimeDir(env3) {
  return (0, import_node_path3.join)(claudeConfigDir(env3), "runtime");
}
function claudeConfigDir(env3) {
  const configured = env3.CLAUDE_CONFIG_DIR;
  return configured !== void 0 && configured !== "" ? configured : (0, import_node_path3.join)(homeDir(env3), ".claude");
}
function homeDir(env3) {
  return env3.HOME || (0, import_node_os.homedir)();
}

// src/lock/redis/redisStore.ts
var import_node_path4 = require("node:path");

// src/lock/redis/redisUrl.ts
function parseRedisUrl(raw, source = "CLAUDE_SESSION_GUARD_STORE") {
  const bad = (why) => new StoreError(redis.badUrl(source, redactUrl(raw), why), "EBADURL");
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw bad(redis.notAUrl);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw bad(redis.badScheme(url.protocol));
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (host === "") throw bad(redis.noHost);
  if (url.search !== "" || url.hash !== "") throw bad(redis.queryOrFragment);
  const dbText = url.pathname.replace(/^\//, "");
  if (!/^\d{0,9}$/.test(dbText)) {
    throw bad(redis.badPath);
  }
  const username = decode(url.username, bad);
  const password = decode(url.password, bad);
  if (username !== void 0 && password === void 0) throw bad(redis.userWithoutPassword);
  const port = url.port === "" ? 6379 : Number(url.port);
  const db = dbText === "" ? 0 : Number(dbText);
  return {
    host,
    port,
    db,
    tls: url.protocol === "rediss:",
    username,
    password,
    display: `${url.protocol}//${url.hostname}:${port}/${db}`
  };
}
function decode(value, bad) {
  if (value === "") return void 0;
  try {
    return decodeURIComponent(value);
  } catch {
    throw bad(redis.badEncoding);
  }
}
function redactUrl(raw) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(raw)?.[0] ?? "";
  if (raw.includes("@")) return `${scheme}***`;
  const query = raw.search(/[?#]/);
  return query < 0 ? raw : `${raw.slice(0, query)}?***`;
}
function scrub(text, target, raw) {
  let out = text;
  const secrets = /* @__PURE__ */ new Set();
  if (target.password !== void 0) {
    if (raw !== void 0) secrets.add(raw);
    if (target.username !== void 0) secrets.add(`${target.username}:${target.password}`);
    secrets.add(target.password);
    secrets.add(encodeURIComponent(target.password));
  }
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret !== "") out = out.split(secret).join("***");
  }
  return out;
}

// src/lock/redis/redisStore.ts
var LOCK_PREFIX = "claude-session-guard:lock:";
var NOTICE_PREFIX = "claude-session-guard:notice:";
var HELD_PREFIX = "claude-session-guard:held:";
var LOCK_KEY = /^claude-session-guard:lock:([0-9a-f]{12})$/;
var MAX_RECORD_BYTES2 = 64 * 1024;
function loadClient() {
  return true ? Promise.resolve(require((0, import_node_path4.join)(__dirname, "redis.cjs"))) : null;
}
var REPLACE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;
var REMOVE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;
var TAKE = `
local value = redis.call('GET', KEYS[1])
if value then redis.call('DEL', KEYS[1]) end
return value`;
function redisStore(url, options = {}) {
  const target = options.target ?? parseRedisUrl(url, options.source);
  const source = options.source ?? "CLAUDE_SESSION_GUARD_STORE";
  const connectTimeoutMs = options.connectTimeoutMs ?? (target.tls ? 600 : 300);
  const commandTimeoutMs = options.commandTimeoutMs ?? 400;
  const retentionMs = options.retentionMs ?? 36e5;
  const noticeTtlMs = options.noticeTtlMs ?? 864e5;
  const heldTtlMs = 8 * 864e5;
  const scanCount = options.scanCount ?? 100;
  const load2 = options.loadClient ?? loadClient;
  const where2 = redis.storeAt(target.display);
  const lockKey = (key) => `${LOCK_PREFIX}${key}`;
  const sessionHash = (sessionId) => md5Hex(sessionId).slice(0, 12);
  const noticeKey = (key, sessionId) => `${NOTICE_PREFIX}${key}:${sessionHash(sessionId)}`;
  const heldKey = (sessionId) => `${HELD_PREFIX}${sessionHash(sessionId)}`;
  let client = null;
  let connection = null;
  let broken = null;
  let closed = false;
  let lastError = null;
  async function connect() {
    let Client;
    try {
      ({ Redis: Client } = await load2());
    } catch (error) {
      throw new StoreError(redis.noClient(messageOf(error)), "ENOCLIENT");
    }
    const redis2 = new Client({
      host: target.host,
      port: target.port,
      // SNI names a host, never an address.
      ...target.tls && { tls: isAddress(target.host) ? {} : { servername: target.host } },
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      // One attempt: a hook that cannot reach Redis now fails open now; retrying would only
      // stall the tool call.
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      // No handshake of ioredis's own (HELLO, INFO, CLIENT SETINFO): each is a round trip, and some
      // print warnings to stderr. Credentials and the database are sent below instead.
      protocol: 2,
      enableReadyCheck: false,
      disableClientInfo: true,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false
    });
    redis2.on("error", (error) => lastError = error);
    client = redis2;
    try {
      await within(redis2.connect(), connectTimeoutMs + 100, redis.doing.connecting);
    } catch (error) {
      throw unreachable(error instanceof StoreError ? error : lastError ?? error);
    }
    const setup = [];
    if (target.password !== void 0) {
      const auth = target.username !== void 0 ? redis2.auth(target.username, target.password) : redis2.auth(target.password);
      setup.push(auth.catch((error) => /no password is set|without any password configured/i.test(messageOf(error)) ? "OK" : Promise.reject(error)));
    }
    if (target.db !== 0) setup.push(redis2.select(target.db));
    await within(Promise.all(setup), commandTimeoutMs, redis.doing.loggingIn);
    return redis2;
  }
  async function step(doing2, run) {
    if (closed) throw new StoreError(redis.closed(where2), "ECLOSED");
    if (broken !== null) throw broken;
    try {
      connection ??= connect();
      const redis2 = await connection;
      return await within(run(redis2), commandTimeoutMs, doing2);
    } catch (error) {
      const problem = failure2(error, doing2);
      if (!isReplyError(error)) {
        broken = problem;
        client?.disconnect();
      }
      throw problem;
    }
  }
  function within(promise, ms, doing2) {
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StoreError(redis.timedOut(where2, ms, doing2), "ETIMEDOUT")), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
  function failure2(error, doing2) {
    if (error instanceof StoreError) return new StoreError(scrub(error.message, target, url), error.code);
    const text = scrub(messageOf(error), target, url);
    const code = codeOf(error);
    if (code === "WRONGPASS" || /invalid password|invalid username-password/i.test(text)) {
      return new StoreError(redis.refusedCredentials(where2, text), "EAUTH");
    }
    if (code === "NOAUTH") return new StoreError(redis.needsPassword(where2), "EAUTH");
    if (code === "WRONGTYPE") return new StoreError(redis.wrongType(where2, doing2), "EWRONGTYPE");
    if (/unknown RESP type|protocol error/i.test(text)) return new StoreError(redis.notRedis(where2, text, source), "EPROTO");
    return new StoreError(redis.failedWhile(where2, doing2, text), code ?? "EREDIS");
  }
  function unreachable(error) {
    const detail = error instanceof StoreError ? redis.noConnection(connectTimeoutMs) : scrub(messageOf(error), target, url);
    return new StoreError(redis.unreachable(where2, detail, source), error instanceof StoreError ? error.code : codeOf(error) ?? "ECONNECT");
  }
  function snapshotOf(value) {
    if (value === null) return { observed: ABSENT, version: null };
    return { observed: observe(value), version: { token: value.toString("latin1") } };
  }
  const expected = (version) => Buffer.from(version.token, "latin1");
  return {
    async read(key) {
      return step(redis.doing.reading, async (redis2) => snapshotOf(await redis2.getBuffer(lockKey(key))));
    },
    async create(key, record) {
      const reply = await step(
        redis.doing.creating,
        (redis2) => redis2.set(lockKey(key), serializeRecord(record), "PX", expiry(record.ttl_ms, retentionMs), "NX")
      );
      return reply === "OK" ? "ok" : "conflict";
    },
    async replace(key, version, record) {
      const reply = await step(
        redis.doing.replacing,
        (redis2) => redis2.eval(REPLACE, 1, lockKey(key), expected(version), serializeRecord(record), expiry(record.ttl_ms, retentionMs))
      );
      return swapped(reply);
    },
    async remove(key, version) {
      return swapped(await step(redis.doing.removing, (redis2) => redis2.eval(REMOVE, 1, lockKey(key), expected(version))));
    },
    async list() {
      const keys = /* @__PURE__ */ new Set();
      let cursor = "0";
      do {
        const [next, batch] = await step(redis.doing.listing, (redis2) => redis2.scan(cursor, "MATCH", `${LOCK_PREFIX}*`, "COUNT", scanCount));
        for (const name of batch) if (LOCK_KEY.test(name)) keys.add(name);
        cursor = next;
      } while (cursor !== "0");
      const names = [...keys].sort();
      const locks = [];
      for (let i = 0; i < names.length; i += scanCount) {
        const chunk = names.slice(i, i + scanCount);
        const values = await step(redis.doing.listing, (redis2) => redis2.mgetBuffer(...chunk));
        chunk.forEach((name, j) => {
          const value = values[j] ?? null;
          if (value === null) return;
          const key = LOCK_KEY.exec(name)[1];
          locks.push({ key, location: location(key), snapshot: snapshotOf(value) });
        });
      }
      return locks;
    },
    location,
    async putNotice(key, sessionId, notice) {
      await step(redis.doing.leavingNotice, (redis2) => redis2.set(noticeKey(key, sessionId), JSON.stringify(notice), "PX", noticeTtlMs));
    },
    async takeNotice(key, sessionId) {
      const value = await step(redis.doing.takingNotice, (redis2) => redis2.eval(TAKE, 1, noticeKey(key, sessionId)));
      if (typeof value !== "string") return null;
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
    },
    async noteHeld(sessionId, key) {
      await step(redis.doing.notingHeld, (redis2) => redis2.multi().sadd(heldKey(sessionId), key).pexpire(heldKey(sessionId), heldTtlMs).exec());
    },
    async heldBy(sessionId) {
      return (await step(redis.doing.listingHeld, (redis2) => redis2.smembers(heldKey(sessionId)))).filter((key) => /^[0-9a-f]{12}$/.test(key));
    },
    async forgetHeld(sessionId) {
      await step(redis.doing.forgettingHeld, (redis2) => redis2.del(heldKey(sessionId)));
    },
    async close() {
      closed = true;
      const redis2 = client;
      client = null;
      if (redis2 === null) return;
      redis2.disconnect();
      redis2.stream?.unref?.();
    }
  };
  function location(key) {
    return `${target.display} ${lockKey(key)}`;
  }
}
function observe(value) {
  if (value.length > MAX_RECORD_BYTES2) return { kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES2) };
  return parseRecord(value.toString("utf8"));
}
function expiry(ttlMs, retentionMs) {
  return Math.max(1, Math.ceil(ttlMs + retentionMs));
}
function isAddress(host) {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}
function isReplyError(error) {
  return error instanceof Error && error.name === "ReplyError";
}
function swapped(reply) {
  return reply === 1 ? "ok" : "conflict";
}
function codeOf(error) {
  return errnoOf(error) ?? /^([A-Z]+)\s/.exec(messageOf(error))?.[1];
}

// src/lock/openStore.ts
function chooseStore(env3, runtimeDir2, flag) {
  const given = flag ?? env3.CLAUDE_SESSION_GUARD_STORE;
  const url = given?.trim();
  if (url === void 0 || url === "") return { kind: "file", dir: runtimeDir2 };
  const source = sourceOf(flag);
  const target = parseRedisUrl(url, source);
  return { kind: "redis", connection: () => ({ url, target }), display: target.display, source, redact: (text) => scrub(text, target, url) };
}
function sourceOf(flag) {
  return flag !== void 0 && flag.trim() !== "" ? "--store" : "CLAUDE_SESSION_GUARD_STORE";
}
async function openStore(choice, { uid: uid2 } = {}) {
  if (choice.kind === "file") return fileStore(choice.dir, { uid: uid2 });
  const { url, target } = choice.connection();
  return redisStore(url, { source: choice.source, target });
}

// src/commands/store.ts
function operatorStoreChoice(env3, flag) {
  try {
    return chooseStore(env3, runtimeDir(env3), flag);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== "EBADURL") throw error;
    throw new UserError(error.message, sourceOf(flag) === "--store" ? 2 : 1, error.code);
  }
}
async function openOperatorStore(deps, choice) {
  return deps.openStore(choice);
}
function storeName(choice) {
  return choice.kind === "file" ? choice.dir : operator.redisStoreName(choice.display);
}

// src/commands/style.ts
var plain = (_style, text) => text;
var SGR = {
  good: [32, 39],
  bad: [31, 39],
  warn: [33, 39],
  note: [36, 39],
  strong: [1, 22],
  faint: [2, 22]
};
var ansi = (style, text) => text === "" ? text : `\x1B[${SGR[style][0]}m${text}\x1B[${SGR[style][1]}m`;
function wantsColour(env3, stdoutIsTerminal2) {
  if (env3.NO_COLOR !== void 0 && env3.NO_COLOR !== "") return false;
  const force = env3.FORCE_COLOR;
  if (force !== void 0) return force !== "0" && force.toLowerCase() !== "false";
  return stdoutIsTerminal2 && env3.TERM !== "dumb";
}

// src/commands/status.ts
function viewOf(key, path2, snapshot, now, deps) {
  if (snapshot.observed.kind === "absent") return null;
  const judgement = judge(snapshot.observed, now, deps.probe);
  const record = judgement.state === "corrupt" ? null : judgement.record;
  const facts = record === null || judgement.state !== "held" ? null : deps.holderFacts?.(record) ?? null;
  return {
    judgement,
    entry: {
      workspace: typeof record?.workspace === "string" ? record.workspace : null,
      hash: key,
      path: path2,
      session_id: record?.session_id ?? null,
      pid: record?.pid ?? null,
      acquired_at: record?.acquired_at ?? null,
      ttl_ms: record?.ttl_ms ?? null,
      age_ms: record ? now - record.acquired_at : null,
      state: judgement.state,
      holder: record === null ? null : {
        agent: typeof record.agent === "string" ? record.agent : "claude",
        name: facts?.name ?? null,
        terminal: facts?.tmux ?? facts?.tty ?? null,
        started_in: facts?.cwd ?? null,
        status: facts?.status ?? null,
        work: liveWork(record, now)
      }
    }
  };
}
function storeProblem(error, path2) {
  if (error instanceof StoreError) {
    if (error.code === "ENOTFILE" && path2 !== void 0) throw new UserError(operator.lockNotAFile(path2), 1, error.code);
    throw new UserError(error.message, 1, error.code);
  }
  if (error instanceof WorkspaceError) throw new UserError(error.message, 1, error.code);
  throw error;
}
async function statusCommand(options, deps) {
  const choice = operatorStoreChoice(deps.env, options.store);
  const store = await openOperatorStore(deps, choice);
  try {
    const now = deps.clock.now();
    if (options.all) {
      let views;
      try {
        views = (await store.list()).flatMap((lock) => viewOf(lock.key, lock.location, lock.snapshot, now, deps) ?? []);
      } catch (error) {
        storeProblem(error);
      }
      if (options.json) return json(views.map((v) => v.entry));
      if (views.length === 0) return { exitCode: 0, stdout: `${operator.noLocks(storeName(choice))}
` };
      return { exitCode: 0, stdout: table(views, now, void 0, deps.paint) };
    }
    let workspace2;
    try {
      workspace2 = resolveWorkspace(deps.env, deps.cwd);
    } catch (error) {
      storeProblem(error);
    }
    const path2 = store.location(workspace2.key);
    let snapshot;
    try {
      snapshot = await store.read(workspace2.key);
    } catch (error) {
      storeProblem(error, path2);
    }
    const view = viewOf(workspace2.key, path2, snapshot, now, deps);
    if (options.json) return json(view ? [view.entry] : []);
    if (view === null) return { exitCode: 0, stdout: `${operator.noLockHere(workspace2.path)}
` };
    return { exitCode: 0, stdout: table([view], now, workspace2.path, deps.paint) };
  } finally {
    await store.close();
  }
}
function json(entries) {
  return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}
` };
}
var HEADERS = ["WORKSPACE", "HOLDER", "PID", "AGE", "LEFT", "STATE", "DOING"];
function table(views, now, knownWorkspace, paint = plain) {
  const rows = views.map(({ entry, judgement }) => [
    entry.workspace ?? knownWorkspace ?? operator.unrecordedWorkspace(entry.hash),
    entry.session_id === null ? "-" : operator.holderCell(shortId(entry.session_id), entry.holder?.agent ?? "claude", entry.holder?.name ?? null),
    entry.pid === null ? "-" : String(entry.pid),
    entry.age_ms === null ? "-" : duration(entry.age_ms),
    judgement.state === "held" ? duration(judgement.expiresAt - now) : judgement.state === "stale" ? operator.expired : "-",
    judgement.state === "corrupt" ? operator.corruptState(judgement.reason) : judgement.state,
    judgement.state === "held" ? doing(entry.holder, now) : ""
  ]);
  const STATE = HEADERS.indexOf("STATE");
  const styles = views.map(({ judgement }) => HEADERS.map((_, i) => i === STATE ? STATE_STYLE[judgement.state] : null));
  return formatTable([...HEADERS], rows, paint, styles);
}
var STATE_STYLE = { held: "good", stale: "warn", dead: "warn", corrupt: "bad" };
function formatTable(headers, table2, paint = plain, styles = []) {
  const rows = table2.map((row) => row.map(printable));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells, style) => cells.map((cell, i) => {
    const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i]);
    const chosen = style(i);
    return chosen === null ? padded : paint(chosen, cell) + padded.slice(cell.length);
  }).join("  ").trimEnd();
  return `${[line(headers, () => "strong"), ...rows.map((row, r) => line(row, (i) => styles[r]?.[i] ?? null))].join("\n")}
`;
}
function doing(holder, now) {
  const work = (holder?.work ?? []).map((w) => operator.workCell(w.type, w.description ?? w.command ?? null, w.until - now));
  return [operator.statusWord(holder?.status ?? null), ...work].filter((part) => part !== "").join("; ");
}
function holderName(entry) {
  return sessionAndPid(entry.session_id ?? "?", entry.pid ?? "?");
}
function workspaceName(entry, known) {
  return entry.workspace ?? known ?? operator.workspaceNotRecorded(operator.lockAt(entry.path));
}

// src/commands/clear.ts
var SWEEP_OLDER_THAN_MS = 6e4;
async function clearCommand2(options, deps) {
  const chosen = [options.workspace !== void 0, options.stale === true, options.all === true].filter(Boolean).length;
  if (chosen > 1) throw new UserError(operator.clearOneScope, 2);
  if (options.workspace !== void 0 && options.workspace.trim() === "") throw new UserError(operator.emptyWorkspace, 2);
  const store = await openOperatorStore(deps, operatorStoreChoice(deps.env, options.store));
  try {
    if (options.stale || options.all) return await clearMany(store, deps, options.all ? () => true : (v) => v.judgement.state !== "held", options.stale === true);
    return await clearOne(store, deps, options.workspace);
  } finally {
    await store.close();
  }
}
async function clearOne(store, deps, given) {
  let workspace2;
  try {
    workspace2 = await workspaceToClear(store, deps, given);
  } catch (error) {
    storeProblem(error);
  }
  const removed = await remove(store, deps, workspace2.key, () => true);
  if (removed === null) return { exitCode: 0, stdout: `${operator.nothingToClear(workspace2.path)}
` };
  if (removed === FOREIGN) return { exitCode: 0, stdout: `${operator.clearedForeign(store.location(workspace2.key))}
` };
  logClear(deps, removed, workspace2.path);
  return { exitCode: 0, stdout: `${cleared(removed, workspace2.path)}
` };
}
async function workspaceToClear(store, deps, given) {
  const env3 = { ...deps.env };
  if (given === void 0) return resolveWorkspace(env3, deps.cwd);
  delete env3.CLAUDE_SESSION_GUARD_WORKSPACE;
  delete env3.CLAUDE_PROJECT_DIR;
  const absolute = (0, import_node_path5.resolve)(deps.cwd, given);
  const exact = resolveWorkspace({ ...env3, CLAUDE_SESSION_GUARD_WORKSPACE: absolute }, deps.cwd);
  if (await readQuietly(store, exact.key) !== "absent") return exact;
  try {
    return resolveWorkspace(env3, absolute);
  } catch {
    return exact;
  }
}
async function readQuietly(store, key) {
  try {
    return (await store.read(key)).observed.kind === "absent" ? "absent" : "present";
  } catch {
    return "present";
  }
}
async function clearMany(store, deps, filter, sweep) {
  let locks;
  try {
    locks = await store.list();
  } catch (error) {
    storeProblem(error);
  }
  const lines = [];
  const problems = [];
  for (const path2 of store.sweepNotices?.(sweep ? NOTICE_TTL_MS : 0) ?? []) lines.push(operator.sweptLeftover(path2));
  for (const lock of locks) {
    if (lock.snapshot.version === null && lock.snapshot.observed.kind === "corrupt") {
      if (store.discard?.(lock.key) === "removed") lines.push(operator.clearedForeign(lock.location));
      else problems.push(failed(operator.lockNotAFile(lock.location)));
      continue;
    }
    const removed = await remove(store, deps, lock.key, filter);
    if (removed === null) continue;
    if (removed === FOREIGN) {
      lines.push(operator.clearedForeign(lock.location));
      continue;
    }
    logClear(deps, removed, null);
    lines.push(cleared(removed, null));
  }
  if (sweep && store.sweep) {
    for (const path2 of store.sweep(SWEEP_OLDER_THAN_MS)) lines.push(operator.sweptLeftover(path2));
  }
  const stderr = problems.length > 0 ? `${problems.join("\n")}
` : void 0;
  const exitCode = problems.length > 0 ? 1 : 0;
  if (lines.length === 0 && stderr !== void 0) return { exitCode, stdout: "", stderr };
  if (lines.length === 0) return { exitCode, stdout: `${sweep ? operator.nothingStale : operator.nothingAtAll}
` };
  return { exitCode, stdout: `${lines.join("\n")}
`, ...stderr !== void 0 && { stderr } };
}
var FOREIGN = /* @__PURE__ */ Symbol("foreign");
async function remove(store, deps, key, filter) {
  const path2 = store.location(key);
  const judged = { view: null };
  try {
    const snapshot = await removeIf(store, key, deps.clock, (read2) => {
      judged.view = viewOf(key, path2, read2, deps.clock.now(), deps);
      return judged.view !== null && filter(judged.view);
    });
    if (snapshot === null || judged.view === null) return null;
  } catch (error) {
    if (error instanceof ContentionError) throw new UserError(operator.clearBusy(path2), 1, error.code);
    if (error instanceof StoreError && error.code === "EFOREIGN" && store.discard?.(key) === "removed") return FOREIGN;
    storeProblem(error, path2);
  }
  await tellHolder(store, deps, key, judged.view);
  return judged.view;
}
async function tellHolder(store, deps, key, removed) {
  const { judgement } = removed;
  if (judgement.state !== "held" && judgement.state !== "stale") return;
  const generation = judgement.record.generation;
  try {
    await store.putNotice(key, judgement.record.session_id, {
      by: null,
      at: deps.clock.now(),
      reason: "cleared",
      generation: typeof generation === "number" ? generation : null
    });
  } catch {
  }
}
function cleared(view, known) {
  const { entry, judgement } = view;
  const where2 = workspaceName(entry, known);
  const age = entry.age_ms === null ? "" : operator.lastActive(entry.age_ms);
  switch (judgement.state) {
    case "held":
      return operator.clearedHeld(where2, holderName(entry), age);
    case "stale":
      return operator.clearedStale(where2, holderName(entry), age);
    case "dead":
      return operator.clearedDead(where2, holderName(entry));
    case "corrupt":
      return operator.clearedCorrupt(operator.lockAt(entry.path), judgement.reason);
  }
}
function logClear(deps, removed, workspace2) {
  const { entry } = removed;
  const holder = entry.session_id === null || entry.pid === null || entry.acquired_at === null || entry.ttl_ms === null ? null : { session_id: entry.session_id, pid: entry.pid, acquired_at: entry.acquired_at, ttl_ms: entry.ttl_ms };
  const logged = {
    time: new Date(deps.clock.now()).toISOString(),
    event: "clear",
    outcome: "clear",
    session: null,
    workspace: entry.workspace ?? workspace2,
    holder,
    state: entry.state,
    hash: entry.hash
  };
  deps.log(logged);
}

// src/commands/doctor.ts
var import_node_path12 = require("node:path");

// src/hook/policy.ts
function switchOf(raw) {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "" || value === "0" || value === "false" || value === "no" || value === "off") return false;
  if (value === "1" || value === "true" || value === "yes" || value === "on") return true;
  return null;
}

// src/settings/reach.ts
var import_node_path6 = require("node:path");
function reachOf(scope, root, context) {
  if (scope === "user") return { kind: "every" };
  if (scope === "local" && canonicalRoot(root, context) === root) return { kind: "repository", root };
  return { kind: "start-only", root };
}
function localSettingsPaths(start, context) {
  const paths = [(0, import_node_path6.join)(start, ".claude", "settings.local.json")];
  const root = canonicalRoot(start, context);
  if (root !== null && root !== start) paths.push((0, import_node_path6.join)(root, ".claude", "settings.local.json"));
  return paths;
}
function canonicalRoot(start, context) {
  const { fs: fs2 } = context;
  let top = null;
  for (let dir = start; ; dir = (0, import_node_path6.dirname)(dir)) {
    if (fs2.lstatSync((0, import_node_path6.join)(dir, ".git"), { throwIfNoEntry: false }) !== void 0) {
      top = dir;
      break;
    }
    if ((0, import_node_path6.dirname)(dir) === dir) break;
  }
  if (top === null) return null;
  const root = mainCheckout(top, fs2);
  if (context.home !== void 0 && root === realpathOr(context.home, fs2)) return null;
  return ownedByUser(root, context) ? root : null;
}
function mainCheckout(top, fs2) {
  const entry = fs2.lstatSync((0, import_node_path6.join)(top, ".git"), { throwIfNoEntry: false });
  if (entry === void 0 || entry.isDirectory()) return top;
  try {
    const gitdir = /^gitdir:\s*(.+?)\s*$/m.exec(fs2.readFileSync((0, import_node_path6.join)(top, ".git"), "utf8"))?.[1];
    if (gitdir === void 0) return top;
    const gitDir = (0, import_node_path6.resolve)(top, gitdir);
    const common = (0, import_node_path6.resolve)(gitDir, fs2.readFileSync((0, import_node_path6.join)(gitDir, "commondir"), "utf8").trim());
    return (0, import_node_path6.basename)(common) === ".git" ? realpathOr((0, import_node_path6.dirname)(common), fs2) : top;
  } catch {
    return top;
  }
}
function ownedByUser(root, { fs: fs2, uid: uid2 }) {
  if (uid2 === void 0) return false;
  const owner = (path2) => fs2.lstatSync(path2, { throwIfNoEntry: false })?.uid;
  const claude = owner((0, import_node_path6.join)(root, ".claude"));
  return owner(root) === uid2 && owner((0, import_node_path6.join)(root, ".git")) === uid2 && (claude === void 0 || claude === uid2);
}
function realpathOr(path2, fs2) {
  try {
    return fs2.realpathSync(path2);
  } catch {
    return path2;
  }
}

// src/settings/executable.ts
var import_node_fs = require("node:fs");
var import_node_path7 = require("node:path");
var PLUGIN_ROOT_VAR = "CLAUDE_PLUGIN_ROOT";
function isExecutableFile(path2, fs2) {
  try {
    if (!fs2.statSync(path2).isFile()) return false;
    fs2.accessSync(path2, import_node_fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function findOnPath(name, pathVar, fs2, cwd2 = "/") {
  if (name.includes("/")) return isExecutableFile((0, import_node_path7.resolve)(cwd2, name), fs2) ? (0, import_node_path7.resolve)(cwd2, name) : null;
  for (const dir of (pathVar ?? "").split(import_node_path7.delimiter)) {
    const candidate = (0, import_node_path7.join)(dir === "" ? cwd2 : dir, name);
    if (isExecutableFile(candidate, fs2)) return (0, import_node_path7.isAbsolute)(candidate) ? candidate : (0, import_node_path7.resolve)(cwd2, candidate);
  }
  return null;
}
function commandWords(command, vars) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (c === "\\" && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
      continue;
    }
    if (c === "$") {
      const match = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(command.slice(i));
      const name = match?.[1] ?? match?.[2];
      if (name !== void 0 && Object.hasOwn(vars, name)) {
        word += vars[name];
        inWord = true;
        i += match[0].length - 1;
        continue;
      }
      if (command[i + 1] === "(") return null;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === " " || c === "	") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    if (";&|<>`()\n".includes(c)) return null;
    word += c;
    inWord = true;
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words;
}

// settings.example.json
var settings_example_default = {
  hooks: {
    PreToolUse: [
      {
        matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree",
        hooks: [{ type: "command", command: "claude-session-guard pretooluse", timeout: 5 }]
      }
    ],
    PostToolUse: [
      {
        matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree",
        hooks: [{ type: "command", command: "claude-session-guard posttooluse", timeout: 5 }]
      }
    ],
    PostToolUseFailure: [
      {
        matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree",
        hooks: [{ type: "command", command: "claude-session-guard posttooluse", timeout: 5 }]
      }
    ],
    Stop: [
      {
        hooks: [{ type: "command", command: "claude-session-guard stop", timeout: 5 }]
      }
    ],
    StopFailure: [
      {
        hooks: [{ type: "command", command: "claude-session-guard stop", timeout: 5 }]
      }
    ],
    SessionEnd: [
      {
        hooks: [{ type: "command", command: "claude-session-guard stop", timeout: 5 }]
      }
    ],
    SessionStart: [
      {
        hooks: [{ type: "command", command: "claude-session-guard sessionstart", timeout: 5 }]
      }
    ]
  }
};

// src/settings/guardHooks.ts
var GUARDED_TOOLS = ["Edit", "Write", "MultiEdit", "NotebookEdit", "Bash", "PowerShell", "Monitor", "ExitWorktree"];
var HOOK_TIMEOUT_S = 5;
var SANE_TIMEOUT_S = { min: 2, max: 60 };
function guardEventsOf(settings2) {
  const events = [];
  const hooks = isObject(settings2) ? settings2.hooks : void 0;
  if (!isObject(hooks)) return events;
  for (const [event, groups] of Object.entries(hooks)) {
    for (const group of Array.isArray(groups) ? groups : []) {
      if (!isObject(group) || !Array.isArray(group.hooks)) continue;
      for (const hook2 of group.hooks) {
        const parsed = isObject(hook2) ? parseGuardCommand(hook2.command) : null;
        if (parsed === null) continue;
        const agent = agentOf(parsed.args);
        events.push({
          event,
          subcommand: parsed.subcommand,
          ...typeof group.matcher === "string" && { matcher: group.matcher },
          ...typeof hook2.timeout === "number" && { timeout: hook2.timeout },
          ...agent !== null && { agent }
        });
      }
    }
  }
  return events;
}
var GUARD_COMMAND = /^(.*?(?:^|[\s/\\"'])claude-session-guard(?:\.c?js)?(?:@[\w.^~-]+)?["']?)[ \t]+(pretooluse|posttooluse|stop|sessionstart)((?:[ \t].*)?)$/s;
function parseGuardCommand(command) {
  if (typeof command !== "string") return null;
  const match = GUARD_COMMAND.exec(command.trim());
  if (!match) return null;
  return { prefix: match[1], subcommand: match[2], args: match[3].trimEnd() };
}
function agentOf(args) {
  return /(?:^|\s)--agent(?:=|\s+)(\S+)/.exec(args)?.[1] ?? null;
}
function withAgent(args, agent) {
  if (agent === void 0) return args;
  return `${args.replace(/\s--agent(?:=|\s+)\S+/g, "")} --agent ${agent}`;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isSaneTimeout(value, sane = SANE_TIMEOUT_S) {
  return typeof value === "number" && Number.isFinite(value) && value >= sane.min && value <= sane.max;
}
function rightMatcher(spec, matcher) {
  if (spec.matcher !== void 0) return matcher === spec.matcher;
  return matcher === void 0 || matcher === "" || matcher === "*";
}
function hooksOf(settings2) {
  const hooks = settings2.hooks;
  if (hooks === void 0) return {};
  if (!isObject(hooks)) throw new SettingsError(settings.hooksNotObject, "ESHAPE");
  return hooks;
}
function eventArray(hooks, event) {
  const groups = hooks[event];
  if (groups === void 0) return [];
  if (!Array.isArray(groups)) throw new SettingsError(settings.eventNotArray(event), "ESHAPE");
  return groups;
}
function findOurs(groups) {
  const found = [];
  groups.forEach((group, index) => {
    if (!isObject(group) || !Array.isArray(group.hooks)) return;
    for (const hook2 of group.hooks) {
      if (!isObject(hook2)) continue;
      const parsed = parseGuardCommand(hook2.command);
      if (parsed !== null) found.push({ group, index, hook: hook2, parsed });
    }
  });
  return found;
}
function dropHook(group, hook2) {
  group.hooks = group.hooks.filter((h) => h !== hook2);
}
function guardCommand(prefix, subcommand, args = "") {
  return `${prefix} ${subcommand}${args}`;
}
function installGuardHooks(input2, prefix, wiring = CLAUDE_WIRING) {
  const settings2 = structuredClone(input2);
  const hooks = hooksOf(settings2);
  const changes = [];
  for (const spec of wiring.events) {
    const groups = [...eventArray(hooks, spec.event)];
    const ours2 = findOurs(groups);
    const candidates = ours2.filter((o) => o.parsed.subcommand === spec.subcommand);
    const keeper = candidates.find((o) => rightMatcher(spec, o.group.matcher)) ?? candidates[0];
    const emptied = /* @__PURE__ */ new Set();
    for (const other of ours2) {
      if (other === keeper) continue;
      dropHook(other.group, other.hook);
      emptied.add(other.group);
      changes.push({
        kind: "remove",
        event: spec.event,
        command: String(other.hook.command),
        why: other.parsed.subcommand === spec.subcommand ? "duplicate" : "wrong-event"
      });
    }
    const command = guardCommand(prefix, spec.subcommand, withAgent(keeper?.parsed.args ?? "", spec.agent));
    const fallback = spec.timeout ?? HOOK_TIMEOUT_S;
    if (keeper === void 0) {
      groups.push(newGroup(spec, { type: "command", command, timeout: fallback }));
      changes.push({ kind: "add", event: spec.event, command });
    } else {
      const { async: _async, ...rest } = keeper.hook;
      const timeout = isSaneTimeout(keeper.hook.timeout, wiring.sane) ? keeper.hook.timeout : fallback;
      const updated = { ...rest, type: "command", command, timeout };
      const why = keeper.hook.command !== command ? "outdated" : !rightMatcher(spec, keeper.group.matcher) ? "matcher" : "timeout";
      if (rightMatcher(spec, keeper.group.matcher)) {
        if (JSON.stringify(updated) !== JSON.stringify(keeper.hook)) {
          keeper.group.hooks = keeper.group.hooks.map((h) => h === keeper.hook ? updated : h);
          changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.hook.command), why });
        }
      } else {
        dropHook(keeper.group, keeper.hook);
        emptied.add(keeper.group);
        groups.splice(keeper.index + 1, 0, newGroup(spec, updated));
        changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.hook.command), why });
      }
    }
    hooks[spec.event] = groups.filter((g) => !(emptied.has(g) && g.hooks.length === 0));
  }
  if (changes.length === 0) return { settings: structuredClone(input2), changes };
  settings2.hooks = hooks;
  return { settings: settings2, changes };
}
function newGroup(spec, hook2) {
  return spec.matcher === void 0 ? { hooks: [hook2] } : { matcher: spec.matcher, hooks: [hook2] };
}
function uninstallGuardHooks(input2) {
  const settings2 = structuredClone(input2);
  const hooks = hooksOf(settings2);
  const changes = [];
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    const ours2 = findOurs(groups);
    if (ours2.length === 0) continue;
    const emptied = /* @__PURE__ */ new Set();
    for (const found of ours2) {
      dropHook(found.group, found.hook);
      emptied.add(found.group);
      changes.push({ kind: "remove", event, command: String(found.hook.command) });
    }
    const kept = groups.filter((g) => !(emptied.has(g) && g.hooks.length === 0));
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (changes.length === 0) return { settings: structuredClone(input2), changes };
  if (Object.keys(hooks).length === 0) delete settings2.hooks;
  else settings2.hooks = hooks;
  return { settings: settings2, changes };
}
var GUARD_EVENTS = guardEventsOf(settings_example_default);
var CLAUDE_WIRING = { events: GUARD_EVENTS, sane: SANE_TIMEOUT_S };

// src/settings/guardPlugin.ts
var PLUGIN_NAME = "session-guard";
function enabledGuardPlugins(settings2) {
  const plugins = settings2?.enabledPlugins;
  if (!isObject(plugins)) return [];
  return Object.entries(plugins).filter(([id, on]) => id.startsWith(`${PLUGIN_NAME}@`) && on === true).map(([id]) => id);
}

// src/settings/settingsFile.ts
var import_node_fs2 = require("node:fs");
var import_node_path8 = require("node:path");

// src/settings/jsonText.ts
var J = settings.json;
var DEFAULT_LAYOUT = { indent: 2, eol: "\n", finalNewline: true, bom: false };
function parseJsonText(text) {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body), layout: { ...detectLayout(body), bom } };
  } catch {
    const { offset, problem } = locateJsonError(body);
    const { line, column } = lineAndColumn(body, offset);
    return { ok: false, line, column, problem };
  }
}
function formatJson(value, layout) {
  let text = JSON.stringify(value, null, layout.indent);
  if (layout.eol === "\r\n") text = text.replace(/\n/g, "\r\n");
  return `${layout.bom ? "\uFEFF" : ""}${text}${layout.finalNewline ? layout.eol : ""}`;
}
function detectLayout(text) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const finalNewline = text.trim() === "" ? true : /\r?\n$/.test(text);
  const indented = /\n([ \t]+)\S/.exec(text);
  const trimmed = text.trim();
  let indent = 2;
  if (indented) {
    const ws = indented[1];
    indent = ws.startsWith("	") ? "	" : ws.length;
  } else if (!trimmed.includes("\n") && !/^(\{\s*\}|\[\s*\])?$/.test(trimmed)) {
    indent = 0;
  }
  return { indent, eol, finalNewline, bom: false };
}
function lineAndColumn(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
function locateJsonError(text) {
  let i = 0;
  class Stop {
    constructor(offset, problem) {
      this.offset = offset;
      this.problem = problem;
    }
    offset;
    problem;
  }
  const fail = (problem, at = i) => {
    const comment = text.startsWith("//", at) || text.startsWith("/*", at);
    throw new Stop(at, comment ? J.comment : problem);
  };
  const describe = (at) => at >= text.length ? J.endOfFile : `"${text[at]}"`;
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const expect = (ch, what) => {
    if (text[i] !== ch) fail(J.expected(what, describe(i)));
    i++;
  };
  const string = () => {
    expect('"', J.aString);
    for (; ; ) {
      if (i >= text.length) fail(J.unclosedString);
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail(J.controlCharacter);
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(J.badUnicodeEscape);
          i += 6;
          continue;
        }
        if (e === void 0 || !'"\\/bfnrt'.includes(e)) fail(J.badEscape);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "" || match[0] === "-") fail(J.unexpected(describe(i)));
    i += match[0].length;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail(J.propertyName(describe(i)));
        string();
        ws();
        expect(":", J.colonAfterName);
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "}") fail(J.trailingComma("}"));
          continue;
        }
        expect("}", `"," or "}"`);
        return;
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (; ; ) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") fail(J.trailingComma("]"));
          continue;
        }
        expect("]", `"," or "]"`);
        return;
      }
    }
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c !== void 0 && /[-0-9]/.test(c)) return number();
    fail(c === void 0 ? J.unexpectedEnd : J.unexpected(describe(i)));
  };
  try {
    value();
    ws();
    if (i < text.length) fail(J.afterEnd(describe(i)));
    return { offset: text.length, problem: J.invalid };
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}

// src/settings/settingsFile.ts
function readSettingsFile(path2, fs2) {
  let text;
  try {
    text = fs2.readFileSync(path2, "utf8");
  } catch (error) {
    const code = errnoOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { path: path2, exists: false, text: "", value: {}, layout: DEFAULT_LAYOUT };
    throw new SettingsError(settings.cannotRead(path2, messageOf(error)), "EREAD", path2, { cause: error });
  }
  if (text.trim() === "" || text.trim() === "\uFEFF") return { path: path2, exists: true, text, value: {}, layout: DEFAULT_LAYOUT };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new SettingsError(settings.invalidJson(path2, parsed.line, parsed.column, parsed.problem), "EJSON", path2);
  }
  if (!isObject(parsed.value)) throw new SettingsError(settings.notObject(path2), "ENOTOBJECT", path2);
  return { path: path2, exists: true, text, value: parsed.value, layout: parsed.layout };
}
function renderSettings(value, layout) {
  return formatJson(value, layout);
}
function writeSettingsFile(file, text, fs2, writeFileAtomic2) {
  const { path: path2 } = file;
  if (file.exists) refuseReadOnly(path2, fs2);
  const dir = (0, import_node_path8.dirname)(path2);
  try {
    fs2.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new SettingsError(settings.cannotCreateDir(dir, messageOf(error)), "EWRITE", path2, { cause: error });
  }
  refuseReadOnlyDirectory(dir, fs2);
  try {
    writeFileAtomic2(path2, text);
  } catch (error) {
    throw writeProblem(error, path2);
  }
}
function removeSettingsFile(file, fs2, removeDirectory) {
  const { path: path2 } = file;
  refuseReadOnly(path2, fs2);
  const dir = (0, import_node_path8.dirname)(path2);
  refuseReadOnlyDirectory(dir, fs2);
  try {
    fs2.unlinkSync(path2);
  } catch (error) {
    throw writeProblem(error, path2);
  }
  if (!removeDirectory) return { file: true, directory: false };
  try {
    fs2.rmdirSync(dir);
    return { file: true, directory: true };
  } catch {
    return { file: true, directory: false };
  }
}
function refuseReadOnly(path2, fs2) {
  const mode = modeOf(path2, fs2);
  if (mode !== null && (mode & 128) === 0) throw new SettingsError(settings.readOnly(path2, settings.mode(mode)), "EREADONLY", path2);
  try {
    fs2.accessSync(path2, import_node_fs2.constants.W_OK);
  } catch (error) {
    throw new SettingsError(settings.readOnly(path2, errnoOf(error) ?? messageOf(error)), "EREADONLY", path2, { cause: error });
  }
}
function refuseReadOnlyDirectory(dir, fs2) {
  const mode = modeOf(dir, fs2);
  if (mode !== null && (mode & 128) === 0) throw new SettingsError(settings.directoryReadOnly(dir, settings.mode(mode)), "EREADONLY", dir);
}
function modeOf(path2, fs2) {
  try {
    return fs2.statSync(path2).mode & 4095;
  } catch {
    return null;
  }
}
function writeProblem(error, path2) {
  const code = errnoOf(error);
  const dir = (0, import_node_path8.dirname)(path2);
  if (code === "EACCES" || code === "EPERM") return new SettingsError(settings.directoryReadOnly(dir, code), "EREADONLY", dir, { cause: error });
  if (code === "EROFS") return new SettingsError(settings.readOnlyFileSystem(dir), "EWRITE", path2, { cause: error });
  return new SettingsError(settings.cannotWrite(path2, code ?? messageOf(error)), "EWRITE", path2, { cause: error });
}

// src/commands/agentDoctor.ts
var import_node_path11 = require("node:path");

// examples/codex-hooks.json
var codex_hooks_default = {
  hooks: {
    PreToolUse: [
      {
        matcher: "Bash|apply_patch",
        hooks: [
          {
            type: "command",
            command: "claude-session-guard pretooluse --agent codex",
            timeout: 5
          }
        ]
      }
    ],
    PostToolUse: [
      {
        matcher: "Bash|apply_patch",
        hooks: [
          {
            type: "command",
            command: "claude-session-guard posttooluse --agent codex",
            timeout: 5
          }
        ]
      }
    ],
    Stop: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard stop --agent codex",
            timeout: 5
          }
        ]
      }
    ],
    SessionEnd: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard stop --agent codex",
            timeout: 3
          }
        ]
      }
    ],
    SessionStart: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard sessionstart --agent codex",
            timeout: 5
          }
        ]
      }
    ]
  }
};

// examples/copilot-hooks.json
var copilot_hooks_default = {
  version: 1,
  hooks: {
    preToolUse: [
      {
        type: "command",
        bash: "claude-session-guard pretooluse --agent copilot",
        timeoutSec: 5
      }
    ],
    postToolUse: [
      {
        type: "command",
        bash: "claude-session-guard posttooluse --agent copilot",
        timeoutSec: 5
      }
    ],
    postToolUseFailure: [
      {
        type: "command",
        bash: "claude-session-guard posttooluse --agent copilot",
        timeoutSec: 5
      }
    ],
    agentStop: [
      {
        type: "command",
        bash: "claude-session-guard stop --agent copilot",
        timeoutSec: 5
      }
    ],
    sessionEnd: [
      {
        type: "command",
        bash: "claude-session-guard stop --agent copilot",
        timeoutSec: 5
      }
    ],
    sessionStart: [
      {
        type: "command",
        bash: "claude-session-guard sessionstart --agent copilot",
        timeoutSec: 5
      }
    ]
  }
};

// examples/cursor-hooks.json
var cursor_hooks_default = {
  version: 1,
  hooks: {
    preToolUse: [
      {
        command: "claude-session-guard pretooluse --agent cursor",
        timeout: 5
      }
    ],
    postToolUse: [
      {
        command: "claude-session-guard posttooluse --agent cursor",
        timeout: 5
      }
    ],
    postToolUseFailure: [
      {
        command: "claude-session-guard posttooluse --agent cursor",
        timeout: 5
      }
    ],
    stop: [
      {
        command: "claude-session-guard stop --agent cursor",
        timeout: 5
      }
    ],
    sessionEnd: [
      {
        command: "claude-session-guard stop --agent cursor",
        timeout: 5
      }
    ],
    sessionStart: [
      {
        command: "claude-session-guard sessionstart --agent cursor",
        timeout: 5
      }
    ]
  }
};

// examples/gemini-settings.json
var gemini_settings_default = {
  hooks: {
    BeforeTool: [
      {
        matcher: "^(write_file|replace|run_shell_command)$",
        hooks: [
          {
            type: "command",
            command: "claude-session-guard pretooluse --agent gemini",
            timeout: 5e3
          }
        ]
      }
    ],
    AfterTool: [
      {
        matcher: "^(write_file|replace|run_shell_command)$",
        hooks: [
          {
            type: "command",
            command: "claude-session-guard posttooluse --agent gemini",
            timeout: 5e3
          }
        ]
      }
    ],
    AfterAgent: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard stop --agent gemini",
            timeout: 5e3
          }
        ]
      }
    ],
    SessionEnd: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard stop --agent gemini",
            timeout: 5e3
          }
        ]
      }
    ],
    SessionStart: [
      {
        hooks: [
          {
            type: "command",
            command: "claude-session-guard sessionstart --agent gemini",
            timeout: 5e3
          }
        ]
      }
    ]
  }
};

// src/settings/flatHooks.ts
function flatEventsOf(file, commandKey, timeoutKey) {
  const events = [];
  const hooks = isObject(file) ? file.hooks : void 0;
  if (!isObject(hooks)) return events;
  for (const [event, entries] of Object.entries(hooks)) {
    for (const entry of Array.isArray(entries) ? entries : []) {
      const parsed = isObject(entry) ? parseGuardCommand(entry[commandKey]) : null;
      if (parsed === null) continue;
      const agent = agentOf(parsed.args);
      const timeout = entry[timeoutKey];
      events.push({ event, subcommand: parsed.subcommand, ...typeof timeout === "number" && { timeout }, ...agent !== null && { agent } });
    }
  }
  return events;
}
function hooksOf2(file) {
  if (file.hooks === void 0) return {};
  if (!isObject(file.hooks)) throw new SettingsError(settings.hooksNotObject, "ESHAPE");
  return file.hooks;
}
function entriesOf(hooks, event) {
  const entries = hooks[event];
  if (entries === void 0) return [];
  if (!Array.isArray(entries)) throw new SettingsError(settings.eventNotArray(event), "ESHAPE");
  return entries;
}
function ours(entries, wiring) {
  return entries.flatMap((entry) => {
    const parsed = isObject(entry) ? parseGuardCommand(entry[wiring.commandKey]) : null;
    return parsed === null ? [] : [{ entry, subcommand: parsed.subcommand, args: parsed.args }];
  });
}
function installFlatHooks(input2, prefix, wiring) {
  const file = structuredClone(input2);
  const hooks = hooksOf2(file);
  const changes = [];
  for (const spec of wiring.events) {
    const entries = [...entriesOf(hooks, spec.event)];
    const found = ours(entries, wiring);
    const keeper = found.find((o) => o.subcommand === spec.subcommand);
    const dropped = /* @__PURE__ */ new Set();
    for (const other of found) {
      if (other === keeper) continue;
      dropped.add(other.entry);
      changes.push({ kind: "remove", event: spec.event, command: String(other.entry[wiring.commandKey]), why: other.subcommand === spec.subcommand ? "duplicate" : "wrong-event" });
    }
    const command = guardCommand(prefix, spec.subcommand, withAgent(keeper?.args ?? "", spec.agent));
    const fallback = spec.timeout ?? wiring.sane.min;
    if (keeper === void 0) {
      entries.push({ ...wiring.fields, [wiring.commandKey]: command, [wiring.timeoutKey]: fallback });
      changes.push({ kind: "add", event: spec.event, command });
    } else {
      const timeout = isSaneTimeout(keeper.entry[wiring.timeoutKey], wiring.sane) ? keeper.entry[wiring.timeoutKey] : fallback;
      const updated = { ...keeper.entry, ...wiring.fields, [wiring.commandKey]: command, [wiring.timeoutKey]: timeout };
      if (JSON.stringify(updated) !== JSON.stringify(keeper.entry)) {
        entries[entries.indexOf(keeper.entry)] = updated;
        changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.entry[wiring.commandKey]), why: keeper.entry[wiring.commandKey] !== command ? "outdated" : "timeout" });
      }
    }
    hooks[spec.event] = entries.filter((entry) => !dropped.has(entry));
  }
  if (changes.length === 0) return { settings: structuredClone(input2), changes };
  return { settings: { version: 1, ...file, hooks }, changes };
}
function uninstallFlatHooks(input2, wiring) {
  const file = structuredClone(input2);
  const hooks = hooksOf2(file);
  const changes = [];
  for (const event of Object.keys(hooks)) {
    const entries = hooks[event];
    if (!Array.isArray(entries)) continue;
    const found = ours(entries, wiring);
    if (found.length === 0) continue;
    for (const { entry } of found) changes.push({ kind: "remove", event, command: String(entry[wiring.commandKey]) });
    const kept = entries.filter((entry) => !found.some((o) => o.entry === entry));
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (changes.length === 0) return { settings: structuredClone(input2), changes };
  if (Object.keys(hooks).length === 0) delete file.hooks;
  else file.hooks = hooks;
  return { settings: file, changes };
}

// src/settings/agentFiles.ts
function nested(example, value, sane) {
  const wiring = { events: guardEventsOf(value), sane };
  return {
    example,
    kind: "nested",
    events: wiring.events,
    ownFile: false,
    install: (file, prefix) => installGuardHooks(file, prefix, wiring),
    uninstall: (file) => uninstallGuardHooks(file),
    ours: guardEventsOf
  };
}
function flat(example, value, keys, ownFile) {
  const wiring = { events: flatEventsOf(value, keys.commandKey, keys.timeoutKey), sane: SANE_TIMEOUT_S, ...keys };
  return {
    example,
    kind: "flat",
    events: wiring.events,
    ownFile,
    install: (file, prefix) => installFlatHooks(file, prefix, wiring),
    uninstall: (file) => uninstallFlatHooks(file, wiring),
    ours: (file) => flatEventsOf(file, keys.commandKey, keys.timeoutKey)
  };
}
var AGENT_WIRING = {
  codex: nested("examples/codex-hooks.json", codex_hooks_default, SANE_TIMEOUT_S),
  // Gemini CLI reads timeouts in milliseconds.
  gemini: nested("examples/gemini-settings.json", gemini_settings_default, { min: SANE_TIMEOUT_S.min * 1e3, max: SANE_TIMEOUT_S.max * 1e3 }),
  cursor: flat("examples/cursor-hooks.json", cursor_hooks_default, { commandKey: "command", timeoutKey: "timeout", fields: {} }, false),
  copilot: flat("examples/copilot-hooks.json", copilot_hooks_default, { commandKey: "bash", timeoutKey: "timeoutSec", fields: { type: "command" } }, true)
};
var COPILOT_FILE = "claude-session-guard.json";

// src/settings/codexTrust.ts
var import_node_crypto = require("node:crypto");
function snake(event) {
  return event.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}
function sortedDeep(value) {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedDeep(value[key])]));
  return value;
}
function effectiveTimeout(event, handler) {
  const set = typeof handler.timeout === "number" ? handler.timeout : typeof handler.timeoutSec === "number" ? handler.timeoutSec : void 0;
  if (event === "SessionEnd" || event === "Interrupt") return Math.min(3, Math.max(1, set ?? 1));
  return Math.max(1, set ?? 600);
}
function handlerHash(event, matcher, handler) {
  const normalized = {
    type: "command",
    command: handler.command,
    timeout: effectiveTimeout(event, handler),
    async: handler.async ?? false,
    ...handler.statusMessage != null && { statusMessage: handler.statusMessage }
  };
  const identity = { event_name: snake(event), hooks: [normalized], ...matcher != null && { matcher } };
  return `sha256:${(0, import_node_crypto.createHash)("sha256").update(JSON.stringify(sortedDeep(identity))).digest("hex")}`;
}
function trustEntries(hooksPath, hooksJson) {
  const entries = [];
  const hooks = hooksJson.hooks;
  if (!isObject(hooks)) return entries;
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group, g) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) return;
      group.hooks.forEach((handler, h) => {
        if (!isObject(handler) || parseGuardCommand(handler.command) === null) return;
        entries.push({ key: `${hooksPath}:${snake(event)}:${g}:${h}`, hash: handlerHash(event, group.matcher, handler) });
      });
    });
  }
  return entries;
}
var begin = (hooksPath) => `# claude-session-guard: trust for its hooks in ${hooksPath} (claude-session-guard uninstall --agent codex removes it)`;
var END = "# claude-session-guard: end";
function withoutTrust(text, hooksPath) {
  const lines = text.split("\n");
  const start = lines.indexOf(begin(hooksPath));
  if (start < 0) return text;
  const end = lines.indexOf(END, start);
  if (end < 0) throw new SettingsError(settings.codexTrustBlockOpen(hooksPath), "ESHAPE");
  const from = start > 0 && lines[start - 1] === "" ? start - 1 : start;
  return [...lines.slice(0, from), ...lines.slice(end + 1)].join("\n");
}
var INLINE_STATE = /^\s*(?:hooks\s*=|hooks\s*\.\s*state\s*[.=]|state\s*[.=])/m;
function withTrust(text, hooksPath, entries) {
  const rest = withoutTrust(text, hooksPath);
  const uncommented = rest.replace(/#.*$/gm, "");
  if (INLINE_STATE.test(uncommented)) throw new SettingsError(settings.codexTrustInline, "ESHAPE");
  const needed = [];
  for (const entry of entries) {
    const recorded = recordedHash(uncommented, entry.key);
    if (recorded === void 0) needed.push(entry);
    else if (recorded !== entry.hash) throw new SettingsError(settings.codexTrustRecorded(entry.key), "ESHAPE");
  }
  if (needed.length === 0) return rest;
  const block = [begin(hooksPath), ...needed.flatMap((e) => [`[hooks.state.${JSON.stringify(e.key)}]`, `trusted_hash = ${JSON.stringify(e.hash)}`]), END];
  const body = rest === "" || rest.endsWith("\n") ? rest : `${rest}
`;
  return `${body}${body === "" ? "" : "\n"}${block.join("\n")}
`;
}
function recordedHash(text, key) {
  const at = text.indexOf(key);
  if (at < 0) return void 0;
  const after = text.slice(at + key.length);
  const match = /^["']\]\s*\n\s*trusted_hash\s*=\s*"([^"]*)"/.exec(after);
  return match ? match[1] : null;
}
function projectTrusted(text, root) {
  const uncommented = text.replace(/#.*$/gm, "");
  const header = uncommented.indexOf(`[projects.${JSON.stringify(root)}]`);
  if (header < 0) return false;
  const table2 = uncommented.slice(header).split(/\n\s*\[/, 2)[0] ?? "";
  return /\n\s*trust_level\s*=\s*"trusted"/.test(table2);
}

// src/commands/install.ts
var import_node_path10 = require("node:path");

// src/agents/names.ts
var AGENT_NAMES = ["claude", "codex", "gemini", "cursor", "copilot"];
function isAgentName(name) {
  return AGENT_NAMES.includes(name);
}

// src/settings/gitIgnore.ts
var import_node_path9 = require("node:path");
var LOCAL_SETTINGS_RULE = "**/.claude/settings.local.json";
var LOCAL_SETTINGS = ".claude/settings.local.json";
function keepLocalSettingsOutOfGit(root, deps, dryRun) {
  const ignored = deps.git(["check-ignore", "-q", "--", LOCAL_SETTINGS], root, deps.env);
  if (ignored === null || ignored.code !== 0 && ignored.code !== 1) return { kind: "no-repository" };
  if (ignored.code === 0) return { kind: "ignored" };
  const tracked = deps.git(["ls-files", "--error-unmatch", "--", LOCAL_SETTINGS], root, deps.env)?.code === 0;
  const file = globalExcludesFile(root, deps);
  let text;
  try {
    text = deps.fs.readFileSync(file, "utf8");
  } catch (error) {
    if (errnoOf(error) !== "ENOENT") return { kind: "failed", file, detail: errnoOf(error) ?? String(error) };
    text = null;
  }
  if (text !== null && text.split(/\r?\n/).some((line) => line.trim() === LOCAL_SETTINGS_RULE)) {
    return tracked ? { kind: "tracked", file } : { kind: "unread", file };
  }
  if (dryRun) return { kind: "added", file, dryRun, tracked };
  try {
    deps.fs.mkdirSync((0, import_node_path9.dirname)(file), { recursive: true });
    const separator = text === null || text === "" || text.endsWith("\n") ? "" : "\n";
    deps.fs.appendFileSync(file, `${separator}${LOCAL_SETTINGS_RULE}
`);
  } catch (error) {
    return { kind: "failed", file, detail: errnoOf(error) ?? String(error) };
  }
  return { kind: "added", file, dryRun, tracked };
}
function globalExcludesFile(cwd2, deps) {
  const configured = deps.git(["--git-dir=/dev/null", "config", "--no-includes", "core.excludesfile"], cwd2, { ...deps.env, GIT_CONFIG_NOSYSTEM: "1" });
  const value = configured?.code === 0 ? configured.stdout.trim() : "";
  if (value === "~" || value.startsWith("~/")) return (0, import_node_path9.join)(deps.home, value.slice(2));
  if (value !== "" && (0, import_node_path9.isAbsolute)(value)) return value;
  const xdg = deps.env.XDG_CONFIG_HOME;
  if (xdg !== void 0 && (0, import_node_path9.isAbsolute)(xdg)) return (0, import_node_path9.join)(xdg, "git", "ignore");
  return (0, import_node_path9.join)(deps.home, ".config", "git", "ignore");
}

// src/commands/install.ts
var SCOPES = ["user", "project", "local"];
var DEFAULT_SCOPE = "user";
var BIN_NAME = "claude-session-guard";
var AGENTS = ["claude", "codex", "gemini", "cursor", "copilot"];
function parseScope(scope) {
  const value = scope ?? DEFAULT_SCOPE;
  if (!SCOPES.includes(value)) throw new UserError(operator.invalidScope(value), 2);
  return value;
}
function projectRoot(deps) {
  try {
    return resolveWorkspace({}, deps.cwd, deps.fs).path;
  } catch (error) {
    if (error instanceof WorkspaceError) throw new UserError(error.message, 1, error.code);
    throw error;
  }
}
function realCwd(deps) {
  try {
    return deps.fs.realpathSync(deps.cwd);
  } catch {
    return deps.cwd;
  }
}
function settingsPathFor(scope, deps) {
  switch (scope) {
    case "user":
      return (0, import_node_path10.join)(claudeConfigDir(deps.env), "settings.json");
    case "project":
      return (0, import_node_path10.join)(projectRoot(deps), ".claude", "settings.json");
    case "local":
      return (0, import_node_path10.join)(projectRoot(deps), ".claude", "settings.local.json");
  }
}
function targetOf(options, deps) {
  const scope = parseScope(options.scope);
  const path2 = settingsPathFor(scope, deps);
  const root = scope === "user" ? "" : (0, import_node_path10.dirname)((0, import_node_path10.dirname)(path2));
  return { scope, path: path2, reach: reachOf(scope, root, { fs: deps.fs, uid: deps.uid, home: homeDir(deps.env) }) };
}
function launcher(deps) {
  if (findOnPath(BIN_NAME, deps.env.PATH, { statSync: deps.fs.statSync, accessSync: deps.fs.accessSync }) !== null) {
    return { prefix: BIN_NAME, onPath: true };
  }
  let self;
  try {
    self = deps.fs.realpathSync(deps.argv1);
  } catch {
    self = deps.argv1;
  }
  if (/[\\/]_npx[\\/]/.test(self)) throw new UserError(operator.runningFromNpx, 1, "ENPX");
  return { prefix: shellQuote(self), onPath: false };
}
async function installCommand(options, deps) {
  const agent = otherAgent(options);
  if (agent !== null) return installAgent(agent, options, deps);
  const target = targetOf(options, deps);
  const dryRun = options.dryRun === true;
  const file = read(target.path, deps);
  const { prefix, onPath } = launcher(deps);
  const { settings: settings2, changes } = edit(() => installGuardHooks(file.value, prefix), target.path);
  const lines = changes.length === 0 ? [operator.alreadyInstalled(file.path)] : write(file, settings2, changes, dryRun, deps, "install");
  if (target.scope === "local") lines.push(...outOfGit(target, deps, dryRun));
  if (!onPath && target.scope === "project") lines.push(operator.absolutePathInShared(prefix));
  const unguarded = unguardedNote(target, realCwd(deps));
  if (unguarded !== null) lines.push(unguarded);
  const plugin = pluginAlsoWiring(target, file, deps);
  if (plugin !== null) lines.push(operator.pluginAlsoEnabled(plugin.id, plugin.path, target.scope));
  if (changes.length > 0) lines.push(dryRun ? operator.dryRunNothingWritten : operator.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}
` };
}
async function uninstallCommand(options, deps) {
  const agent = otherAgent(options);
  if (agent !== null) return uninstallAgent(agent, options, deps);
  const target = targetOf(options, deps);
  const dryRun = options.dryRun === true;
  const file = read(target.path, deps);
  const { settings: settings2, changes } = edit(() => uninstallGuardHooks(file.value), target.path);
  if (changes.length === 0) return { exitCode: 0, stdout: `${operator.nothingToUninstall(file.path)}
` };
  const lines = Object.keys(settings2).length === 0 ? remove2(file, target.scope !== "user", changes, dryRun, deps) : write(file, settings2, changes, dryRun, deps, "uninstall");
  lines.push(dryRun ? operator.dryRunNothingWritten : operator.runningSessionsKeepHooks);
  return { exitCode: 0, stdout: `${lines.join("\n")}
` };
}
function pluginAlsoWiring(target, file, deps) {
  const files2 = [file];
  if (target.scope !== "user") {
    try {
      files2.push(readSettingsFile(settingsPathFor("user", deps), deps.fs));
    } catch {
    }
  }
  for (const { value, path: path2 } of files2) {
    const [id] = enabledGuardPlugins(value);
    if (id !== void 0) return { id, path: path2 };
  }
  return null;
}
function unguardedNote(target, here) {
  switch (target.reach.kind) {
    case "every":
      return null;
    case "start-only":
      return operator.unguardedStartOnly(target.scope === "local" ? "local" : "project", target.reach.root, here === target.reach.root ? null : here);
    case "repository":
      return operator.unguardedRepository(target.reach.root);
  }
}
function outOfGit(target, deps, dryRun) {
  const root = (0, import_node_path10.dirname)((0, import_node_path10.dirname)(target.path));
  const outcome = keepLocalSettingsOutOfGit(root, { git: deps.git, fs: deps.fs, env: deps.env, home: homeDir(deps.env) }, dryRun);
  switch (outcome.kind) {
    case "no-repository":
    case "ignored":
      return [];
    case "added":
      return [outcome.dryRun ? operator.wouldIgnoreLocal(outcome.file) : operator.ignoredLocal(outcome.file), ...outcome.tracked ? [operator.localTracked] : []];
    case "tracked":
      return [operator.localTracked];
    case "unread":
      return [operator.ignoreUnread(outcome.file)];
    case "failed":
      return [operator.ignoreFailed(outcome.file, outcome.detail)];
  }
}
function read(path2, deps) {
  try {
    return readSettingsFile(path2, deps.fs);
  } catch (error) {
    throw settingsProblem(error);
  }
}
function edit(change, path2) {
  try {
    return change();
  } catch (error) {
    if (error instanceof SettingsError && error.code === "ESHAPE") throw new UserError(operator.settingsShape(path2, error.message), 1, error.code);
    throw error;
  }
}
function write(file, settings2, changes, dryRun, deps, verb) {
  if (!dryRun) {
    try {
      writeSettingsFile(file, renderSettings(settings2, file.layout), deps.fs, deps.writeFileAtomic);
    } catch (error) {
      throw settingsProblem(error);
    }
  }
  return [dryRun ? operator.wouldChange(file.path) : verb === "install" ? operator.installed(file.path) : operator.uninstalled(file.path), ...changes.map(changeLine)];
}
function remove2(file, removeDirectory, changes, dryRun, deps) {
  const lines = [dryRun ? operator.wouldChange(file.path) : operator.uninstalled(file.path), ...changes.map(changeLine)];
  const dir = (0, import_node_path10.dirname)(file.path);
  if (dryRun) return [...lines, operator.wouldRemoveEmptyFile(file.path)];
  let removed;
  try {
    removed = removeSettingsFile(file, deps.fs, removeDirectory);
  } catch (error) {
    throw settingsProblem(error);
  }
  return [...lines, operator.removedEmptyFile(file.path), ...removed.directory ? [operator.removedEmptyDirectory(dir)] : []];
}
function otherAgent(options) {
  const agent = options.agent ?? "claude";
  if (!isAgentName(agent)) throw new UserError(operator.invalidAgent(agent), 2);
  return agent === "claude" ? null : agent;
}
function codexHome(deps) {
  const set = deps.env.CODEX_HOME;
  if (set === void 0 || set === "") return (0, import_node_path10.join)(homeDir(deps.env), ".codex");
  try {
    return deps.fs.realpathSync(set);
  } catch {
    return set;
  }
}
function agentHooksPath(agent, scope, deps) {
  if (scope === "local") throw new UserError(operator.agentScope(agent), 2);
  const home = homeDir(deps.env);
  const project = scope === "project";
  switch (agent) {
    case "codex":
      return project ? (0, import_node_path10.join)(projectRoot(deps), ".codex", "hooks.json") : (0, import_node_path10.join)(codexHome(deps), "hooks.json");
    case "gemini":
      return (0, import_node_path10.join)(project ? projectRoot(deps) : home, ".gemini", "settings.json");
    case "cursor":
      return (0, import_node_path10.join)(project ? projectRoot(deps) : home, ".cursor", "hooks.json");
    case "copilot": {
      const copilotHome = deps.env.COPILOT_HOME || (0, import_node_path10.join)(home, ".copilot");
      return project ? (0, import_node_path10.join)(projectRoot(deps), ".github", "hooks", COPILOT_FILE) : (0, import_node_path10.join)(copilotHome, "hooks", COPILOT_FILE);
    }
  }
}
async function installAgent(agent, options, deps) {
  const scope = parseScope(options.scope);
  const dryRun = options.dryRun === true;
  const path2 = agentHooksPath(agent, scope, deps);
  const file = read(path2, deps);
  const { prefix, onPath } = launcher(deps);
  const { settings: settings2, changes } = edit(() => AGENT_WIRING[agent].install(file.value, prefix), path2);
  const trust = agent === "codex" ? codexTrust(path2, settings2, deps) : null;
  const lines = changes.length === 0 ? [operator.alreadyInstalled(file.path)] : write(file, settings2, changes, dryRun, deps, "install");
  if (trust?.text != null) lines.push(...trustWrite(trust, dryRun, deps));
  if (!onPath && scope === "project") lines.push(operator.absolutePathInShared(prefix));
  if (agent === "gemini" && isObject(settings2.hooksConfig) && settings2.hooksConfig.enabled === false) lines.push(operator.geminiHooksOff(path2));
  if (agent === "codex" && scope === "project" && !projectTrusted(readText(trust.path, deps) ?? "", (0, import_node_path10.dirname)((0, import_node_path10.dirname)(path2)))) {
    lines.push(operator.codexProjectUntrusted((0, import_node_path10.dirname)((0, import_node_path10.dirname)(path2)), trust.path));
  }
  if (changes.length > 0 || trust?.text != null) lines.push(dryRun ? operator.dryRunNothingWritten : operator.runningSessionsKeepHooks);
  return trustResult(lines, trust);
}
async function uninstallAgent(agent, options, deps) {
  const scope = parseScope(options.scope);
  const dryRun = options.dryRun === true;
  const path2 = agentHooksPath(agent, scope, deps);
  const wiring = AGENT_WIRING[agent];
  const file = read(path2, deps);
  const { settings: settings2, changes } = edit(() => wiring.uninstall(file.value), path2);
  const trust = agent === "codex" ? codexTrust(path2, null, deps) : null;
  if (changes.length === 0 && trust?.text == null) return trustResult([operator.nothingToUninstall(file.path)], trust);
  const emptied = Object.keys(settings2).every((key) => wiring.ownFile && key === "version");
  const lines = changes.length === 0 ? [] : emptied ? remove2(file, scope !== "user", changes, dryRun, deps) : write(file, settings2, changes, dryRun, deps, "uninstall");
  if (trust?.text != null) lines.push(...trustWrite(trust, dryRun, deps));
  lines.push(dryRun ? operator.dryRunNothingWritten : operator.runningSessionsKeepHooks);
  return trustResult(lines, trust);
}
function codexTrust(hooksPath, hooks, deps) {
  const path2 = (0, import_node_path10.join)(codexHome(deps), "config.toml");
  const found = readText(path2, deps);
  const before = found ?? "";
  const line = hooks === null ? operator.trustRemoved(path2) : operator.trustRecorded(path2);
  try {
    const after = hooks === null ? withoutTrust(before, hooksPath) : withTrust(before, hooksPath, trustEntries(hooksPath, hooks));
    return { path: path2, exists: found !== null, text: after === before ? null : after, line, problem: null };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { path: path2, exists: found !== null, text: null, line, problem: operator.trustFailed(path2, error.message) };
  }
}
function trustWrite(trust, dryRun, deps) {
  if (!dryRun) {
    try {
      writeSettingsFile({ path: trust.path, exists: trust.exists, text: "", value: {}, layout: { indent: 2, eol: "\n", finalNewline: true, bom: false } }, trust.text, deps.fs, deps.writeFileAtomic);
    } catch (error) {
      throw settingsProblem(error);
    }
  }
  return [trust.line];
}
function trustResult(lines, trust) {
  const failed2 = trust?.problem != null;
  return { exitCode: failed2 ? 1 : 0, stdout: `${lines.join("\n")}
`, ...failed2 && { stderr: `${trust.problem}
` } };
}
function readText(path2, deps) {
  try {
    return deps.fs.readFileSync(path2, "utf8");
  } catch (error) {
    if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR") return null;
    throw new UserError(operator.settingsShape(path2, messageOf(error)), 1, "EREAD");
  }
}
function settingsProblem(error) {
  if (!(error instanceof SettingsError)) throw error;
  switch (error.code) {
    case "EJSON":
      return new UserError(operator.settingsInvalidJson(error.message), 1, error.code);
    case "EREADONLY":
      return new UserError(operator.settingsReadOnly(error.path ?? "", error.message), 1, error.code);
    default:
      return new UserError(error.message, 1, error.code);
  }
}
function changeLine(change) {
  switch (change.kind) {
    case "add":
      return operator.added(change.event, change.command);
    case "update":
      if (change.previous !== change.command) return operator.updated(change.event, change.previous ?? "", change.command);
      return change.why === "matcher" ? operator.movedToOwnGroup(change.event, change.command) : operator.timeoutSet(change.event, change.command);
    case "remove":
      return operator.removed(change.event, change.command, change.why === "duplicate" || change.why === "wrong-event" ? change.why : null);
  }
}

// src/settings/matcher.ts
function readMatcher(matcher, toolEvent = true) {
  if (matcher === void 0 || matcher === null || matcher === "" || matcher === "*") return { kind: "all", names: [] };
  if (typeof matcher !== "string") return { kind: "invalid", names: [] };
  const plain2 = toolEvent ? /^[a-zA-Z0-9_|, -]+$/ : /^[a-zA-Z0-9_|]+$/;
  if (plain2.test(matcher)) {
    const names = matcher.split(toolEvent ? /[|,]/ : "|").map((name) => name.trim()).filter(Boolean);
    return { kind: "names", names };
  }
  try {
    new RegExp(matcher);
    return { kind: "regex", names: [] };
  } catch {
    return { kind: "invalid", names: [] };
  }
}
function matcherMatches(matcher, name, toolEvent = true) {
  const reading = readMatcher(matcher, toolEvent);
  switch (reading.kind) {
    case "all":
      return true;
    case "names":
      return reading.names.includes(name);
    case "regex":
      return new RegExp(matcher).test(name);
    case "invalid":
      return false;
  }
}

// src/commands/wiring.ts
var HOME_EVENTS = {
  pretooluse: ["PreToolUse"],
  posttooluse: ["PostToolUse", "PostToolUseFailure"],
  stop: ["Stop", "SessionEnd", "StopFailure", "SubagentStop"],
  sessionstart: ["SessionStart"]
};
function check(id, status, message, hint = null) {
  return { id, status, message, hint };
}
function registrations(sources) {
  const found = [];
  for (const source of sources) {
    const hooks = source.value?.hooks;
    if (!isObject(hooks)) continue;
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) continue;
      for (const group of groups) {
        if (!isObject(group) || !Array.isArray(group.hooks)) continue;
        for (const hook2 of group.hooks) {
          if (!isObject(hook2) || hook2.type !== void 0 && hook2.type !== "command") continue;
          const guard = parseGuardCommand(hook2.command);
          if (guard) found.push({ source, event, matcher: group.matcher, hook: hook2, command: String(hook2.command), guard });
        }
      }
    }
  }
  return found;
}
function sourceCheck(source, ours2) {
  const id = `settings:${source.label}`;
  if (source.problem) return check(id, source.problem.status, source.problem.message, source.problem.hint);
  const hooks = source.value?.hooks;
  if (hooks !== void 0 && !isObject(hooks)) return check(id, "fail", doctor.hooksNotObject(source.path), doctor.fixByHand);
  const count2 = ours2.filter((r) => r.source === source).length;
  return check(id, "pass", doctor.sourceRead(source.label, source.path, count2));
}
function where(regs) {
  return [...new Set(regs.map((r) => r.source.label))].join(", ");
}
function toolCheck(regs, event, subcommand) {
  const id = event === "PostToolUseFailure" ? "posttoolusefailure" : subcommand;
  const mine = regs.filter((r) => r.event === event && r.guard.subcommand === subcommand);
  if (mine.length === 0) return check(id, event === "PostToolUseFailure" ? "warn" : "fail", doctor.notRegistered(event, subcommand), doctor.runInstall);
  const invalid = mine.filter((r) => readMatcher(r.matcher, true).kind === "invalid");
  const uncovered = GUARDED_TOOLS.filter((tool) => !mine.some((r) => matcherMatches(r.matcher, tool, true)));
  if (uncovered.length > 0) {
    const matchers = mine.map((r) => JSON.stringify(r.matcher ?? "")).join(", ");
    const hint = invalid.length > 0 ? doctor.invalidMatcherHint : doctor.matcherHint;
    return check(id, "fail", doctor.uncovered(event, subcommand, uncovered.join(", "), matchers), hint);
  }
  const asyncHooks = mine.filter((r) => r.hook.async === true);
  if (subcommand === "pretooluse" && asyncHooks.length === mine.length) {
    return check(id, "fail", doctor.asyncPreToolUse(where(asyncHooks)), doctor.removeAsync);
  }
  return check(id, "pass", doctor.covered(event, subcommand, GUARDED_TOOLS.join(", "), where(mine)));
}
function lifecycleCheck(regs, event) {
  const id = event.toLowerCase();
  const mine = regs.filter((r) => r.event === event && r.guard.subcommand === "stop");
  if (mine.length === 0) return check(id, event === "StopFailure" ? "warn" : "fail", doctor.notRegistered(event, "stop"), doctor.runInstall);
  if (event === "SessionEnd" && !mine.some((r) => readMatcher(r.matcher, false).kind === "all")) {
    const matchers = mine.map((r) => JSON.stringify(r.matcher)).join(", ");
    return check(id, "warn", doctor.sessionEndFiltered(matchers), doctor.dropMatcher);
  }
  return check(id, "pass", doctor.lifecycleOk(event, "stop", where(mine)));
}
function placementCheck(regs) {
  const misplaced = regs.filter((r) => !(HOME_EVENTS[r.guard.subcommand] ?? []).includes(r.event));
  if (misplaced.length === 0) return check("placement", "pass", doctor.placementOk);
  const list = misplaced.map((r) => doctor.misplacedOne(r.guard.subcommand, r.event, r.source.label)).join("; ");
  return check("placement", "fail", doctor.misplaced(list), doctor.runInstall);
}
function runIdentity(reg) {
  return reg.source.pluginRoot !== void 0 ? `${reg.source.label}\0${reg.command}` : reg.command;
}
function duplicatesCheck(regs) {
  const groups = /* @__PURE__ */ new Map();
  for (const r of regs) {
    const key = `${r.event} ${r.guard.subcommand}`;
    groups.set(key, [...groups.get(key) ?? [], r]);
  }
  const twice = [];
  let merged = false;
  for (const [key, list] of groups) {
    const perCall = TOOL_EVENTS.has(list[0].event) ? GUARDED_TOOLS.map((tool) => list.filter((r) => matcherMatches(r.matcher, tool, true))) : [list];
    const worst = perCall.reduce((a, b) => distinct(b).length > distinct(a).length ? b : a, []);
    const runs = distinct(worst);
    if (runs.length > 1) twice.push(doctor.duplicateOne(key, runs.length, runs.map((r) => `${r.source.label}: ${r.command}`).join("; ")));
    else if (list.length > 1) merged = true;
  }
  if (twice.length > 0) return check("duplicates", "warn", doctor.duplicates(twice.join("; ")), doctor.duplicatesHint);
  return check("duplicates", "pass", merged ? doctor.identicalRunOnce : doctor.noDuplicates);
}
function distinct(regs) {
  const seen = /* @__PURE__ */ new Map();
  for (const r of regs) if (!seen.has(runIdentity(r))) seen.set(runIdentity(r), r);
  return [...seen.values()];
}
var TOOL_EVENTS = /* @__PURE__ */ new Set(["PreToolUse", "PostToolUse", "PostToolUseFailure"]);
var WAIT_MARGIN_S = 5;
function waitOf(reg) {
  if (reg.guard.subcommand !== "pretooluse") return 0;
  const match = /(?:^|\s)--wait(?:=|\s+)(\d+)(?:\s|$)/.exec(reg.guard.args);
  return match ? Number(match[1]) : 0;
}
function timeoutCheck(regs) {
  if (regs.length === 0) return check("timeout", "info", doctor.noHooksForTimeout);
  const invalid = regs.filter((r) => r.hook.timeout !== void 0 && !(typeof r.hook.timeout === "number" && r.hook.timeout > 0));
  if (invalid.length > 0) {
    return check("timeout", "fail", doctor.timeoutInvalid(describeTimeouts(invalid)), doctor.timeoutHint);
  }
  const short = regs.filter((r) => waitOf(r) > 0 && typeof r.hook.timeout === "number" && r.hook.timeout < waitOf(r) + WAIT_MARGIN_S);
  if (short.length > 0) return check("timeout", "fail", doctor.timeoutUnderWait(short.map((r) => `${r.event} ${r.guard.subcommand}: timeout ${r.hook.timeout} s, --wait ${waitOf(r)}`).join(", "), WAIT_MARGIN_S), doctor.timeoutUnderWaitHint(WAIT_MARGIN_S));
  const missing2 = regs.filter((r) => r.hook.timeout === void 0);
  const odd = regs.filter((r) => typeof r.hook.timeout === "number" && (r.hook.timeout < SANE_TIMEOUT_S.min || r.hook.timeout > SANE_TIMEOUT_S.max + waitOf(r)));
  if (missing2.length > 0) return check("timeout", "warn", doctor.timeoutMissing(describeCommands(missing2)), doctor.timeoutHint);
  if (odd.length > 0) return check("timeout", "warn", doctor.timeoutOdd(describeTimeouts(odd)), doctor.timeoutHint);
  const values = [...new Set(regs.map((r) => r.hook.timeout))].sort((a, b) => a - b);
  return check("timeout", "pass", doctor.timeoutOk(values.map((v) => `${v} s`).join(", ")));
}
function describeTimeouts(regs) {
  return regs.map((r) => `${r.event} ${r.guard.subcommand}: ${JSON.stringify(r.hook.timeout)}`).join(", ");
}
function describeCommands(regs) {
  return regs.map((r) => `${r.event} ${r.guard.subcommand}`).join(", ");
}
function sessionStartCheck(regs) {
  const mine = regs.filter((r) => r.event === "SessionStart" && r.guard.subcommand === "sessionstart");
  if (mine.length === 0) return check("sessionstart", "info", doctor.noSessionStart);
  return check("sessionstart", "pass", doctor.lifecycleOk("SessionStart", "sessionstart", where(mine)));
}
function reachCheck(regs) {
  const known = regs.filter((r) => r.source.reach !== void 0);
  if (known.length === 0) return null;
  const every = known.filter((r) => r.source.reach.kind === "every");
  if (every.length > 0) return check("reach", "pass", doctor.reachEvery(where(every)));
  const widest = known.find((r) => r.source.reach.kind === "repository") ?? known[0];
  const reach2 = widest.source.reach;
  const by = `${widest.source.label} settings`;
  const message = reach2.kind === "repository" ? reach.repository(by, reach2.root) : reach.startOnly(by, reach2.root, widest.source.scope === "local" ? "local" : "project", null);
  return check("reach", "warn", message.replace(/\.$/, ""), doctor.reachHint);
}
function wiringChecks(sources) {
  const regs = registrations(sources);
  return [
    ...sources.map((s) => sourceCheck(s, regs)),
    toolCheck(regs, "PreToolUse", "pretooluse"),
    toolCheck(regs, "PostToolUse", "posttooluse"),
    toolCheck(regs, "PostToolUseFailure", "posttooluse"),
    lifecycleCheck(regs, "Stop"),
    lifecycleCheck(regs, "StopFailure"),
    lifecycleCheck(regs, "SessionEnd"),
    placementCheck(regs),
    ...reachCheck(regs) === null ? [] : [reachCheck(regs)],
    duplicatesCheck(regs),
    timeoutCheck(regs),
    sessionStartCheck(regs)
  ];
}
function checkLine(check2, paint = plain) {
  const status = check2.status === "fail" || check2.status === "warn" ? check2.status.toUpperCase() : check2.status;
  const word = paint(STATUS_STYLE[check2.status], status) + " ".repeat(Math.max(0, 4 - status.length));
  return doctor.line(word, check2.id, check2.message, check2.hint);
}
var STATUS_STYLE = { pass: "good", info: "note", warn: "warn", fail: "bad" };

// src/commands/agentDoctor.ts
var WRITING_TOOLS = {
  codex: ["Bash", "apply_patch"],
  gemini: ["write_file", "replace", "run_shell_command"],
  cursor: ["Shell", "Write"],
  copilot: ["bash", "edit", "create"]
};
var NAMES = { codex: "Codex CLI", gemini: "Gemini CLI", cursor: "Cursor", copilot: "Copilot CLI" };
function agentChecks(deps) {
  const checks = [];
  for (const agent of Object.keys(AGENT_WIRING)) {
    for (const scope of ["user", "project"]) {
      let path2;
      try {
        path2 = agentHooksPath(agent, scope, deps);
      } catch {
        continue;
      }
      checks.push(...fileChecks(agent, scope, path2, deps));
    }
  }
  return checks;
}
function fileChecks(agent, scope, path2, deps) {
  const id = `${agent}:${scope}`;
  const hint = doctor.agentInstallHint(agent, scope);
  let file;
  try {
    const read2 = readSettingsFile(path2, deps.fs);
    if (!read2.exists) return [];
    file = read2.value;
  } catch (error) {
    if (!safeText(path2, deps).includes("claude-session-guard")) return [];
    return [check(id, "fail", messageOf(error), doctor.fixJsonHint)];
  }
  const wiring = AGENT_WIRING[agent];
  const ours2 = wiring.ours(file);
  if (ours2.length === 0) return [];
  const checks = [check(id, "pass", doctor.agentFile(NAMES[agent], path2, ours2.length))];
  const problems = wiring.events.flatMap((spec) => missing(agent, spec, ours2));
  checks.push(problems.length > 0 ? check(`${id}:hooks`, "fail", doctor.agentHooksMissing(NAMES[agent], problems.join("; ")), hint) : check(`${id}:hooks`, "pass", doctor.agentHooksOk(NAMES[agent], WRITING_TOOLS[agent].join(", "))));
  const sane = agent === "gemini" ? { min: SANE_TIMEOUT_S.min * 1e3, max: SANE_TIMEOUT_S.max * 1e3 } : SANE_TIMEOUT_S;
  const odd = ours2.filter((o) => o.timeout === void 0 || !isSaneTimeout(o.timeout, sane));
  if (odd.length > 0) checks.push(check(`${id}:timeout`, "warn", doctor.agentTimeouts(odd.map((o) => `${o.event} ${o.subcommand}: ${o.timeout ?? "none"}`).join(", "), agent === "gemini" ? "ms" : "s"), hint));
  if (agent === "codex") checks.push(...codexChecks(id, scope, path2, file, deps));
  if (agent === "gemini" && isObject(file.hooksConfig) && file.hooksConfig.enabled === false) checks.push(check(`${id}:enabled`, "fail", doctor.geminiHooksOff(path2), doctor.geminiHooksOffHint));
  return checks;
}
function missing(agent, spec, ours2) {
  const found = ours2.filter((o) => o.event === spec.event && o.subcommand === spec.subcommand);
  if (found.length === 0) return [doctor.agentNoHook(spec.event, spec.subcommand)];
  if (!found.some((o) => o.agent === agent)) return [doctor.agentNotNamed(spec.event, spec.subcommand, agent)];
  if (spec.matcher === void 0 && !found.some((o) => o.matcher !== void 0)) return [];
  const uncovered = WRITING_TOOLS[agent].filter((tool) => !found.some((o) => matches(agent, o.matcher, tool)));
  return uncovered.length > 0 ? [doctor.agentUncovered(spec.event, spec.subcommand, uncovered.join(", "))] : [];
}
function matches(agent, matcher, tool) {
  if (matcher === void 0 || matcher === "" || matcher === "*") return true;
  try {
    return new RegExp(agent === "copilot" ? `^(?:${matcher})$` : matcher).test(tool);
  } catch {
    return matcher === tool;
  }
}
function codexChecks(id, scope, path2, file, deps) {
  const config = (0, import_node_path11.join)(codexHome(deps), "config.toml");
  const text = safeText(config, deps);
  const checks = [];
  const untrusted = trustEntries(path2, file).filter((entry) => recordedHash(text, entry.key) !== entry.hash);
  checks.push(
    untrusted.length === 0 ? check(`${id}:trust`, "pass", doctor.codexTrusted(config)) : check(`${id}:trust`, "fail", doctor.codexUntrusted(untrusted.length, config), doctor.codexUntrustedHint(scope))
  );
  if (scope === "project") {
    const root = (0, import_node_path11.dirname)((0, import_node_path11.dirname)(path2));
    if (!projectTrusted(text, root)) checks.push(check(`${id}:project`, "fail", doctor.codexProjectUntrusted(root, config), doctor.codexProjectUntrustedHint(root)));
  }
  return checks;
}
function safeText(path2, deps) {
  try {
    return deps.fs.readFileSync(path2, "utf8");
  } catch {
    return "";
  }
}

// src/commands/doctor.ts
var SELF_TEST_MAX_MS = 3e4;
async function doctorCommand(options, deps) {
  const choice = options.store !== void 0 ? operatorStoreChoice(deps.env, options.store) : choiceOrProblem(deps.env);
  const given = options.settings ?? [];
  const sources = given.length > 0 ? givenSources(given, deps) : defaultSources(deps);
  sources.push(...pluginSources(sources, deps));
  const regs = registrations(sources);
  const agents = given.length === 0 ? agentChecks(deps) : [];
  if (given.length === 0 && regs.length === 0 && !sources.some((s) => s.problem !== void 0 && s.problem.status !== "info")) {
    if (agents.length === 0) return notInstalled(options, deps);
    return report([check("installed", "info", doctor.notInstalled(`${deps.selfInvocation()} install`)), ...agents], options, deps, doctor.agentsGood);
  }
  const checks = wiringChecks(sources);
  const rootCheck = given.length === 0 ? rootSettingsCheck(deps) : null;
  if (rootCheck) checks.push(rootCheck);
  checks.push(...agents);
  checks.push(...executableChecks(regs, deps));
  if (!checks.some((c) => c.id === "executable" && c.status === "fail")) checks.push(await selfTest(regs, deps, options.store));
  checks.push(...await storeChecks(choice, deps));
  const disabled = disableCheck(deps.env.CLAUDE_SESSION_GUARD_DISABLE);
  if (disabled) checks.push(disabled);
  checks.push(check("running-sessions", "info", doctor.runningSessions));
  return report(checks, options, deps, doctor.allGood);
}
function report(checks, options, deps, allGood) {
  const ok = !checks.some((c) => c.status === "fail");
  if (options.json) return { exitCode: ok ? 0 : 1, stdout: `${JSON.stringify({ checks, ok }, null, 2)}
` };
  const paint = deps.paint ?? plain;
  return { exitCode: ok ? 0 : 1, stdout: `${checks.map((c) => checkLine(c, paint)).join("\n")}
${summary(checks, paint, allGood)}
` };
}
function summary(checks, paint, allGood) {
  if (checks.some((c) => c.status === "fail")) return paint("bad", doctor.someFailed);
  const warnings = checks.filter((c) => c.status === "warn").length;
  return warnings > 0 ? paint("warn", doctor.passedWithWarnings(warnings)) : paint("good", allGood);
}
function disableCheck(raw) {
  const on = switchOf(raw);
  if (on === true) return check("disabled", "warn", doctor.disabled(raw ?? ""), doctor.disabledHint);
  if (on === null) return check("disabled", "warn", doctor.disableNotASwitch(raw ?? ""), doctor.disableNotASwitchHint);
  return null;
}
function notInstalled(options, deps) {
  const here = startDirectory2(deps);
  const root = workspaceRoot(deps);
  const install = `${deps.selfInvocation()} install`;
  const atRoot = root !== here && registrations([load("project", (0, import_node_path12.join)(root, ".claude", "settings.json"), deps, false)]).length > 0;
  const message = atRoot ? doctor.notGuardedHere(root, here, install) : doctor.notInstalled(install);
  if (options.json) return { exitCode: 1, stdout: `${JSON.stringify({ checks: [check("installed", "fail", message)], ok: false }, null, 2)}
` };
  return { exitCode: 1, stdout: `${(deps.paint ?? plain)("bad", message)}
` };
}
function workspaceRoot(deps) {
  try {
    return resolveWorkspace({}, deps.cwd, deps.fs).path;
  } catch {
    return deps.cwd;
  }
}
function defaultSources(deps) {
  const here = startDirectory2(deps);
  const context = { fs: deps.fs, uid: deps.uid, home: homeDir(deps.env) };
  const [nearest, ...roots] = localSettingsPaths(here, context);
  const sources = [
    { ...load("user", (0, import_node_path12.join)(claudeConfigDir(deps.env), "settings.json"), deps, false), reach: { kind: "every" } },
    { ...load("project", (0, import_node_path12.join)(here, ".claude", "settings.json"), deps, false), reach: reachOf("project", here, context), scope: "project" },
    { ...load("local", nearest, deps, false), reach: reachOf("local", here, context), scope: "local" }
  ];
  for (const path2 of roots) {
    const root = (0, import_node_path12.dirname)((0, import_node_path12.dirname)(path2));
    sources.push({ ...load("repository local", path2, deps, false), reach: { kind: "repository", root }, scope: "local" });
  }
  return sources;
}
function startDirectory2(deps) {
  try {
    return deps.fs.realpathSync(deps.cwd);
  } catch {
    return deps.cwd;
  }
}
function rootSettingsCheck(deps) {
  const here = startDirectory2(deps);
  const root = workspaceRoot(deps);
  if (root === here) return null;
  if (registrations([load("project", (0, import_node_path12.join)(root, ".claude", "settings.json"), deps, false)]).length === 0) return null;
  return check("start-directory", "info", doctor.rootNotRead(root, here), null);
}
function givenSources(paths, deps) {
  return paths.map((given) => {
    const path2 = (0, import_node_path12.resolve)(deps.cwd, given);
    if (isDirectory(path2, deps) && exists2((0, import_node_path12.join)(path2, "hooks", "hooks.json"), deps)) {
      return load(given, (0, import_node_path12.join)(path2, "hooks", "hooks.json"), deps, true, path2);
    }
    const pluginRoot = (0, import_node_path12.dirname)((0, import_node_path12.dirname)(path2));
    const isPluginHooks = (0, import_node_path12.basename)(path2) === "hooks.json" && (0, import_node_path12.basename)((0, import_node_path12.dirname)(path2)) === "hooks" && exists2((0, import_node_path12.join)(pluginRoot, ".claude-plugin", "plugin.json"), deps);
    return load(given, path2, deps, true, isPluginHooks ? pluginRoot : void 0);
  });
}
function load(label, path2, deps, given, pluginRoot) {
  const base = { label, path: path2, ...pluginRoot !== void 0 && { pluginRoot } };
  try {
    const file = readSettingsFile(path2, deps.fs);
    if (!file.exists) {
      return given ? { ...base, value: null, problem: { status: "fail", message: doctor.givenMissing(path2), hint: doctor.givenMissingHint } } : { ...base, value: null, problem: { status: "info", message: doctor.sourceMissing(label, path2), hint: null } };
    }
    return { ...base, value: file.value };
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { ...base, value: null, problem: { status: "fail", message: error.message, hint: doctor.fixJsonHint } };
  }
}
function pluginSources(sources, deps) {
  const enabled = /* @__PURE__ */ new Map();
  for (const source of sources) {
    const plugins = source.value?.enabledPlugins;
    if (!isObject(plugins)) continue;
    for (const [id, on] of Object.entries(plugins)) {
      if (!id.startsWith(`${PLUGIN_NAME}@`)) continue;
      const wider = enabled.get(id)?.reach?.kind === "every" && on === true ? enabled.get(id).reach : source.reach;
      enabled.set(id, { on: on === true, reach: wider });
    }
  }
  const ids = [...enabled].filter(([, e]) => e.on);
  if (ids.length === 0) return [];
  const installed = installedPlugins(deps);
  return ids.map(([id, { reach: reach2 }]) => {
    const root = installed.get(id);
    const label = `plugin ${id}`;
    const known = reach2 === void 0 ? {} : { reach: reach2 };
    if (root === void 0) {
      return {
        label,
        path: id,
        value: null,
        ...known,
        problem: { status: "warn", message: doctor.pluginNotFound(id), hint: doctor.pluginNotFoundHint(id) }
      };
    }
    return { ...load(label, (0, import_node_path12.join)(root, "hooks", "hooks.json"), deps, true, root), ...known };
  });
}
function installedPlugins(deps) {
  const roots = /* @__PURE__ */ new Map();
  try {
    const file = readSettingsFile((0, import_node_path12.join)(claudeConfigDir(deps.env), "plugins", "installed_plugins.json"), deps.fs);
    const plugins = file.value.plugins;
    if (!isObject(plugins)) return roots;
    for (const [id, installs] of Object.entries(plugins)) {
      const first = Array.isArray(installs) ? installs.find((i) => isObject(i) && typeof i.installPath === "string") : void 0;
      if (isObject(first)) roots.set(id, first.installPath);
    }
  } catch {
  }
  return roots;
}
function expansions(reg, deps) {
  const vars = {};
  for (const [k, v] of Object.entries(deps.env)) if (v !== void 0) vars[k] = v;
  vars.CLAUDE_PROJECT_DIR ??= workspaceRoot(deps);
  if (reg.source.pluginRoot !== void 0) vars[PLUGIN_ROOT_VAR] = reg.source.pluginRoot;
  else delete vars[PLUGIN_ROOT_VAR];
  return vars;
}
function executableChecks(regs, deps) {
  if (regs.length === 0) return [check("executable", "fail", doctor.nothingToRun, doctor.runInstall)];
  const problems = [];
  const unsure = [];
  const resolved = /* @__PURE__ */ new Set();
  for (const reg of unique(regs)) {
    const words = commandWords(reg.command, expansions(reg, deps));
    if (words === null || words.length === 0) {
      unsure.push(reg.command);
      continue;
    }
    const [program2, ...args] = words;
    const found = findOnPath(program2, deps.env.PATH, deps.fs, deps.cwd);
    if (found === null) {
      problems.push(doctor.notExecutable(program2, reg.event, reg.source.label));
      continue;
    }
    if (/(^|\/)node$/.test(program2) && args[0] !== void 0 && !args[0].startsWith("-")) {
      const script = (0, import_node_path12.resolve)(deps.cwd, args[0]);
      if (!exists2(script, deps)) {
        problems.push(doctor.scriptMissing(script, reg.event, reg.source.label));
        continue;
      }
      resolved.add(`${found} ${script}`);
    } else {
      resolved.add(found);
    }
  }
  if (problems.length > 0) return [check("executable", "fail", problems.join("; "), doctor.notExecutableHint)];
  if (unsure.length > 0) return [check("executable", "warn", doctor.cannotParse(unsure.join("; ")), doctor.cannotParseHint)];
  return [check("executable", "pass", doctor.executableOk([...resolved].join(", ")))];
}
function unique(regs) {
  const seen = /* @__PURE__ */ new Set();
  return regs.filter((r) => {
    const key = `${r.command}\0${r.source.pluginRoot ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
async function selfTest(regs, deps, storeFlag) {
  const pick = (event, sub) => regs.find((r) => r.event === event && r.guard.subcommand === sub);
  const pre = pick("PreToolUse", "pretooluse");
  if (pre === void 0) return check("self-test", "fail", doctor.selfTestNoPre, doctor.runInstall);
  const post = pick("PostToolUse", "posttooluse");
  const stop = pick("Stop", "stop") ?? pick("SessionEnd", "stop");
  const base = deps.fs.mkdtempSync((0, import_node_path12.join)(deps.tmpDir, "claude-session-guard-doctor-"));
  const started = deps.clock.now();
  try {
    const workspace2 = (0, import_node_path12.join)(base, "workspace");
    for (const dir of ["config", "home", "state", "workspace"]) deps.fs.mkdirSync((0, import_node_path12.join)(base, dir), { recursive: true });
    const env3 = {
      ...deps.env,
      HOME: (0, import_node_path12.join)(base, "home"),
      CLAUDE_CONFIG_DIR: (0, import_node_path12.join)(base, "config"),
      XDG_STATE_HOME: (0, import_node_path12.join)(base, "state"),
      CLAUDE_SESSION_GUARD_WORKSPACE: workspace2,
      CLAUDE_PROJECT_DIR: workspace2
    };
    for (const name of ["CLAUDE_SESSION_GUARD_DISABLE", "CLAUDE_SESSION_GUARD_WORKSPACE_ID", "CLAUDE_SESSION_GUARD_TTL_MS", PLUGIN_ROOT_VAR]) {
      delete env3[name];
    }
    if (storeFlag !== void 0) env3.CLAUDE_SESSION_GUARD_STORE = storeFlag;
    const call = async (reg, session, event) => {
      const payload = {
        session_id: session,
        transcript_path: (0, import_node_path12.join)(base, `${session}.jsonl`),
        cwd: workspace2,
        permission_mode: "default",
        hook_event_name: event,
        ...event === "PreToolUse" || event === "PostToolUse" ? { tool_name: "Write", tool_input: { file_path: (0, import_node_path12.join)(workspace2, "doctor.txt"), content: "doctor\n" } } : {},
        ...event === "PostToolUse" ? { tool_response: { type: "create" } } : {},
        ...event === "Stop" ? { stop_hook_active: false } : {}
      };
      const timeoutMs = Math.min(SELF_TEST_MAX_MS, typeof reg.hook.timeout === "number" && reg.hook.timeout > 0 ? reg.hook.timeout * 1e3 : 5e3);
      const runEnv = reg.source.pluginRoot !== void 0 ? { ...env3, [PLUGIN_ROOT_VAR]: reg.source.pluginRoot } : env3;
      return { reg, event, result: await deps.runShell(reg.command, JSON.stringify(payload), runEnv, timeoutMs) };
    };
    const a = "doctor-self-test-a";
    const b = "doctor-self-test-b";
    const steps = [
      { expect: "allow", run: () => call(pre, a, "PreToolUse") },
      { expect: "deny", run: () => call(pre, b, "PreToolUse") },
      ...post ? [{ expect: "allow", run: () => call(post, a, "PostToolUse") }] : [],
      ...stop ? [
        { expect: "allow", run: () => call(stop, a, stop.event) },
        { expect: "allow", run: () => call(pre, b, "PreToolUse") },
        { expect: "allow", run: () => call(stop, b, stop.event) }
      ] : []
    ];
    for (const step of steps) {
      const { reg, event, result } = await step.run();
      const problem = answerProblem(result, step.expect);
      if (problem !== null) {
        return check("self-test", "fail", doctor.selfTestFailed(reg.command, event, step.expect === "deny", problem), doctor.selfTestHint);
      }
    }
    return check("self-test", "pass", doctor.selfTestOk(steps.length, deps.clock.now() - started));
  } finally {
    deps.fs.rmSync(base, { recursive: true, force: true });
  }
}
function answerProblem(result, expect) {
  if (result.error !== void 0) return doctor.couldNotStart(result.error);
  if (result.timedOut) return doctor.timedOut;
  if (result.exitCode !== 0) return doctor.exitCode(result.exitCode, result.stderr.trim().split("\n")[0] ?? "");
  const out = result.stdout.trim();
  let answer = null;
  if (out !== "") {
    try {
      answer = JSON.parse(out);
    } catch {
      return doctor.notJson(out);
    }
  }
  if (isObject(answer) && typeof answer.systemMessage === "string") return doctor.failedOpen(answer.systemMessage);
  if (expect === "allow") return out === "" ? null : doctor.allowNotEmpty(out);
  const specific = isObject(answer) ? answer.hookSpecificOutput : void 0;
  if (!isObject(specific) || specific.hookEventName !== "PreToolUse" || specific.permissionDecision !== "deny") {
    return doctor.notADenial(out);
  }
  if (typeof specific.permissionDecisionReason !== "string" || specific.permissionDecisionReason === "") return doctor.denialWithoutReason;
  return null;
}
function runtimeDirCheck(deps) {
  const dir = runtimeDir(deps.env);
  const before = statQuietly(dir, deps);
  if (before !== void 0 && !before.isDirectory()) return check("runtime-dir", "fail", doctor.runtimeDirNotDirectory(dir), doctor.runtimeDirNotDirectoryHint(dir));
  if (before !== void 0 && deps.uid !== void 0 && before.uid !== deps.uid) {
    return check("runtime-dir", "fail", doctor.runtimeDirForeign(dir, before.uid), doctor.runtimeDirForeignHint(dir));
  }
  if (before !== void 0 && (before.mode & 18) !== 0) {
    return check("runtime-dir", "fail", doctor.runtimeDirOpen(dir, (before.mode & 511).toString(8)), doctor.runtimeDirOpenHint(dir));
  }
  const probe = (0, import_node_path12.join)(dir, `.doctor-probe-${Math.random().toString(36).slice(2, 10)}`);
  try {
    deps.fs.mkdirSync(dir, { recursive: true, mode: 448 });
    deps.fs.writeFileSync(probe, "probe\n", { flag: "wx", mode: 384 });
    deps.fs.unlinkSync(probe);
  } catch (error) {
    return check("runtime-dir", "fail", doctor.runtimeDirUnusable(dir, messageOf(error)), doctor.runtimeDirHint(dir));
  }
  return check("runtime-dir", "pass", doctor.runtimeDirOk(dir, before === void 0));
}
function noticesCheck(store) {
  const count2 = store.staleNotices?.(NOTICE_TTL_MS);
  if (count2 === void 0) return null;
  if (count2 === 0) return check("notices", "pass", doctor.noStaleNotices);
  return check("notices", "warn", doctor.staleNotices(count2), doctor.staleNoticesHint);
}
function choiceOrProblem(env3) {
  try {
    return chooseStore(env3, runtimeDir(env3));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    return check("store", "fail", doctor.storeUrlInvalid(error.message), doctor.storeUrlHint);
  }
}
async function storeChecks(choice, deps) {
  if ("status" in choice) return [choice];
  if (choice.kind === "file") return [runtimeDirCheck(deps), ...await lockChecks(choice, deps)];
  const checks = await lockChecks(choice, deps);
  return [...checks.filter((c) => c.id === "store"), workspaceIdCheck(deps), ...checks.filter((c) => c.id !== "store")];
}
function workspaceIdCheck(deps) {
  const id = deps.env.CLAUDE_SESSION_GUARD_WORKSPACE_ID;
  if (id === void 0 || id === "") return check("workspace-id", "warn", doctor.workspaceIdMissing, doctor.workspaceIdHint);
  return check("workspace-id", "pass", doctor.workspaceIdSet(id, LOCK_PREFIX + workspaceKey(id)));
}
async function lockChecks(choice, deps) {
  let workspace2 = null;
  let unresolved = null;
  try {
    workspace2 = resolveWorkspace(deps.env, deps.cwd, deps.fs);
  } catch (error) {
    unresolved = check("lock", "warn", messageOf(error), null);
  }
  if (choice.kind === "file" && workspace2 === null) return [unresolved];
  const key = workspace2?.key ?? workspaceKey(`doctor-probe:${deps.cwd}`);
  const store = await openOperatorStore(deps, choice);
  try {
    const path2 = store.location(key);
    const started = deps.clock.now();
    let snapshot;
    try {
      snapshot = await store.read(key);
    } catch (error) {
      if (choice.kind === "redis") {
        return [check("store", "fail", doctor.redisUnreachable(choice.redact(messageOf(error))), doctor.redisUnreachableHint(choice.display, choice.source))];
      }
      return [check("lock", "fail", doctor.lockUnreadable(messageOf(error)), unreadableHint(error, path2, deps))];
    }
    const checks = choice.kind === "redis" ? [check("store", "pass", doctor.redisOk(choice.display, deps.clock.now() - started))] : [];
    if (workspace2 === null) return [...checks, unresolved];
    const where2 = choice.kind === "redis" ? doctor.inStore(storeName(choice)) : "";
    const view = viewOf(key, path2, snapshot, deps.clock.now(), deps);
    if (view === null) checks.push(check("lock", "pass", doctor.noLock(workspace2.path, where2)));
    else if (view.judgement.state === "held") checks.push(check("lock", "info", doctor.lockHeld(workspace2.path, holderName(view.entry), view.entry.age_ms ?? 0, where2)));
    else if (view.judgement.state === "corrupt") checks.push(check("lock", "warn", doctor.lockCorrupt(workspace2.path, view.judgement.reason, where2), doctor.clearHint(workspace2.path)));
    else checks.push(check("lock", "warn", doctor.lockLeftOver(view.entry.state, workspace2.path, where2), doctor.clearHint(workspace2.path)));
    const notices = choice.kind === "file" ? noticesCheck(store) : null;
    if (notices !== null) checks.push(notices);
    return checks;
  } finally {
    await store.close();
  }
}
function unreadableHint(error, path2, deps) {
  switch (error instanceof StoreError ? error.code : void 0) {
    case "ENOTFILE":
      return doctor.lockUnreadableHint(path2);
    case "ENOTDIR":
      return doctor.runtimeDirNotDirectoryHint(runtimeDir(deps.env));
    case "EFOREIGN":
      return doctor.foreignLockHint;
    default:
      return null;
  }
}
function statQuietly(path2, deps) {
  try {
    return deps.fs.statSync(path2, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
function exists2(path2, deps) {
  return statQuietly(path2, deps) !== void 0;
}
function isDirectory(path2, deps) {
  return statQuietly(path2, deps)?.isDirectory() === true;
}

// src/commands/log.ts
var import_node_path14 = require("node:path");

// src/host/decisionLog.ts
var nodeFs3 = __toESM(require("node:fs"), 1);
var import_node_path13 = require("node:path");
var LOG_FILE = "decisions.jsonl";
var MAX_LOG_BYTES = 1024 * 1024;
function appendDecision(dir, entry, fs2 = nodeFs3, maxBytes = MAX_LOG_BYTES) {
  const path2 = (0, import_node_path13.join)(dir, LOG_FILE);
  const line = `${JSON.stringify(entry)}
`;
  try {
    rotateIfFull(path2, maxBytes, fs2);
    fs2.appendFileSync(path2, line, { mode: 384 });
  } catch (error) {
    if (error.code !== "ENOENT") return;
    try {
      fs2.mkdirSync(dir, { recursive: true, mode: 448 });
      fs2.appendFileSync(path2, line, { mode: 384 });
    } catch {
    }
  }
}
function rotateIfFull(path2, maxBytes, fs2) {
  const size = fs2.statSync(path2, { throwIfNoEntry: false })?.size ?? 0;
  if (size >= maxBytes) fs2.renameSync(path2, `${path2}.1`);
}
function readDecisions(dir, fs2 = nodeFs3) {
  const entries = [];
  for (const file of [`${LOG_FILE}.1`, LOG_FILE]) {
    let text;
    try {
      text = fs2.readFileSync((0, import_node_path13.join)(dir, file), "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof value === "object" && value !== null && !Array.isArray(value)) entries.push(value);
    }
  }
  return entries;
}

// src/commands/log.ts
var DEFAULT_LOG_LINES = 20;
async function logCommand(options, deps) {
  const n = options.lines ?? DEFAULT_LOG_LINES;
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(operator.invalidCount(String(options.lines)), 2);
  const entries = readDecisions(deps.logDir, deps.fs).slice(-n);
  if (options.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}
` };
  if (entries.length === 0) return { exitCode: 0, stdout: `${operator.noDecisions((0, import_node_path14.join)(deps.logDir, LOG_FILE))}
` };
  const toolWidth = Math.max(...entries.map((e) => printable(toolOf(e)).length));
  return { exitCode: 0, stdout: `${entries.map((e) => logLine(e, toolWidth, deps.paint)).join("\n")}
` };
}
function toolOf(entry) {
  return typeof entry.tool === "string" ? entry.tool : "-";
}
function logLine(entry, toolWidth = 0, paint = plain) {
  const place = typeof entry.workspace === "string" ? entry.workspace : typeof entry.cwd === "string" ? entry.cwd : "-";
  const parts = [
    typeof entry.time === "string" ? entry.time : "?",
    outcomeCell(entry.outcome, paint),
    typeof entry.session === "string" ? `session ${shortId(entry.session)}` : "session -       ",
    printable(toolOf(entry)).padEnd(toolWidth),
    place
  ];
  const holder = entry.holder;
  if (holder && typeof holder.session_id === "string") {
    const since = typeof holder.acquired_at === "number" ? new Date(holder.acquired_at).toISOString() : "?";
    parts.push(operator.logHolder(shortId(holder.session_id), String(holder.pid), since));
  }
  if (typeof entry.error === "string") parts.push(typeof entry.code === "string" ? `(${entry.code}: ${entry.error})` : `(${entry.error})`);
  return parts.map((part, i) => i === 1 ? part : printable(part)).join("  ");
}
var OUTCOME_STYLE = {
  block: "bad",
  "fail-open": "warn",
  disabled: "warn",
  lost: "warn",
  acquire: "good",
  release: "good",
  keep: "good",
  takeover: "note",
  clear: "note"
};
function outcomeCell(outcome, paint) {
  const word = printable(String(outcome ?? "?"));
  const style = OUTCOME_STYLE[word];
  return (style === void 0 ? word : paint(style, word)) + " ".repeat(Math.max(0, 9 - word.length));
}

// src/hook/commands.ts
var HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"];
var HOOK_FLAGS = [
  { name: "ttl-ms", value: "ms", key: "ttlMs" },
  { name: "store", value: "url", key: "store" },
  { name: "wait", value: "seconds", key: "wait" },
  { name: "agent", value: "name", key: "agent" }
];

// src/host/sessionProcess.ts
function startIdentity(pid, host) {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    const bootId = readQuietly2("/proc/sys/kernel/random/boot_id", host);
    const started = stat?.fields[19];
    return stat && bootId && started ? `linux:${bootId.trim()}:${started}` : null;
  }
  if (host.platform === "darwin") {
    const started = host.ps(pid, "lstart");
    return started ? `darwin:${started}` : null;
  }
  return null;
}
function livenessProbe(host) {
  const here = host.hostname();
  return (record) => {
    if (record.hostname !== here) return "unknown";
    if (!sameBoot(record, host)) return "unknown";
    if (!host.exists(record.pid) || isZombie(record.pid, host)) return "dead";
    if (typeof record.pid_start !== "string") return "unknown";
    const now = startIdentity(record.pid, host);
    if (now === null) return "unknown";
    return now === record.pid_start ? "alive" : "dead";
  };
}
function isZombie(pid, host) {
  if (host.platform !== "linux") return false;
  const state = procStat(pid, host)?.fields[0];
  return state === "Z" || state === "X";
}
function sameBoot(record, host) {
  const recorded = typeof record.pid_start === "string" ? /^linux:([^:]+):/.exec(record.pid_start)?.[1] : void 0;
  if (recorded === void 0) return true;
  return readQuietly2("/proc/sys/kernel/random/boot_id", host)?.trim() === recorded;
}
function procStat(pid, host) {
  const text = readQuietly2(`/proc/${pid}/stat`, host);
  if (text === null) return null;
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  return { name: text.slice(open + 1, close), fields: text.slice(close + 2).split(" ") };
}
function readQuietly2(path2, host) {
  try {
    return host.readFile(path2);
  } catch {
    return null;
  }
}

// src/host/sessionRegistry.ts
var import_node_path15 = require("node:path");
function registryEntry(configDir, record, host) {
  if (record.hostname !== host.hostname()) return null;
  const started = typeof record.pid_start === "string" ? /^linux:[^:]+:(\d+)$/.exec(record.pid_start)?.[1] : void 0;
  if (started === void 0) return null;
  let value;
  try {
    value = JSON.parse(host.readFile((0, import_node_path15.join)(configDir, "sessions", `${record.pid}.json`)));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const e = value;
  if (e.pid !== record.pid || e.procStart !== started) return null;
  const text = (v) => typeof v === "string" && v !== "" ? v : void 0;
  const entry = {};
  const status = text(e.status);
  if (status !== void 0) entry.status = status;
  if (typeof e.statusUpdatedAt === "number" && Number.isFinite(e.statusUpdatedAt)) entry.statusUpdatedAt = e.statusUpdatedAt;
  for (const field of ["waitingFor", "name", "cwd", "tmux", "sessionId"]) {
    const v = text(e[field]);
    if (v !== void 0) entry[field] = v;
  }
  return entry;
}
function terminalOf(pid, host) {
  if (host.platform !== "linux") return null;
  let stat;
  try {
    stat = host.readFile(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  const ttyNr = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[4]);
  if (!Number.isInteger(ttyNr) || ttyNr <= 0) return null;
  const major = ttyNr >> 8 & 4095;
  const minor = ttyNr & 255 | ttyNr >> 12 & 1048320;
  if (major >= 136 && major <= 143) return `/dev/pts/${(major - 136) * 256 + minor}`;
  if (major === 4 && minor < 64) return `/dev/tty${minor}`;
  return null;
}

// src/world.ts
var nodeFs5 = __toESM(require("node:fs"), 1);
var import_node_os3 = require("node:os");

// node_modules/env-paths/index.js
var import_node_path16 = __toESM(require("node:path"), 1);
var import_node_os2 = __toESM(require("node:os"), 1);
var import_node_process = __toESM(require("node:process"), 1);

// node_modules/is-safe-filename/index.js
var unsafeFilenameFixtures = Object.freeze([
  "",
  "   ",
  ".",
  "..",
  " .",
  ". ",
  " ..",
  ".. ",
  "../",
  "../foo",
  "foo/../bar",
  "foo/bar",
  "foo\\bar",
  "foo\0bar"
]);
function isSafeFilename(filename) {
  if (typeof filename !== "string") {
    return false;
  }
  const trimmed = filename.trim();
  return trimmed !== "" && trimmed !== "." && trimmed !== ".." && !filename.includes("/") && !filename.includes("\\") && !filename.includes("\0");
}
function assertSafeFilename(filename) {
  if (typeof filename !== "string") {
    throw new TypeError("Expected a string");
  }
  if (!isSafeFilename(filename)) {
    throw new Error(`Unsafe filename: ${JSON.stringify(filename)}`);
  }
}

// node_modules/env-paths/index.js
var homedir2 = import_node_os2.default.homedir();
var tmpdir = import_node_os2.default.tmpdir();
var { env } = import_node_process.default;
var macos = (name) => {
  const library = import_node_path16.default.join(homedir2, "Library");
  return {
    data: import_node_path16.default.join(library, "Application Support", name),
    config: import_node_path16.default.join(library, "Preferences", name),
    cache: import_node_path16.default.join(library, "Caches", name),
    log: import_node_path16.default.join(library, "Logs", name),
    temp: import_node_path16.default.join(tmpdir, name)
  };
};
var windows = (name) => {
  const appData = env.APPDATA || import_node_path16.default.join(homedir2, "AppData", "Roaming");
  const localAppData = env.LOCALAPPDATA || import_node_path16.default.join(homedir2, "AppData", "Local");
  return {
    // Data/config/cache/log are invented by me as Windows isn't opinionated about this
    data: import_node_path16.default.join(localAppData, name, "Data"),
    config: import_node_path16.default.join(appData, name, "Config"),
    cache: import_node_path16.default.join(localAppData, name, "Cache"),
    log: import_node_path16.default.join(localAppData, name, "Log"),
    temp: import_node_path16.default.join(tmpdir, name)
  };
};
var linux = (name) => {
  const username = import_node_path16.default.basename(homedir2);
  return {
    data: import_node_path16.default.join(env.XDG_DATA_HOME || import_node_path16.default.join(homedir2, ".local", "share"), name),
    config: import_node_path16.default.join(env.XDG_CONFIG_HOME || import_node_path16.default.join(homedir2, ".config"), name),
    cache: import_node_path16.default.join(env.XDG_CACHE_HOME || import_node_path16.default.join(homedir2, ".cache"), name),
    // https://wiki.debian.org/XDGBaseDirectorySpecification#state
    log: import_node_path16.default.join(env.XDG_STATE_HOME || import_node_path16.default.join(homedir2, ".local", "state"), name),
    temp: import_node_path16.default.join(tmpdir, username, name)
  };
};
function envPaths(name, { suffix = "nodejs" } = {}) {
  assertSafeFilename(name);
  if (suffix) {
    name += `-${suffix}`;
  }
  assertSafeFilename(name);
  if (import_node_process.default.platform === "darwin") {
    return macos(name);
  }
  if (import_node_process.default.platform === "win32") {
    return windows(name);
  }
  return linux(name);
}

// src/host/selfInvocation.ts
var nodeFs4 = __toESM(require("node:fs"), 1);
var import_node_path17 = require("node:path");
var NAME2 = "claude-session-guard";
function selfInvocation(script, nodePath, pathVar, fs2 = nodeFs4) {
  const real = realpath(script, fs2);
  const found = findOnPath(NAME2, pathVar, fs2);
  if (found !== null) {
    const foundReal = realpath(found, fs2);
    if (foundReal === real || (0, import_node_path17.dirname)(foundReal) === (0, import_node_path17.dirname)(real)) return NAME2;
  }
  const shim = (0, import_node_path17.join)((0, import_node_path17.dirname)(real), NAME2);
  if (shim !== real && isExecutableFile(shim, fs2)) return shellQuote(shim);
  return `${shellQuote(nodePath)} ${shellQuote(real)}`;
}
function realpath(path2, fs2) {
  try {
    return fs2.realpathSync(path2);
  } catch {
    return path2;
  }
}

// src/host/stdin.ts
var MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

// src/world.ts
var clock = {
  now: Date.now,
  sleep: (ms) => new Promise((resolve6) => setTimeout(resolve6, ms))
};
var env2 = () => process.env;
var cwd = () => process.cwd();
var argv1 = () => process.argv[1] ?? "claude-session-guard";
var tmpDir = () => (0, import_node_os3.tmpdir)();
var uid = () => process.getuid?.();
var fs = nodeFs5;
var stdoutIsTerminal = () => process.getBuiltinModule("node:tty").isatty(1);
function logDir() {
  return envPaths("claude-session-guard", { suffix: "" }).log;
}
function log(entry) {
  appendDecision(logDir(), entry);
}
function selfInvocation2() {
  return selfInvocation(argv1(), process.execPath, process.env.PATH);
}
var processHost = () => ({
  platform: process.platform,
  ppid: process.ppid,
  readFile: (path2) => nodeFs5.readFileSync(path2, "utf8"),
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === "EPERM";
    }
  },
  ps(pid, field) {
    try {
      const { execFileSync } = process.getBuiltinModule("node:child_process");
      const out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], { encoding: "utf8", timeout: 1e3 });
      return out.trim() || null;
    } catch {
      return null;
    }
  },
  hostname: import_node_os3.hostname
});
function write2(fd, text) {
  const data = Buffer.from(text);
  let written = 0;
  while (written < data.length) {
    try {
      written += nodeFs5.writeSync(fd, data, written, data.length - written);
    } catch (error) {
      const code = errnoOf(error);
      if (code === "EAGAIN") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      else throw new OutputError(output.cannotWrite(fd === 1 ? "stdout" : "stderr", code ?? messageOf(error)), "EOUTPUT");
    }
  }
}
function warn(text) {
  try {
    write2(2, text);
  } catch {
  }
}
function runGit(args, cwd2, env3) {
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const run = spawnSync("git", args, { cwd: cwd2, env: env3, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 1e4 });
  if (run.error !== void 0) return null;
  return { code: run.status, stdout: run.stdout };
}
function runShell(command, input2, env3, timeoutMs) {
  const { spawn } = process.getBuiltinModule("node:child_process");
  return new Promise((resolve6) => {
    const child = spawn("/bin/sh", ["-c", command], { env: env3, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.stdin.on("error", () => {
    });
    child.stdin.end(input2);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve6({ exitCode: null, stdout: "", stderr: "", timedOut: false, error: error.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve6({ exitCode: code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), timedOut });
    });
  });
}

// src/operator.ts
var NAME3 = "claude-session-guard";
function realCommandDeps() {
  const host = processHost();
  return {
    env: env2(),
    paint: wantsColour(env2(), stdoutIsTerminal()) ? ansi : plain,
    cwd: cwd(),
    clock,
    openStore: (choice) => openStore(choice, { uid: uid() }),
    probe: livenessProbe(host),
    logDir: logDir(),
    log,
    fs,
    writeFileAtomic: (path2, data) => import_write_file_atomic.default.sync(path2, data),
    argv1: argv1(),
    selfInvocation: selfInvocation2,
    runShell,
    git: runGit,
    tmpDir: tmpDir(),
    uid: uid(),
    holderFacts: (record) => {
      const entry = registryEntry(claudeConfigDir(env2()), record, host);
      const tty = record.hostname === host.hostname() ? terminalOf(record.pid, host) : null;
      return entry === null && tty === null ? null : { ...entry, tty };
    }
  };
}
function count(value) {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError(help.wholeNumber);
  return Number(value);
}
function collect(value, previous) {
  return [...previous, value];
}
var storeOption = () => new Option("--store <url>", help.store);
function buildProgram(run, deps) {
  const program2 = new Command(NAME3).description(help.program).version(package_default.version, "-v, --version", help.version).exitOverride().configureOutput({
    writeOut: (text) => write2(1, text),
    writeErr: (text) => warn(text),
    // Usage errors are printed once, as one line with a hint, by runProgram.
    outputError: () => {
    }
  }).showSuggestionAfterError();
  program2.commandsGroup(help.commandsHeading);
  program2.command("status").description(help.status).option("--all", help.statusAll).option("--json", help.statusJson).addOption(storeOption()).action((opts) => run(() => statusCommand(opts, deps())));
  program2.command("clear").description(help.clear).addOption(new Option("--workspace <path>", help.clearWorkspace).conflicts(["stale", "all"])).addOption(new Option("--stale", help.clearStale).conflicts(["all"])).option("--all", help.clearAll).addOption(storeOption()).action((opts) => run(() => clearCommand2(opts, deps())));
  const scope = () => new Option("--scope <scope>", help.scope).choices(SCOPES);
  const agent = () => new Option("--agent <agent>", help.agent).choices(AGENTS).default("claude");
  program2.command("install").description(help.install).addOption(scope()).addOption(agent()).option("--dry-run", help.dryRun).action((opts) => run(() => installCommand(opts, deps())));
  program2.command("uninstall").description(help.uninstall).addOption(scope()).addOption(agent()).option("--dry-run", help.dryRun).action((opts) => run(() => uninstallCommand(opts, deps())));
  program2.command("doctor").description(help.doctor).option("--settings <file>", help.doctorSettings, collect, []).option("--json", help.doctorJson).addOption(storeOption()).action((opts) => run(() => doctorCommand(opts, deps())));
  program2.command("log").description(help.log).option("-n, --lines <n>", help.logLines, count).option("--json", help.logJson).action((opts) => run(() => logCommand(opts, deps())));
  program2.helpCommand(true);
  program2.commandsGroup(help.hookCommandsHeading);
  for (const name of HOOK_COMMANDS) {
    const command = program2.command(name).description(`${help.hooks[name]}; ${help.hookSuffix}`);
    for (const flag of HOOK_FLAGS) command.option(`--${flag.name} <${flag.value}>`, help.hookFlags[flag.key]);
    command.action(() => {
    });
  }
  return program2;
}
async function runProgram(argv, makeDeps = realCommandDeps) {
  let work;
  let made;
  const deps = () => made ??= makeDeps();
  const program2 = buildProgram((w) => {
    work = w;
  }, deps);
  const usage = (problem) => {
    const text = problem.replace(/^error: /, "").replace(/\s*\n\s*/g, " ").replace(/\.$/, "");
    const named2 = argv.find((a) => program2.commands.some((c) => c.name() === a));
    warn(`${printableText(help.usage(text, named2 === void 0 ? `${NAME3} --help` : `${NAME3} ${named2} --help`))}
`);
  };
  try {
    await program2.parseAsync(argv, { from: "user" });
    if (work === void 0) return 0;
    const result = await work();
    const colour = made?.paint !== void 0 && made.paint !== plain;
    if (result.stdout) write2(1, printableText(result.stdout, colour));
    if (result.stderr) warn(printableText(result.stderr));
    return result.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      if (error.code !== "commander.help" && error.code !== "commander.helpDisplayed") usage(error.message);
      return 2;
    }
    if (error instanceof UserError && error.exitCode === 2) {
      usage(error.message);
      return 2;
    }
    if (error instanceof GuardError) {
      warn(`${printableText(failed(error.message))}
`);
      return error instanceof UserError ? error.exitCode : 1;
    }
    warn(`${failed(hook.internalError(error instanceof Error ? error.stack ?? error.message : String(error)))}
`);
    return 1;
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  buildProgram,
  realCommandDeps,
  runProgram
});
