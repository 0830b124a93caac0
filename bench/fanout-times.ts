// What the subscribers' process makes of its receipts: the percentiles of each delay, computed where
// the receipts are, so that only a few numbers cross to the coordinating process.

export interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface DeliveryTimes {
  fromSend: Spread;
  fromAnswer: Spread;
  /** From send, for the subscribers of instance A and of instance B. */
  onInstance: [Spread, Spread];
  /** Per event, from its first subscriber to its last. */
  fanOut: Spread;
  roundTrip: Spread;
  /** Writes: the first sent, the last sent, the last answered (ms since the epoch). */
  firstSent: number;
  lastSent: number;
  lastAnswered: number;
}

function percentiles(values: Float64Array): Spread {
  const sorted = values.slice().sort();
  const at = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

/**
 * Each delivery's delay after its write was sent and after it was answered, and per event the
 * spread from its first subscriber to its last. `received` is subscriber-major.
 */
export function deliveryTimes(
  received: Float64Array,
  sentAt: Float64Array,
  ackedAt: Float64Array,
  subscribers: number,
  events: number,
): DeliveryTimes {
  const fromSend: number[] = [];
  const fromAnswer: number[] = [];
  const onInstance: number[][] = [[], []];
  const fanOut: number[] = [];
  for (let seq = 0; seq < events; seq++) {
    let first = Infinity;
    let last = -Infinity;
    for (let subscriber = 0; subscriber < subscribers; subscriber++) {
      const at = received[subscriber * events + seq];
      if (Number.isNaN(at)) continue;
      fromSend.push(at - sentAt[seq]);
      fromAnswer.push(at - ackedAt[seq]);
      onInstance[subscriber % 2].push(at - sentAt[seq]);
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    if (last >= first) fanOut.push(last - first);
  }
  return {
    fromSend: percentiles(Float64Array.from(fromSend)),
    fromAnswer: percentiles(Float64Array.from(fromAnswer)),
    onInstance: [
      percentiles(Float64Array.from(onInstance[0])),
      percentiles(Float64Array.from(onInstance[1])),
    ],
    fanOut: percentiles(Float64Array.from(fanOut)),
    roundTrip: percentiles(Float64Array.from(sentAt, (at, i) => ackedAt[i] - at)),
    firstSent: sentAt[0],
    lastSent: sentAt[events - 1],
    lastAnswered: ackedAt.reduce((last, at) => (at > last ? at : last), -Infinity),
  };
}
