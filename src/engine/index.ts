// Barrel: re-exports only.
export * from "./kernel";
export * from "./context";
export * from "./options";
export * from "./trace";
export * from "./world";
export * from "./template";
export * from "./diff";
export { payloadLabel } from "./network";
