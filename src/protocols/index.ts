// Barrel: re-exports only (one line per protocol file; helpers append their own lines).
export * from "./client-server";
export * from "./score-race";
export * from "./score-race-explore";
export * from "./replication";
export * from "./serializer";
export * from "./two-phase";
export * from "./two-phase-commit";
export * from "./quorum";
export * from "./ticket-runs";
export * from "./naive-ticket";
export * from "./paxos";
export * from "./paxos-safety";
export * from "./paxos-experiments";
export * from "./ladder";
