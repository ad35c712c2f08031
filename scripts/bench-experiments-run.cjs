// The run function for scripts/bench-experiments.mjs: a CommonJS module, because
// monteCarloParallel's workers load run functions with require().
const path = require("node:path");

/** Sums `args.draws` uniforms from the run's own rng; `args.distDir` locates the compiled library. */
exports.sumDraws = function sumDraws(args, seed, index) {
  const { createRng } = require(path.join(args.distDir, "random/index.js"));
  const rng = createRng(seed);
  let s = 0;
  for (let i = 0; i < args.draws; i++) s += rng.next();
  return { index, s, high: s > args.draws / 2 };
};
