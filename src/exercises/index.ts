export * from "./verdict";
export * from "./nb00";
