// Dependency rules for src/: no import cycles, and no upward imports between the folders.
// Checked by `npm test` and printed by `npm run deps` (scripts/deps.mjs). Type-only imports
// (`import type`) count like any other: a type is a dependency on the module that declares it.
//
// The layers, bottom up (each may import its own folder and the layers named for it):
//   validate.ts   imports nothing of src/
//   random/       validate
//   sim/          random, validate            stats/  random, validate   (siblings: neither imports the other)
//   protocols/    sim, stats, random, validate
//   properties/   protocols, sim, stats, random, validate
//   failures/     stats, random, validate
//   charts/       validate only: generic Vega-Lite builders, nothing of the simulator
//   views/        sim, charts, validate       (trace -> rows for the charts)
//   display/      charts, validate
//   lessons/      anything but display; imported by nothing but src/index.ts
//   index.ts      the public API: imports anything, imported by nothing in src/

/** A rule that lets the modules under `from` import only `allowed` (paths under src/). */
function layer(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: `^src/${from}` },
    to: { path: "^src/", pathNot: `^src/(${allowed.join("|")})` },
  };
}

const VALIDATE = "validate\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle: break it (move the shared piece down a layer, or pass it in).",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    layer("validate-imports-nothing", VALIDATE, [VALIDATE],
      "src/validate.ts is the bottom layer: it imports nothing of src/."),
    layer("random-imports-only-validate", "random/", ["random/", VALIDATE],
      "random/ imports only random/ and validate.ts."),
    layer("sim-imports-random-validate", "sim/", ["sim/", "random/", VALIDATE],
      "sim/ imports only sim/, random/ and validate.ts (not stats/: they are siblings)."),
    layer("stats-imports-random-validate", "stats/", ["stats/", "random/", VALIDATE],
      "stats/ imports only stats/, random/ and validate.ts (not sim/: a run is a callback it is given)."),
    layer("protocols-import-sim-stats-random-validate", "protocols/", ["protocols/", "sim/", "stats/", "random/", VALIDATE],
      "protocols/ import only protocols/, sim/, stats/, random/ and validate.ts."),
    layer("properties-import-protocols-and-below", "properties/", ["properties/", "protocols/", "sim/", "stats/", "random/", VALIDATE],
      "properties/ import only properties/, protocols/, sim/, stats/, random/ and validate.ts."),
    layer("failures-import-stats-random-validate", "failures/", ["failures/", "stats/", "random/", VALIDATE],
      "failures/ import only failures/, stats/, random/ and validate.ts."),
    layer("charts-import-nothing-of-the-simulator", "charts/", ["charts/", VALIDATE],
      "charts/ holds generic Vega-Lite builders: it imports only charts/ and validate.ts (no sim, protocols, properties, lessons, views)."),
    layer("views-import-sim-charts", "views/", ["views/", "sim/", "charts/", VALIDATE],
      "views/ turn traces into rows: they import only views/, sim/, charts/ and validate.ts."),
    layer("display-imports-charts", "display/", ["display/", "charts/", VALIDATE],
      "display/ shows and saves charts: it imports only display/, charts/ and validate.ts."),
    {
      name: "lessons-do-not-import-display",
      comment: "lessons/ compute experiments; showing them is the notebook's job (display/).",
      severity: "error",
      from: { path: "^src/lessons/" },
      to: { path: "^src/display/" },
    },
    {
      name: "only-the-index-imports-lessons",
      comment: "Nothing but src/index.ts (and lessons/ itself) imports lessons/.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(index\\.ts$|lessons/)" },
      to: { path: "^src/lessons/" },
    },
    {
      name: "nothing-imports-the-index",
      comment: "src/index.ts is the public API for notebooks; modules of src/ import each other directly.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/index\\.ts$" },
      to: { path: "^src/index\\.ts$" },
    },
    {
      name: "src-does-not-import-dev-dependencies",
      comment: "src/ is the package the notebooks load: it may use dependencies, not devDependencies.",
      severity: "error",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
