/**
 * Validates chart specs against the Vega-Lite v5 schema shipped with the vega-lite package, with ajv
 * (the schema is draft-07, so the default `Ajv` class). The schema is compiled once per process, on
 * first use, and the compiled validator is cached. Test helper only.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv, { ErrorObject, ValidateFunction } from "ajv";

/** One validation error: where (a JSON pointer into the value, "" for the root) and what. */
export interface SchemaError {
  path: string;
  message: string;
}

let vegaLite: JsonSchema | undefined;

export class JsonSchema {
  private constructor(private readonly check: ValidateFunction) {}

  /** The Vega-Lite v5 schema, compiled on the first call and shared by every later call. */
  static vegaLite(): JsonSchema {
    if (!vegaLite) {
      const file = path.join(path.dirname(require.resolve("vega-lite")), "vega-lite-schema.json");
      const ajv = new Ajv({
        // The Vega-Lite schema trips ajv's schema-authoring checks (keywords such as minimum
        // without a type, union types, tuples without minItems); those say nothing about the data.
        strict: false,
        // ...but `strict: false` would also let NaN and ±Infinity pass as "number"; keep that check
        // (validate() also reports every non-finite number, wherever it sits).
        strictNumbers: true,
        allErrors: true,
        // As before, `format` (uri, uri-reference, color-hex) is not checked: ajv has no built-in formats.
        validateFormats: false,
      });
      vegaLite = new JsonSchema(ajv.compile(JSON.parse(fs.readFileSync(file, "utf8"))));
    }
    return vegaLite;
  }

  /**
   * Errors of `value` against the schema (empty when valid), the deepest paths first. Values that
   * are not JSON (undefined, NaN, functions, class instances...) are errors too: ajv skips a
   * property whose value is undefined, and JSON.stringify would drop or change them.
   */
  validate(value: unknown): SchemaError[] {
    const errors = nonJson(value, "");
    if (!this.check(value)) errors.push(...(this.check.errors ?? []).map(describe));
    const seen = new Set<string>();
    const unique = errors.filter((e) => {
      const key = `${e.path}\n${e.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return unique.sort((a, b) => depth(b.path) - depth(a.path));
  }
}

function describe(error: ErrorObject): SchemaError {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties") {
    return { path: `${error.instancePath}/${escape(String(params.additionalProperty))}`, message: "is not an allowed property" };
  }
  let message = error.message ?? error.keyword;
  if (error.keyword === "enum") message += ` ${JSON.stringify(params.allowedValues).slice(0, 200)}`;
  if (error.keyword === "const") message += ` ${JSON.stringify(params.allowedValue)}`;
  return { path: error.instancePath, message };
}

function nonJson(value: unknown, at: string): SchemaError[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [{ path: at, message: `is not a JSON value (${value})` }];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonJson(item, `${at}/${i}`));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [{ path: at, message: `is not a JSON value (${proto?.constructor?.name ?? "object"})` }];
    return Object.entries(value).flatMap(([key, item]) => nonJson(item, `${at}/${escape(key)}`));
  }
  return [{ path: at, message: `is not a JSON value (${typeof value})` }];
}

/** A key as one JSON pointer segment. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function depth(pointer: string): number {
  return pointer === "" ? 0 : pointer.split("/").length;
}
