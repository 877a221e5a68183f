/**
 * Cell conversions shared by the CSV formats. Reading keeps what it cannot convert as text, so the row's DTO
 * rules report it with the same reasons as the JSON API ("weight must be a finite number").
 */

/** Separates the items of a list in one cell: `en;pt-BR`. */
export const LIST_SEPARATOR = ';';

export function readList(cell: string): string[] {
  return cell
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function writeList(items: readonly string[]): string {
  return items.join(LIST_SEPARATOR);
}

/** `true`/`false` in any case; empty is absent. */
export function readBoolean(cell: string): boolean | string | undefined {
  if (cell === '') return undefined;
  const lower = cell.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : cell;
}

/** A number in JavaScript notation; empty is absent. */
export function readNumber(cell: string): number | string | undefined {
  if (cell === '') return undefined;
  const value = Number(cell);
  return Number.isNaN(value) ? cell : value;
}

export function writeOptional(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

/** Items `a-b` (a day's windows `09:00-12:00`) or `a/b` (periods in ISO 8601 interval notation). */
export function readPairs<K extends string>(
  cell: string,
  separator: string,
  [first, second]: [K, K],
): Record<K, string>[] {
  return readList(cell).map((item) => {
    const at = item.indexOf(separator);
    const [a, b] = at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
    return { [first]: a.trim(), [second]: b.trim() } as Record<K, string>;
  });
}

export function writePairs<K extends string>(
  items: readonly Record<K, string>[],
  separator: string,
  [first, second]: [K, K],
): string {
  return writeList(items.map((item) => `${item[first]}${separator}${item[second]}`));
}

/** A row's body without the fields its file left out, so the DTO's optional rules see them absent. */
export function withoutAbsent(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
