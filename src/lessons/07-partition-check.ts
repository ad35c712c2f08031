/**
 * A network partition for the model checker. checkProtocol's fault budget has no partition verb, so a
 * partition that lasts the whole run is put into the handlers instead: every node's ctx drops what it
 * sends to a node of another group, exactly what a partition does to a message at send time. The
 * same wrapped handlers run in createWorld (where they behave like `{ at: 0, partition: groups }`).
 */
import type { NodeContext, NodeHandlers } from "../sim/context";
import type { ProtocolNodes } from "../protocols/protocol-run";
import { checkKnownName, fail } from "../validate";

/**
 * The protocol's nodes with a partition into `groups` for the whole run: a message to a node of another
 * group is never sent (send returns -1). Nodes not named in any group form one more group.
 * @example checkProtocol({ ...partitionedNodes(paxosNodes({ servers: 4, maxAttempts: 1 }), [["u1", "s1", "s2"], ["u2", "s3", "s4"]]), allowRandom: true })
 */
export function partitionedNodes(protocol: ProtocolNodes, groups: readonly (readonly string[])[]): ProtocolNodes {
  const fn = "partitionedNodes";
  if (protocol === null || typeof protocol !== "object" || !Array.isArray(protocol.nodes)) fail(`${fn}: protocol`, protocol, "{ nodes, handlers } as returned by paxosNodes(...) and the other xNodes functions");
  if (!Array.isArray(groups) || groups.length < 2) fail(`${fn}: groups`, groups, "an array of at least two groups of node names");
  const side = new Map<string, number>();
  groups.forEach((g, gi) => {
    if (!Array.isArray(g) || g.length === 0) fail(`${fn}: groups[${gi}]`, g, "a non-empty array of node names");
    g.forEach((n, ni) => {
      const name = checkKnownName(`${fn}: groups[${gi}][${ni}]`, n, protocol.nodes);
      if (side.has(name)) fail(`${fn}: groups`, groups, `groups without repeated nodes (${JSON.stringify(name)} repeats)`);
      side.set(name, gi);
    });
  });
  const sideOf = (n: string) => side.get(n) ?? groups.length;
  const handlers: Record<string, NodeHandlers<unknown, unknown>> = {};
  for (const node of protocol.nodes) {
    const h = protocol.handlers[node];
    if (h === undefined) continue;
    const reaches = (to: string) => sideOf(to) === sideOf(node);
    const wrap = (ctx: NodeContext): NodeContext => new Proxy(ctx, {
      get(target, key) {
        if (key === "send") return (to: string, payload: unknown) => (reaches(to) ? target.send(to, payload) : -1);
        if (key === "broadcast") {
          return (payload: unknown, to?: readonly string[]) =>
            (to ?? target.nodes.filter((n) => n !== target.name)).map((t) => (reaches(t) ? target.send(t, payload) : -1));
        }
        return Reflect.get(target, key, target);
      },
      set(target, key, value) { return Reflect.set(target, key, value, target); },
    });
    const w: NodeHandlers<unknown, unknown> = {};
    if (h.init) w.init = (ctx) => h.init!.call(h, wrap(ctx));
    if (h.onMessage) w.onMessage = (ctx, msg) => h.onMessage!.call(h, wrap(ctx), msg);
    if (h.onTimer) w.onTimer = (ctx, tag) => h.onTimer!.call(h, wrap(ctx), tag);
    if (h.onRecover) w.onRecover = (ctx) => h.onRecover!.call(h, wrap(ctx));
    handlers[node] = w;
  }
  return { nodes: [...protocol.nodes], handlers };
}
