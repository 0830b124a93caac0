// The year's counters of visits of the city picked (or all cities): batches (批) and person-times (人次), inbound and outbound, as
// the hub's delegationStats counts them from the itemised records, beside the totals the offices
// report for the year (reportedFigures), which they itemise only in part. They are read again
// after each new visit rather than added up on the page, so that they always agree with the hub.
import { explain, HubApi } from "./api";
import { cityName, Scope, yearFilter } from "./city-picker";
import { el, show } from "./dom";
import { DIRECTION } from "./labels";

const STATS = `query($filter: DelegationFilter, $year: Int, $cityId: ID) {
  delegationStats(groupBy: [DIRECTION], filter: $filter) {
    key batches personTimes sizeUnknownBatches
  }
  reportedFigures(year: $year, cityId: $cityId) { label direction batches personTimes approximate city { nameZh } }
}`;

interface Stat {
  key: string[];
  batches: number;
  personTimes: number;
  sizeUnknownBatches: number;
}

interface Figure {
  label: string;
  direction: string | null;
  batches: number | null;
  personTimes: number | null;
  approximate: boolean;
  city: { nameZh: string };
}

const NONE: Stat = { key: [], batches: 0, personTimes: 0, sizeUnknownBatches: 0 };
const REFRESH_DELAY_MS = 150;
/** Shown instead of a sum of people when no counted visit gives its size. */
export const SIZE_UNKNOWN = "人数不详";

export class YearCounters {
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly api: HubApi,
    private readonly box: HTMLElement,
    private scope: Scope,
  ) {}

  follow(scope: Scope): void {
    this.scope = scope;
    void this.refresh();
  }

  /** Several visits arriving together cost one read. */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const { year, city } = this.scope;
    const filter = { ...yearFilter(year), homeCityId: city?.id };
    try {
      const answer = await this.api.query<{ delegationStats: Stat[]; reportedFigures: Figure[] }>(
        STATS,
        { filter, year, cityId: city?.id },
      );
      this.render(answer.delegationStats, answer.reportedFigures);
    } catch (error) {
      show(this.box, el("p", { class: "notice" }, explain(error, "统计 counters ", "token")));
    }
  }

  private render(stats: Stat[], figures: Figure[]): void {
    show(
      this.box,
      el("h3", {}, `${this.scope.year} 年 · ${cityName(this.scope)}`),
      ...(["INBOUND", "OUTBOUND"] as const).flatMap((direction) => {
        const stat = stats.find((s) => s.key[0] === direction) ?? NONE;
        // The largest total first: the office's headline figure.
        const reported = figures
          .filter((f) => f.direction === direction)
          .sort((a, b) => (b.personTimes ?? 0) - (a.personTimes ?? 0));
        const word = DIRECTION[direction];
        const key = direction.toLowerCase();
        return [
          counter(
            `${key}-batches`,
            `${word} · 批 batches`,
            stat.batches,
            reported.map(
              (f, i) => `${i ? "" : `已录入 ${stat.batches} 批 · `}报告 ${reportedText(f)}`,
            ),
          ),
          counter(
            `${key}-person-times`,
            `${word} · 人次 person-times`,
            personTimes(stat),
            stat.sizeUnknownBatches > 0 && stat.personTimes > 0
              ? [`另 ${stat.sizeUnknownBatches} 批${SIZE_UNKNOWN}`]
              : [],
          ),
        ];
      }),
    );
  }
}

/** The sum of people, or SIZE_UNKNOWN when every counted visit leaves its size out. */
function personTimes(stat: Stat): number | string {
  return stat.personTimes === 0 && stat.sizeUnknownBatches > 0 ? SIZE_UNKNOWN : stat.personTimes;
}

/** e.g. 南昌 接待党宾、外宾 28 批 368 人次 */
function reportedText(figure: Figure): string {
  const about = figure.approximate ? "约 " : "";
  const parts = [
    figure.batches === null ? null : `${figure.batches} 批`,
    figure.personTimes === null ? null : `${figure.personTimes} 人次`,
  ].filter(Boolean);
  return `${figure.city.nameZh} ${figure.label} ${about}${parts.join(" ")}`;
}

function counter(
  name: string,
  caption: string,
  value: number | string,
  notes: string[],
): HTMLElement {
  return el(
    "div",
    { class: "counter", "data-counter": name },
    el("span", { class: "value" }, value),
    el("span", { class: "caption" }, caption),
    ...notes.map((note) => el("span", { class: "caption reported" }, note)),
  );
}
