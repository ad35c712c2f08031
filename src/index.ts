// distsys-lab: re-exports only. Each area keeps its own barrel file.
export * from "./validate";
export * from "./random";
export * from "./failures";
export * from "./experiments";
export * from "./engine";
export * from "./charts";
export * from "./display";
export * from "./exercises";
export * from "./scenarios";
export * from "./protocols";
