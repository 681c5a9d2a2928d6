// Stripe's request encoding: application/x-www-form-urlencoded with bracketed keys
// (metadata[order_id]=…, payment_method_data[card][number]=…, expand[]=…, items[0][x]=…),
// decoded into nested objects and arrays.

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

// Keys that would reach Object.prototype through plain-object assignment.
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

function keyPath(key: string): string[] | null {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) return null;
  const rest = [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!);
  return [match[1]!, ...rest];
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return Array.isArray(value) ? value.map(toArrays) : value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => toArrays(value[k]!));
  }
  const out: FormObject = {};
  for (const k of keys) out[k] = toArrays(value[k]!);
  return out;
}

export function decodeForm(body: string | URLSearchParams): FormObject {
  const params = typeof body === "string" ? new URLSearchParams(body) : body;
  const root: FormObject = {};
  for (const [key, value] of params) {
    const path = keyPath(key);
    if (!path || path.some((part) => FORBIDDEN.has(part))) continue;
    let node: FormObject = root;
    for (let i = 0; i < path.length; i++) {
      let part = path[i]!;
      const last = i === path.length - 1;
      if (part === "") part = String(Object.keys(node).length); // expand[]=a&expand[]=b
      if (last) {
        node[part] = value;
      } else {
        const child = node[part];
        if (typeof child !== "object" || Array.isArray(child)) node[part] = {};
        node = node[part] as FormObject;
      }
    }
  }
  return toArrays(root) as FormObject;
}
