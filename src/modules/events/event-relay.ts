// Each hub instance's relay from the outbox to its own subscribers. PostgreSQL LISTEN/NOTIFY (or
// PGlite's) says a cursor was committed; the relay then reads every event after the last one it
// handed out, in cursor order, so a lost notification or a dropped LISTEN connection costs a
// delay, never an event. A slow poll catches anything a notification did not announce.
import pg from "pg";
import { getPGliteInstance } from "typeorm-pglite";
import { DataSource } from "typeorm";
import { withoutCounting } from "../../db/statement-count";
import { HubEventRow } from "./hub-event";
import { EVENT_CHANNEL } from "./record-event";

const BATCH = 500;
const POLL_MS = 2000;
const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

// An event's record is its audit entry's; events written before they named entries hold a copy.
const EVENTS = `SELECT e.cursor::text AS cursor, e.type, e.entity_type AS "entityType",
    e.entity_id AS "entityId", e.city_id AS "cityId",
    coalesce(e.entity, a.after, a.before) AS entity, e.occurred_at AS "occurredAt"
  FROM hub_event e LEFT JOIN audit_entry a ON a.id = e.entry_id`;

type Listener = (event: HubEventRow) => void;

export class EventRelay {
  private delivered = 0n;
  private relayedCount = 0;
  private listeningNow = false;
  private readonly listeners = new Set<Listener>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private poll?: NodeJS.Timeout;
  private listenClient?: pg.Client;
  private stopListening?: () => Promise<void>;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly databaseUrl: string | undefined,
  ) {}

  async start(): Promise<void> {
    const [{ last }] = await this.db.query(
      `SELECT coalesce(max(cursor), 0)::text AS last FROM hub_event`,
    );
    this.delivered = BigInt(last);
    await this.listen();
    this.poll = setInterval(() => void this.catchUp(), POLL_MS);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    await this.stopListening?.();
    await this.reading;
  }

  /** The last cursor handed to listeners: history up to it is read with `history`. */
  get lastDelivered(): bigint {
    return this.delivered;
  }

  /** Whether notifications are heard now (readiness); without them events wait for the poll. */
  get listening(): boolean {
    return this.listeningNow && !this.stopped;
  }

  /** Events read from the outbox and handed to listeners since start (metrics). */
  get relayed(): number {
    return this.relayedCount;
  }

  /** Listeners now subscribed: one per open event subscription (metrics). */
  get subscribers(): number {
    return this.listeners.size;
  }

  /** Live events from now on, in cursor order; returns the way to stop them. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events with `after` < cursor ≤ `upTo`, in order. */
  async history(after: bigint, upTo: bigint): Promise<HubEventRow[]> {
    const events: HubEventRow[] = [];
    let from = after;
    while (from < upTo) {
      const rows: HubEventRow[] = await this.db.query(
        `${EVENTS} WHERE e.cursor > $1 AND e.cursor <= $2 ORDER BY e.cursor LIMIT ${BATCH}`,
        [from.toString(), upTo.toString()],
      );
      events.push(...rows);
      if (rows.length < BATCH) break;
      from = BigInt(rows[rows.length - 1].cursor);
    }
    return events;
  }

  /** Reads and hands out everything committed since the last delivery; concurrent calls coalesce. */
  catchUp(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = this.readAll().finally(() => (this.reading = null));
    return this.reading;
  }

  private async readAll(): Promise<void> {
    do {
      this.readAgain = false;
      let rows: HubEventRow[];
      do {
        // A failed read (the database away) is retried by the next notification or poll.
        rows = await withoutCounting(() =>
          this.db.query(`${EVENTS} WHERE e.cursor > $1 ORDER BY e.cursor LIMIT ${BATCH}`, [
            this.delivered.toString(),
          ]),
        ).catch(() => []);
        for (const row of rows) {
          this.delivered = BigInt(row.cursor);
          this.relayedCount++;
          for (const listener of this.listeners) listener(row);
        }
      } while (rows.length === BATCH);
    } while (this.readAgain && !this.stopped);
  }

  private async listen(): Promise<void> {
    if (!this.databaseUrl) {
      const embedded = await getPGliteInstance();
      this.stopListening = await embedded.listen(EVENT_CHANNEL, () => void this.catchUp());
      this.listeningNow = true;
      return;
    }
    await this.connectListener(0);
    this.stopListening = async () => {
      await this.listenClient?.end().catch(() => undefined);
    };
  }

  /** Opens the LISTEN connection; when it drops, opens another and catches up from the cursor. */
  private async connectListener(attempt: number): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      application_name: "hub-event-relay",
    });
    const retry = () => {
      if (this.stopped || this.listenClient !== client) return;
      this.listenClient = undefined;
      this.listeningNow = false;
      const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
      setTimeout(() => void this.connectListener(attempt + 1), delay).unref();
    };
    this.listenClient = client;
    client.on("error", retry);
    client.on("end", retry);
    client.on("notification", () => void this.catchUp());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_CHANNEL}`);
      this.listeningNow = true;
      attempt = 0;
      await this.catchUp();
    } catch {
      retry();
    }
  }
}
