/**
 * The schedule counts of {@link explore} as a fold over the reachable state graph that the checker's
 * search found: a state's schedules are the sum of its successors' (one per entry of its messages
 * in flight, so a message listed twice counts twice), plus one when the schedule may end there (nothing
 * in flight, or any state with allowLoss). Each outcome keeps the example met first depth first.
 */
import { fail } from "../validate";

/** What the search recorded about one reachable state (by id). */
export interface ExploredState<M> {
  /** The messages in flight, in the order `pending` listed them. */
  messages: readonly M[];
  /** Per message: the id of the state its delivery leads to. */
  successors: readonly number[];
  /** The outcome when a schedule ends here, or undefined when it cannot (messages still in flight, no loss). */
  ending: string | undefined;
}

/** The schedules of one outcome from some state, with the first example from there. */
export interface Tally<M> { schedules: number; example: M[]; lost: M[] }

/** The outcomes of the schedules from one state. */
export type Tallies<M> = Map<string, Tally<M>>;

/**
 * The tallies of every schedule from state `root` of `graph` (indexed by state id). Calls
 * `tooMany(count)` once the schedules counted from one state exceed `maxSchedules`; fails naming
 * `maxDepth` when a delivery leads back to a state on the way to it (schedules that never end).
 */
export function foldSchedules<M>(graph: readonly ExploredState<M>[], root: number, maxSchedules: number,
  tooMany: (count: number) => never, fn: string, maxDepth: number): Tallies<M> {
  const done: (Tallies<M> | undefined)[] = new Array(graph.length);
  const onPath = new Uint8Array(graph.length);

  // Depth first, iteratively (a schedule may be thousands of deliveries long): a state is folded
  // once all its successors are.
  const stack: number[] = [root];
  while (stack.length > 0) {
    const id = stack[stack.length - 1];
    if (done[id] !== undefined) { stack.pop(); continue; }
    const s = graph[id];
    if (onPath[id] === 0) {
      onPath[id] = 1;
      for (let i = s.successors.length - 1; i >= 0; i--) {
        const to = s.successors[i];
        if (onPath[to] === 1 && done[to] === undefined) {
          fail(`${fn}: schedule length`, "unbounded", `at most ${maxDepth} deliveries (a delivery leads back to an earlier state, so some schedule never ends)`);
        }
        if (done[to] === undefined) stack.push(to);
      }
      continue;
    }
    stack.pop();
    onPath[id] = 0;
    done[id] = tally(s, done as Tallies<M>[], maxSchedules, tooMany);
  }
  return done[root] as Tallies<M>;
}

/** One state's tallies from its successors' (all folded already). */
function tally<M>(s: ExploredState<M>, done: readonly Tallies<M>[], maxSchedules: number, tooMany: (count: number) => never): Tallies<M> {
  const out: Tallies<M> = new Map();
  let sum = 0;
  if (s.ending !== undefined) {
    out.set(s.ending, { schedules: 1, example: [], lost: s.messages.slice() });
    sum = 1;
  }
  s.messages.forEach((m, i) => {
    for (const [o, t] of done[s.successors[i]]) {
      sum += t.schedules;
      if (sum > maxSchedules) tooMany(sum);
      const mine = out.get(o);
      if (mine === undefined) out.set(o, { schedules: t.schedules, example: [m, ...t.example], lost: t.lost });
      else mine.schedules += t.schedules;
    }
  });
  return out;
}
