// Barrel: re-exports only.
export * from "./failures-at-scale";
export * from "./published-failures";
