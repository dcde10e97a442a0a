/**
 * A text column holding `JSON.stringify` of a `T`, typed by what it holds. For the large blobs (a dataset, a
 * run's whole result) the text itself is what is passed around — serialised once, off the request path where
 * possible, and parsed only by the reader that needs the value — so drizzle's `mode: 'json'`, which parses
 * on every select and stringifies on every insert, does not suit them. Small JSON columns use `mode: 'json'`.
 *
 * @example
 * const text = toJsonText(result); // JsonText<AllocationResult>
 * fromJsonText(text).outputHash;    // typed, without a cast at the call site
 */
export type JsonText<T> = string & { readonly __jsonOf?: T };

export function toJsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}

export function fromJsonText<T>(text: JsonText<T>): T {
  return JSON.parse(text) as T;
}
