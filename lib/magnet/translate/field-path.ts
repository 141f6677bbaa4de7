// Reads a field path of the signature graph (`booking_id`, `order.id`, `flights[].id`, `[].id`,
// '' for the whole value) out of an output. Arrays give their first element.
export function readFieldPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let cur: unknown = value;
  for (const part of path.split('.')) {
    let key = part;
    let each = false;
    if (key.endsWith('[]')) {
      key = key.slice(0, -2);
      each = true;
    }
    if (key !== '') {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    }
    if (each) {
      if (!Array.isArray(cur) || cur.length === 0) return undefined;
      cur = cur[0];
    }
  }
  return cur;
}
