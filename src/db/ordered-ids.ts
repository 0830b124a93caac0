// Ids for rows written in bulk, in increasing order: the UUIDv7 layout (milliseconds since the
// epoch, then bits that count up from a random start). A batch's inserts then append to each
// index on those ids instead of landing on random pages, several times faster for large batches.
import { randomBytes } from "node:crypto";

const COUNTER_BITS = 62n;

export function orderedIds(count: number): string[] {
  const millis = Date.now().toString(16).padStart(12, "0");
  const randA = randomBytes(2).readUInt16BE() & 0x0fff;
  // A random start well below 2^62, so that counting up never overflows.
  let counter = BigInt(`0x${randomBytes(5).toString("hex")}`) << 16n;
  const ids: string[] = [];
  for (let i = 0; i < count; i++, counter++) {
    const high = Number((counter >> 48n) & ((1n << (COUNTER_BITS - 48n)) - 1n));
    const low = (counter & 0xffffffffffffn).toString(16).padStart(12, "0");
    ids.push(
      `${millis.slice(0, 8)}-${millis.slice(8)}-7${randA.toString(16).padStart(3, "0")}-${(0x8000 | high).toString(16)}-${low}`,
    );
  }
  return ids;
}
