/**
 * What the coordinator of a parallel search (parallel-search.ts) and its worker threads
 * (parallel-worker.ts) share: the layout of the control array (an Int32Array over a
 * SharedArrayBuffer), the messages they exchange at a barrier, and how a worker loads the model.
 */
import type { MessagePort } from "worker_threads";
import type { CheckModelOptions, ModelModule } from "./options";

export type { ModelModule };
import type { SharedStoreBuffers } from "./shared-store";

/** Set when a worker wants a barrier (it is idle, the table must grow, or the search must stop). */
export const PAUSE = 0;
/** Set when the search must end (every watch hit, a limit, an error). */
export const STOP = 1;
/** Workers arrived at the barrier. */
export const ARRIVED = 2;
/** Bumped by the coordinator to release the workers from a barrier. */
export const EPOCH = 3;
// 16 is SIZE (shared-store.ts): the number of ids taken, on a cache line of its own.
/** Workers that ran out of states before this barrier. */
export const IDLE = 5;
/** Watches not yet hit. */
export const OPEN = 6;
/** The limits met (bits). */
export const LIMITS = 7;
export const LIMIT_DEPTH = 1, LIMIT_STATES = 2, LIMIT_MEMORY = 4;
/** Set by a worker that stops outside the barrier protocol (a failure of the checker itself). */
export const DEAD = 8;
/** Per worker: the states it generated, as of its last barrier. */
export const GENERATED = 32;
/** Per watch: the id of the first state where it hit, or -1. */
export const HITS = GENERATED + 256;

/** The length of the control array for `watches` watches. */
export const controlLength = (watches: number): number => HITS + watches;


/** Loads the model's options from its module (in a worker, and once in the coordinator to compare). */
export function loadModel(m: ModelModule): CheckModelOptions<unknown, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const loaded = require(m.path) as Record<string, unknown>;
  const factory = loaded[m.export];
  if (typeof factory !== "function") throw new TypeError(`checkModel: modelModule: ${m.path} has no exported function ${JSON.stringify(m.export)}`);
  return factory(...(m.args ?? [])) as CheckModelOptions<unknown, unknown>;
}

/** What a worker is started with. */
export interface WorkerSetup {
  checkModelWorker: true;
  index: number;
  threads: number;
  ctrl: SharedArrayBuffer;
  store: SharedStoreBuffers;
  port: MessagePort;
  module: ModelModule;
  strategy: "bfs" | "dfs";
  maxStates: number;
  maxDepth: number;
  watches: { name: string; wanted: boolean; label: string }[];
}

/** The coordinator's message to a worker when it releases a barrier. */
export interface FromCoordinator {
  done?: boolean;
  /** A new table (the old one grew). */
  table?: SharedStoreBuffers;
  /** Add the initial state (worker 0, at the start). */
  init?: boolean;
  /** Breadth first: the current level is done everywhere; the next one becomes current. */
  advance?: boolean;
  /** States given to this worker, and their figures (id, depth, fingerprint lanes: 4 a state). */
  states?: unknown[];
  meta?: Int32Array;
}

/** A worker's report at a barrier. */
export interface ToCoordinator {
  current: number;
  next: number;
  pending: number;
  generated: number;
  /** The states this worker added. */
  added: number;
  maxDepth: number;
  states?: unknown[];
  meta?: Int32Array;
  error?: { name: string; message: string };
}
