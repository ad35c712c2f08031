export * from "./verdict";
export * from "./nb00";
export * from "./nb01";
export * from "./nb02";
export * from "./nb03";
export * from "./nb04";
export * from "./nb05";
