// Barrel: re-exports only.
export * from "./data";
export type { ClusterFailureOptions } from "./options";
export * from "./cluster";
export * from "./renewal";
export * from "./replication";
