/** Code-unit order, not locale order: sorting that decides results must not depend on the machine's locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
