// Barrel: re-exports only. (worker.ts is started as a thread by parallel.ts, not exported.)
export * from "./normal";
export * from "./studentt";
export * from "./stats";
export * from "./histogram";
export * from "./montecarlo";
export * from "./sweep";
export * from "./parallel";
export * from "./explore";
export * from "./progress";
