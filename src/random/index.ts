// Barrel: re-exports only.
export * from "./rng";
export * from "./distributions";
export * from "./moments";
