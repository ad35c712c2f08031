/**
 * A small JSON Schema (draft-07) validator covering the keywords the Vega-Lite v5 schema uses:
 * $ref, anyOf, enum, const, type, properties, additionalProperties, required, items,
 * minimum/maximum, minItems/maxItems, minLength/maxLength, minProperties (format is ignored).
 * Test helper only; no packages added.
 */
import * as fs from "fs";
import * as path from "path";

type Schema = { [key: string]: unknown } | boolean;

/** One validation error: where (a JSON pointer-ish path) and what. */
export interface SchemaError {
  path: string;
  message: string;
}

export class JsonSchema {
  constructor(private readonly root: { [key: string]: unknown }) {}

  /** Loads the Vega-Lite v5 schema shipped with the vega-lite package. */
  static vegaLite(): JsonSchema {
    const file = path.join(path.dirname(require.resolve("vega-lite")), "vega-lite-schema.json");
    return new JsonSchema(JSON.parse(fs.readFileSync(file, "utf8")));
  }

  /** Errors of `value` against the root schema (empty when valid). */
  validate(value: unknown): SchemaError[] {
    return this.check(this.root, value, "");
  }

  private resolve(ref: string): Schema {
    if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
    let node: unknown = this.root;
    for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown>)[decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~"))];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
    return node as Schema;
  }

  private check(schema: Schema, value: unknown, at: string): SchemaError[] {
    if (schema === true) return [];
    if (schema === false) return [{ path: at, message: "no value allowed here" }];
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === "string") return this.check(this.resolve(s.$ref), value, at);
    const errors: SchemaError[] = [];
    if (Array.isArray(s.anyOf)) {
      let best: SchemaError[] | undefined;
      for (const branch of s.anyOf as Schema[]) {
        const e = this.check(branch, value, at);
        if (e.length === 0) {
          best = undefined;
          break;
        }
        if (!best || depth(e) > depth(best)) best = e;
      }
      if (best) return best;
    }
    if (s.const !== undefined && JSON.stringify(s.const) !== JSON.stringify(value)) {
      errors.push({ path: at, message: `must equal ${JSON.stringify(s.const)}` });
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
      errors.push({ path: at, message: `must be one of ${JSON.stringify(s.enum).slice(0, 200)}` });
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => hasType(t, value))) {
        errors.push({ path: at, message: `must be of type ${types.join("|")}; got ${JSON.stringify(value)?.slice(0, 80)}` });
        return errors;
      }
    }
    if (typeof value === "number") {
      if (typeof s.minimum === "number" && value < s.minimum) errors.push({ path: at, message: `must be >= ${s.minimum}` });
      if (typeof s.maximum === "number" && value > s.maximum) errors.push({ path: at, message: `must be <= ${s.maximum}` });
    }
    if (typeof value === "string") {
      if (typeof s.minLength === "number" && value.length < s.minLength) errors.push({ path: at, message: `must have length >= ${s.minLength}` });
      if (typeof s.maxLength === "number" && value.length > s.maxLength) errors.push({ path: at, message: `must have length <= ${s.maxLength}` });
    }
    if (Array.isArray(value)) {
      if (typeof s.minItems === "number" && value.length < s.minItems) errors.push({ path: at, message: `must have >= ${s.minItems} items` });
      if (typeof s.maxItems === "number" && value.length > s.maxItems) errors.push({ path: at, message: `must have <= ${s.maxItems} items` });
      if (Array.isArray(s.items)) {
        (s.items as Schema[]).forEach((item, i) => {
          if (i < value.length) errors.push(...this.check(item, value[i], `${at}/${i}`));
        });
      } else if (s.items !== undefined) {
        value.forEach((item, i) => errors.push(...this.check(s.items as Schema, item, `${at}/${i}`)));
      }
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const obj = value as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      if (typeof s.minProperties === "number" && Object.keys(obj).length < s.minProperties) errors.push({ path: at, message: `must have >= ${s.minProperties} properties` });
      for (const key of (s.required ?? []) as string[]) {
        if (!(key in obj)) errors.push({ path: at, message: `must have property ${JSON.stringify(key)}` });
      }
      for (const [key, item] of Object.entries(obj)) {
        if (key in props) errors.push(...this.check(props[key], item, `${at}/${key}`));
        else if (s.additionalProperties === false) errors.push({ path: `${at}/${key}`, message: "is not an allowed property" });
        else if (s.additionalProperties !== undefined && s.additionalProperties !== true) errors.push(...this.check(s.additionalProperties as Schema, item, `${at}/${key}`));
      }
    }
    return errors;
  }
}

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return value !== null && typeof value === "object" && !Array.isArray(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

function depth(errors: SchemaError[]): number {
  return Math.max(...errors.map((e) => e.path.split("/").length));
}
