import fc from 'fast-check';

/** A list and the same list in another order: for properties that must not depend on arrival order. */
export const withShuffled = <T>(lists: fc.Arbitrary<T[]>): fc.Arbitrary<[T[], T[]]> =>
  lists.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));
