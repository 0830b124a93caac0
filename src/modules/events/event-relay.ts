// Each hub instance's relay from the outbox to its own subscribers. PostgreSQL LISTEN/NOTIFY (or
// PGlite's) says a cursor was committed; the relay then reads every event after the last one it
// handed out, in cursor order, so a lost notification or a dropped LISTEN connection costs a
// delay, never an event. A slow poll catches anything a notification did not announce. On
// PostgreSQL it reads on its LISTEN connection, its own, so that a busy request pool never holds
// the live stream back; it reads the next batch only once its listeners have handled the last,
// so that a bulk import's events wait in the database, not in memory.
import pg from "pg";
import { getPGliteInstance } from "typeorm-pglite";
import { DataSource } from "typeorm";
import { UNCOUNTED } from "../../db/statement-count";
import { nextEvents, Query } from "./event-history";
import { HubEventRow } from "./hub-event";
import { EVENT_CHANNEL } from "./record-event";

const BATCH = 500;
const POLL_MS = 2000;
const RECONNECT_MS = [100, 250, 500, 1000, 2000, 5000];

/** Handles one batch of live events, in cursor order; the relay waits for it. */
type Listener = (events: HubEventRow[]) => Promise<void> | void;

export class EventRelay {
  private delivered = 0n;
  private relayedCount = 0;
  private listeningNow = false;
  private readonly listeners = new Set<Listener>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private poll?: NodeJS.Timeout;
  private listenClient?: pg.Client;
  private connected = false;
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

  /** The last cursor handed to listeners: a replay reads the history up to it. */
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

  /** Live events from now on, in cursor order; returns the way to stop them. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
        rows = await nextEvents(this.query, this.delivered, BATCH).catch(() => []);
        if (!rows.length) break;
        this.delivered = BigInt(rows[rows.length - 1].cursor);
        this.relayedCount += rows.length;
        await Promise.all([...this.listeners].map((listener) => listener(rows)));
      } while (rows.length === BATCH && !this.stopped);
    } while (this.readAgain && !this.stopped);
  }

  /** The relay's reads, on the embedded database through the hub's, uncounted there. */
  private readonly query: Query = async (sql, parameters) => {
    if (!this.databaseUrl) return this.db.query(UNCOUNTED + sql, parameters);
    if (!this.connected) throw new Error("the relay's connection is down");
    return (await this.listenClient!.query(sql, parameters)).rows;
  };

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
      this.connected = false;
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
      this.connected = true;
      this.listeningNow = true;
      attempt = 0;
      await this.catchUp();
    } catch {
      retry();
    }
  }
}
