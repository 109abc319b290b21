// Colour for what operator commands print to a terminal. Commands paint only their own words (a
// check's status, a decision's outcome, a lock's state, a table's header), never a value from a
// record or a file, and the entry point lets through no escape sequence but these colour ones.

export type Style = "good" | "bad" | "warn" | "note" | "strong" | "faint";

/** Wraps `text` in `style`; the plain painter returns it as it is. */
export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;

/** SGR codes: on, then the code that turns only that attribute off again. */
const SGR: Record<Style, [number, number]> = {
  good: [32, 39],
  bad: [31, 39],
  warn: [33, 39],
  note: [36, 39],
  strong: [1, 22],
  faint: [2, 22],
};

export const ansi: Paint = (style, text) => (text === "" ? text : `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m`);

/**
 * Colour on a terminal only, as most command-line tools decide it: NO_COLOR (any value but
 * empty) turns it off, FORCE_COLOR turns it on even into a pipe (off when "0" or "false"), and
 * otherwise stdout must be a terminal that is not "dumb".
 */
export function wantsColour(env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  return stdoutIsTerminal && env.TERM !== "dumb";
}
