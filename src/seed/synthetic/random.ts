// Everything random in the synthetic dataset comes from here, seeded, so that one seed always
// makes the same rows: a small fast generator (sfc32), weighted and power-law choices, and row ids
// hashed from (seed, table, row number) rather than drawn, so that any pass can name any row.

/** Four 32-bit words from a string (cyrb128), to seed generators and ids. */
export function hashWords(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** murmur3's finaliser: a bijection on 32-bit words that mixes every bit. */
function mix(word: number): number {
  let h = word >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// Number.prototype.toString(16) is slow enough to dominate the generator; a byte table is not.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const hex8 = (word: number) =>
  HEX[word >>> 24] + HEX[(word >>> 16) & 255] + HEX[(word >>> 8) & 255] + HEX[word & 255];

/**
 * Row ids of one seed. The first word is a bijection of the row number, so ids never collide
 * within a table; the rest look random, as gen_random_uuid() ids would. Version nibble 8 (custom).
 */
export class IdSpace {
  private readonly salts = new Map<string, [number, number, number, number]>();

  constructor(private readonly seed: string) {}

  of(table: string, row: number): string {
    let salt = this.salts.get(table);
    if (!salt) {
      salt = hashWords(`${this.seed}\u0000${table}`);
      this.salts.set(table, salt);
    }
    const w0 = mix((row + salt[0]) >>> 0);
    const w1 = mix(w0 ^ salt[1]);
    const w2 = mix(w1 ^ salt[2]);
    const w3 = mix(w2 ^ salt[3]);
    const a = hex8(w0);
    const b = hex8(((w1 & 0xffff0fff) | 0x00008000) >>> 0);
    const c = hex8(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex8(w3)}`;
  }
}

/** A seeded generator (sfc32): one stream per pass, so that batching never changes a value. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hashWords(seed);
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A uniform 32-bit word. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.float() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** A count with the given mean, mostly small, never below `min` (geometric). */
  geometric(mean: number, min: number, max: number): number {
    const value = min + Math.floor(-Math.log(1 - this.float()) * mean);
    return Math.min(value, max);
  }
}

/** Choice of an index in proportion to fixed weights (cumulative table, binary search). */
export class Weighted {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i];
      this.cumulative[i] = total;
    }
  }

  /** Index i with weight 1 / (i + 1)^exponent: rank 0 is the busiest (Zipf's law). */
  static powerLaw(count: number, exponent: number): Weighted {
    return new Weighted(Float64Array.from({ length: count }, (_, i) => (i + 1) ** -exponent));
  }

  get size(): number {
    return this.cumulative.length;
  }

  index(random: Random): number {
    const target = random.float() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** A fixed set of values, each with its weight. */
export class Choice<T> {
  private readonly weighted: Weighted;
  private readonly values: T[];

  constructor(entries: [T, number][]) {
    this.values = entries.map(([value]) => value);
    this.weighted = new Weighted(entries.map(([, weight]) => weight));
  }

  pick(random: Random): T {
    return this.values[this.weighted.index(random)];
  }
}
