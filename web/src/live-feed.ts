// The feed of new visits of the year and city picked, newest first. It loads the latest records
// after reading the hub's event cursor, then subscribes with `since` set to that cursor, so
// nothing recorded in between is lost; each event moves the cursor on, and a reconnection
// resubscribes from the last one shown. The hub filters the events by city; the year, which the
// subscription cannot filter by, is checked here.
import type { Client, FormattedExecutionResult } from "graphql-ws";
import { explain, HubApi } from "./api";
import { Scope, yearFilter } from "./city-picker";
import { YearCounters } from "./counters";
import { el, show } from "./dom";
import { DIRECTION, label, PURPOSE } from "./labels";

const FIELDS = `id name direction size startDate endDate datePrecision purposes
  homeCity { id nameZh } counterpartCountry { nameZh } counterpartCity { nameZh }`;

const LATEST = `query($first: Int, $filter: DelegationFilter) {
  delegations(orderBy: { field: CREATED_AT, direction: DESC }, first: $first, filter: $filter) {
    nodes { ${FIELDS} }
  }
}`;

const RECORDED = `subscription($since: String, $filter: DelegationRecordedFilter) {
  delegationRecorded(since: $since, filter: $filter) { ${FIELDS} }
}`;

export interface Visit {
  id: string;
  name: string;
  direction: string;
  size: number | null;
  /** All three null when no source dates the visit. */
  startDate: string | null;
  endDate: string | null;
  datePrecision: "DAY" | "MONTH" | "YEAR" | null;
  purposes: string[];
  homeCity: { id: string; nameZh: string };
  counterpartCountry: { nameZh: string } | null;
  counterpartCity: { nameZh: string } | null;
}

const SHOWN_AT_MOST = 50;
/** Shown instead of dates when no source gives them. */
const DATE_UNKNOWN = "日期不详";

export class LiveFeed {
  private cursor = 0n;
  private readonly shown = new Set<string>();
  /**
   * graphql-ws sends this same request again when it reconnects, so keeping `since` on it at the
   * last cursor shown is what makes a reconnection resume rather than start over.
   */
  private readonly subscription = {
    query: RECORDED,
    variables: { since: "0", filter: null as { homeCityId: string } | null },
  };
  private client?: Client;
  private unsubscribe?: () => void;
  /** A start overtaken by a later one (a new token) leaves the feed to it. */
  private runs = 0;

  constructor(
    private readonly api: HubApi,
    private readonly list: HTMLElement,
    private readonly counters: YearCounters,
    private scope: Scope,
    private readonly onCursor: (cursor: string) => void,
  ) {}

  /** Another year or city: the feed starts over on the same connection. */
  async follow(scope: Scope): Promise<void> {
    this.scope = scope;
    if (!this.client) return;
    const run = this.runs + 1;
    try {
      await this.start(this.client);
    } catch (error) {
      if (run === this.runs) this.refused(error);
    }
  }

  /** The cursor is read before the records: anything committed after it arrives as an event. */
  async start(client: Client): Promise<void> {
    const run = ++this.runs;
    this.client = client;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const { year, city } = this.scope;
    const { eventCursor } = await this.api.query<{ eventCursor: string }>(`{ eventCursor }`);
    const { delegations } = await this.api.query<{ delegations: { nodes: Visit[] } }>(LATEST, {
      first: SHOWN_AT_MOST,
      filter: { ...yearFilter(year), homeCityId: city?.id },
    });
    if (run !== this.runs) return;
    this.shown.clear();
    show(
      this.list,
      ...delegations.nodes.map((visit) => this.item(visit)),
      delegations.nodes.length
        ? null
        : el("li", { class: "notice empty" }, `${year} 年暂无团组 · no visits recorded yet`),
    );
    // Says which year and city the list now shows, for the browser test and a curious reader.
    this.list.dataset.year = String(year);
    this.list.dataset.city = city?.id ?? "all";
    this.subscription.variables.filter = city ? { homeCityId: city.id } : null;
    this.moveCursor(BigInt(eventCursor));
    void this.counters.refresh();
    this.unsubscribe = client.subscribe<{ delegationRecorded: Visit }>(this.subscription, {
      next: (result) => this.received(result),
      error: (error) => console.error("delegationRecorded failed", error),
      complete: () => undefined,
    });
  }

  /** Without the records there is no feed: the page says why instead. */
  refused(error: unknown): void {
    show(this.list, el("li", { class: "notice" }, explain(error, "来访记录 the feed ", "token")));
  }

  private received(result: FormattedExecutionResult<{ delegationRecorded: Visit }, unknown>): void {
    const cursor = (result.extensions as { cursor?: string } | undefined)?.cursor;
    if (cursor !== undefined) {
      if (BigInt(cursor) <= this.cursor) return;
      this.moveCursor(BigInt(cursor));
    }
    const visit = result.data?.delegationRecorded;
    if (!visit || this.shown.has(visit.id) || !inYear(visit, this.scope.year)) return;
    this.list.querySelector(".empty")?.remove();
    this.list.prepend(this.item(visit, true));
    while (this.list.children.length > SHOWN_AT_MOST) this.list.lastElementChild!.remove();
    this.counters.refreshSoon();
  }

  private moveCursor(cursor: bigint): void {
    this.cursor = cursor;
    this.subscription.variables.since = String(cursor);
    this.onCursor(String(cursor));
  }

  private item(visit: Visit, fresh = false): HTMLElement {
    this.shown.add(visit.id);
    const counterpart = [visit.counterpartCountry?.nameZh, visit.counterpartCity?.nameZh]
      .filter(Boolean)
      .join(" · ");
    const dates = when(visit);
    return el(
      "li",
      {
        class: `visit ${visit.direction.toLowerCase()}${fresh ? " fresh" : ""}`,
        "data-id": visit.id,
        "data-name": visit.name,
        "data-city": visit.homeCity.id,
        "data-start": visit.startDate,
        "data-end": visit.endDate,
      },
      el("span", { class: "badge" }, label(DIRECTION, visit.direction).split(" ")[0]),
      el("strong", { class: "name" }, visit.name),
      el(
        "span",
        { class: "route" },
        visit.direction === "INBOUND"
          ? `${counterpart || "—"} → ${visit.homeCity.nameZh}`
          : `${visit.homeCity.nameZh} → ${counterpart || "—"}`,
      ),
      el("span", { class: "size" }, visit.size === null ? "人数不详" : `${visit.size} 人`),
      el("time", {}, dates),
      el(
        "span",
        { class: "purposes" },
        visit.purposes.map((purpose) => label(PURPOSE, purpose).split(" ")[0]).join("、"),
      ),
    );
  }
}

/**
 * As the hub's from/to filter reads it: ends in or after the year, starts in or before it. A visit
 * recorded with no date belongs to no year, so whatever the year it is shown as it arrives:
 * otherwise no view of the dashboard would ever show it.
 */
function inYear({ startDate, endDate }: Visit, year: number): boolean {
  if (startDate === null || endDate === null) return true;
  const { from, to } = yearFilter(year);
  return endDate >= from && startDate <= to;
}

/** A visit known only to the year or month is shown as such, not as a span of days. */
function when({ startDate, endDate, datePrecision }: Visit): string {
  if (startDate === null || endDate === null) return DATE_UNKNOWN;
  const precise = (date: string) =>
    datePrecision === "YEAR"
      ? date.slice(0, 4)
      : datePrecision === "MONTH"
        ? date.slice(0, 7)
        : date;
  const [start, end] = [precise(startDate), precise(endDate ?? startDate)];
  return start === end ? start : `${start} – ${end}`;
}
