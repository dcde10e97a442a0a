/**
 * Compile-time ties between the API's zod schemas and the engine's types. A zod object drops keys it does
 * not declare, so a field added to Placement or Rules would vanish from responses without anyone noticing;
 * `Assert<SameKeys<z.output<typeof Schema>, EngineType>>` stops `npm run lint` instead.
 */

type Equal<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;

/** Some member of union `U` has exactly the keys `K`. */
type HasMemberWithKeys<U, K> = true extends (U extends unknown ? Equal<keyof U, K> : never) ? true : false;

/** Members of `B` with no member of `A` having the same keys. */
type Unmatched<A, B> = B extends unknown ? (HasMemberWithKeys<A, keyof B> extends true ? never : B) : never;

/**
 * `true` when `A` and `B` — objects, or unions of objects — have the same keys member by member (top level);
 * otherwise an object naming the members that differ, which `Assert` rejects.
 */
export type SameKeys<A, B> = [Unmatched<A, B> | Unmatched<B, A>] extends [never]
  ? true
  : { readonly keysDiffer: Unmatched<A, B> | Unmatched<B, A> };

/** Compiles only for `true`. */
export type Assert<T extends true> = T;
