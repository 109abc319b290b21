// What the race suites share: the roles contenders play, the merged enter/exit log and its
// replay, and the five races as scenarios any engine can play — many worker threads calling the
// lock's own code on the real file system (threadEngine.ts), or many processes of the built
// binary (processEngine.ts).
//
// Every allowed contender logs `enter`/`exit` around a critical section that lasts until the
// whole round has decided (so a second holder is certain to overlap it), with O_APPEND, only
// while it really holds the lock. Replaying the merged log proves that no two sessions were ever
// inside at once: that is the hard assertion. A contender that gave up under contention (the
// hook's fail-open) is counted, and the count is bounded, never a failed proof of exclusion.

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TTL_MS = 300_000;
export const HOUR_MS = 3_600_000;

export type Step = "pretooluse" | "posttooluse" | "stop";

export interface Role {
  session: string;
  /** Steps run in order; the first starts at the round's start line. */
  steps: Step[];
  /** Inside the critical section (holding a fresh lock) before the round starts. */
  heldAtStart?: boolean;
  /** Release with `stop` after the critical section. */
  release?: boolean;
  /** Start when that contender's private gate opens (after its exit line), not at the shared line. */
  gateOf?: number;
}

export type OutcomeKind = "allow" | "notice" | "deny" | "failopen" | "crash" | "unexpected";

export interface StepOutcome {
  command: Step;
  kind: OutcomeKind;
  [detail: string]: unknown;
}

export interface Played {
  id: number;
  session: string;
  outcomes: StepOutcome[];
  entered: boolean;
  /** The lock's session_id seen from inside the critical section (null: no lock). */
  holderSeen?: string | null;
  release: StepOutcome | null;
}

/** A race's scratch directory and its O_APPEND log. */
export interface Arena {
  dir: string;
  log: string;
}

const arenas: string[] = [];

export function makeArena(prefix: string): Arena {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  arenas.push(dir);
  mkdirSync(join(dir, "barrier"));
  return { dir, log: join(dir, "critical.log") };
}

export function removeArenas(): void {
  for (const dir of arenas.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Replays the merged enter/exit log and returns every moment two distinct sessions were inside
 * at once (one session's parallel calls may overlap each other: they are one holder).
 */
export function overlaps(log: string): string[] {
  const inside = new Map<string, number>();
  const problems: string[] = [];
  log
    .split("\n")
    .filter((line) => line !== "")
    .forEach((line, index) => {
      const [kind, session, round] = line.split(" ");
      if (session === undefined || round === undefined || (kind !== "enter" && kind !== "exit")) {
        problems.push(`line ${index + 1}: malformed "${line}"`);
        return;
      }
      const depth = inside.get(session) ?? 0;
      if (kind === "enter") {
        const others = [...inside].filter(([s, n]) => s !== session && n > 0).map(([s]) => s);
        if (others.length > 0) problems.push(`line ${index + 1}: ${session} entered in round ${round} while ${others.join(", ")} inside`);
        inside.set(session, depth + 1);
      } else if (depth === 0) {
        problems.push(`line ${index + 1}: ${session} exited in round ${round} without entering`);
      } else {
        inside.set(session, depth - 1);
      }
    });
  for (const [session, depth] of inside) if (depth > 0) problems.push(`${session} never exited`);
  return problems;
}

export function replay(arena: Arena): { enters: number; overlaps: string[] } {
  let log = "";
  try {
    log = readFileSync(arena.log, "utf8");
  } catch {
    // Nobody entered at all.
  }
  return { enters: log.split("\n").filter((l) => l.startsWith("enter ")).length, overlaps: overlaps(log) };
}

export const winners = (played: Played[]) => played.filter((p) => p.entered).map((p) => p.session);

export const takers = (prefix: string, round: number, count: number, extra: Partial<Role> = {}): Role[] =>
  Array.from({ length: count }, (_, i) => ({ session: `${prefix}${i}-r${round}`, steps: ["pretooluse"], ...extra }));

/** The lock as a scenario arranges and inspects it, whatever the store. */
export interface LockAccess {
  /** Puts a record of `sessionId`, last acquired at `acquiredAt`, as an older guard would have left it. */
  write(sessionId: string, acquiredAt: number): Promise<void>;
  clear(): Promise<void>;
  holder(): Promise<{ session_id: string; acquired_at: number } | null>;
}

/** A store-specific check after every round (no stray temp files, one key). */
export type Invariant = (round: number) => Promise<string[]>;

/** One kind of race: the roles of each round, how the lock starts, and what must hold after. */
export interface Scenario {
  name: string;
  roles(round: number): Role[];
  setup(round: number): Promise<void>;
  /** Problems with this round (an empty list when it went as it must). */
  check(round: number, played: Played[]): Promise<string[]>;
  /** Enters the log must show for a round that went as `played`. */
  enters(round: number, played: Played[]): number;
}

/** The parallel calls of the holder's own session in the release and refresh races. */
const HOLDER_CALLS = 4;

function expectEqual(problems: string[], what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** Each winner saw the lock as its own from inside the critical section. */
function winnersSawThemselves(problems: string[], round: number, played: Played[]): void {
  for (const p of played.filter((q) => q.entered)) expectEqual(problems, `round ${round}: ${p.session} saw the lock`, p.holderSeen, p.session);
}

/** The five races, for `contenders` contenders a round. */
export function scenarios(lock: LockAccess, contenders: number): Scenario[] {
  const exactlyOne = (name: string, prefix: string, setup: (round: number) => Promise<void>): Scenario => ({
    name,
    roles: (round) => takers(prefix, round, contenders, { release: true }),
    setup,
    async check(round, played) {
      const problems: string[] = [];
      const failed = played.some((p) => p.outcomes.some((o) => o.kind === "failopen"));
      if (!failed) expectEqual(problems, `round ${round}: sessions allowed`, winners(played).length, 1);
      winnersSawThemselves(problems, round, played);
      expectEqual(problems, `round ${round}: released`, await lock.holder(), null);
      return problems;
    },
    enters: (_round, played) => winners(played).length,
  });

  const parallelStarts = [
    () => lock.clear(),
    (s: string) => lock.write(s, Date.now() - 1000),
    (s: string) => lock.write(s, Date.now() - HOUR_MS),
    () => lock.write("gone-session", Date.now() - HOUR_MS),
  ];
  const parallelOf = (round: number) => `parallel-r${round}`;
  let openedAt = 0;

  const holderOf = (round: number) => `holder-r${round}`;
  const fresh = (round: number) => round % 4 === 0;

  return [
    exactlyOne("exactly one of the sessions wins a free lock, and its stop frees it", "free-", () => lock.clear()),
    exactlyOne("exactly one of the sessions takes over a stale lock", "taker-", () => lock.write("gone-session", Date.now() - HOUR_MS)),
    {
      name: "all parallel calls of one session are allowed, and the lock ends up that session's",
      roles: (round) => Array.from({ length: contenders }, () => ({ session: parallelOf(round), steps: ["pretooluse"] as Step[] })),
      async setup(round) {
        await parallelStarts[round % parallelStarts.length]!(parallelOf(round));
        openedAt = Date.now();
      },
      async check(round, played) {
        const problems: string[] = [];
        const allowed = played.filter((p) => p.outcomes.at(-1)?.kind !== "failopen");
        expectEqual(problems, `round ${round}: calls allowed`, winners(played).length, allowed.length);
        expectEqual(problems, `round ${round}: seen from inside`, allowed.map((p) => p.holderSeen), allowed.map(() => parallelOf(round)));
        const record = await lock.holder();
        expectEqual(problems, `round ${round}: the lock's session`, record?.session_id, parallelOf(round));
        if ((record?.acquired_at ?? 0) < openedAt) problems.push(`round ${round}: the lock was not written by this round's calls`);
        return problems;
      },
      enters: (_round, played) => winners(played).length,
    },
    {
      // The holder's session stops with HOLDER_CALLS calls at once (Stop and SessionEnd both fire;
      // each is a chance for a release to hit a lock that just changed hands). Most rounds its lock
      // is stale, so its releases and the takeovers race for one record. Every fourth round the
      // holder is inside with a fresh lock and releases it only as it leaves.
      name: "a holder's stop racing takers never leaves two holders nor deletes the new lock",
      roles: (round) => [
        { session: holderOf(round), steps: ["stop"], heldAtStart: fresh(round) },
        ...Array.from({ length: HOLDER_CALLS - 1 }, (): Role => ({ session: holderOf(round), steps: ["stop"], ...(fresh(round) && { gateOf: 0 }) })),
        ...takers("taker-", round, contenders - HOLDER_CALLS),
      ],
      setup: (round) => lock.write(holderOf(round), fresh(round) ? Date.now() : Date.now() - HOUR_MS),
      async check(round, played) {
        const problems: string[] = [];
        const sessions = winners(played);
        const failed = played.some((p) => p.outcomes.some((o) => o.kind === "failopen"));
        // After a fresh holder's release a taker may or may not come in time; a stale lock always
        // goes to exactly one.
        if (sessions.length > 1 || (!fresh(round) && !failed && sessions.length !== 1)) problems.push(`round ${round}: ${sessions.length} takers allowed`);
        expectEqual(problems, `round ${round}: the lock`, (await lock.holder())?.session_id ?? null, sessions.length === 1 ? sessions[0] : null);
        winnersSawThemselves(problems, round, played);
        return problems;
      },
      enters: (round, played) => (fresh(round) ? 1 : 0) + winners(played).length,
    },
    {
      // The holder's lock is stale. HOLDER_CALLS of its tool calls end at once (refreshes) while
      // the takers try to take it over; then one of the holder's calls asks again, allowed only if
      // the holder's refresh won.
      name: "a holder's refresh never overwrites a lock a taker just took",
      roles: (round) => [
        { session: holderOf(round), steps: ["posttooluse", "pretooluse"] },
        ...Array.from({ length: HOLDER_CALLS - 1 }, (): Role => ({ session: holderOf(round), steps: ["posttooluse"] })),
        ...takers("taker-", round, contenders - HOLDER_CALLS),
      ],
      async setup(round) {
        await lock.write(holderOf(round), Date.now() - HOUR_MS);
        openedAt = Date.now();
      },
      async check(round, played) {
        const problems: string[] = [];
        const sessions = winners(played);
        const record = await lock.holder();
        const failed = played.some((p) => p.outcomes.some((o) => o.kind === "failopen"));
        if (!failed) expectEqual(problems, `round ${round}: the lock's owner is the one allowed`, sessions, record ? [record.session_id] : []);
        else if (sessions.length > 1) problems.push(`round ${round}: ${sessions.length} sessions allowed`);
        if (record?.session_id === holderOf(round) && record.acquired_at < openedAt) problems.push(`round ${round}: the holder's record was not renewed`);
        winnersSawThemselves(problems, round, played);
        return problems;
      },
      enters: (_round, played) => winners(played).length,
    },
  ];
}

/** One engine's way of playing rounds: `roles[round]` per round, calling `setup` and `after` around each. */
export type Engine = (
  roles: Role[][],
  hooks: { setup(round: number): Promise<void>; after(round: number, played: Played[]): Promise<void> },
) => Promise<void>;

export interface RaceReport {
  rounds: number;
  decisions: number;
  failOpens: number;
  problems: string[];
  overlaps: string[];
  enters: number;
  expectedEnters: number;
}

/** Plays `rounds` rounds of `scenario` on `engine`, checking every round, and replays the log. */
export async function play(engine: Engine, arena: Arena, scenario: Scenario, rounds: number, invariant: Invariant): Promise<RaceReport> {
  const report: RaceReport = { rounds, decisions: 0, failOpens: 0, problems: [], overlaps: [], enters: 0, expectedEnters: 0 };
  const roles = Array.from({ length: rounds }, (_, round) => scenario.roles(round));
  await engine(roles, {
    setup: (round) => scenario.setup(round),
    async after(round, played) {
      for (const p of played) {
        for (const o of [...p.outcomes, ...(p.release ? [p.release] : [])]) {
          report.decisions++;
          if (o.kind === "failopen") report.failOpens++;
          else if (!["allow", "notice", "deny"].includes(o.kind)) report.problems.push(`round ${round}: contender ${p.id} ${o.command}: ${JSON.stringify(o)}`);
        }
      }
      report.problems.push(...(await invariant(round)), ...(await scenario.check(round, played)));
      report.expectedEnters += scenario.enters(round, played);
    },
  });
  const replayed = replay(arena);
  report.overlaps = replayed.overlaps;
  report.enters = replayed.enters;
  return report;
}

/** The five races in turn, one kind a round: for the binary races, which prove the shipped bundle. */
export function everyKind(lock: LockAccess, contenders: number): Scenario {
  const all = scenarios(lock, contenders);
  const of = (round: number) => all[round % all.length]!;
  return {
    name: "every kind of race in turn",
    roles: (round) => of(round).roles(round),
    setup: (round) => of(round).setup(round),
    check: (round, played) => of(round).check(round, played),
    enters: (round, played) => of(round).enters(round, played),
  };
}
