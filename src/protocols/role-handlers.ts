/**
 * Your own handlers for one role of a protocol: the server of client-server (`server`), the
 * serializer (`serializer`), the servers of Paxos (`server`). The protocol runs them in place of its
 * own code for that role, unchanged, in the simulator (runX) and in the model checker (xNodes), so one
 * handler is both simulated and checked. Validated once, where the protocol's options are checked.
 */
import type { NodeHandlers } from "../sim/context";
import { checkKeys, fail } from "../validate";

const HANDLER_KEYS = ["init", "onMessage", "onTimer", "onRecover"] as const;

/**
 * @internal `value` as a role's handlers (undefined when not given): an object whose keys are among
 * init, onMessage, onTimer and onRecover, each a function. `name` is the option as the error names it.
 */
export function checkRoleHandlers<P>(name: string, value: unknown): NodeHandlers<unknown, P> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(name, value, "an object of handlers { init?, onMessage?, onTimer?, onRecover? }");
  }
  checkKeys(name, value, HANDLER_KEYS);
  for (const key of HANDLER_KEYS) {
    const fn = (value as Record<string, unknown>)[key];
    if (fn !== undefined && typeof fn !== "function") fail(`${name}.${key}`, fn, "a function");
  }
  return value as NodeHandlers<unknown, P>;
}
