// Barrel: re-exports only.
export * from "./kernel";
