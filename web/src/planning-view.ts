// The plan of the city and year picked in the header: each target's achieved / target as a
// progress bar, the focus regions its records have not reached yet, and the city's partnerships
// in the pipeline by stage.
import { explain, HubApi } from "./api";
import { Scope } from "./city-picker";
import { byId, el, show } from "./dom";
import { label, METRIC, REGION, STAGE, SUBREGION } from "./labels";

const PLAN = `query($cityId: ID!, $year: Int!) {
  planProgress(cityId: $cityId, year: $year) {
    target { id metric targetValue focusRegions focusSubregions note }
    achieved met uncoveredRegions uncoveredSubregions
  }
  pipeline(cityId: $cityId) {
    stage since sincePrecision daysInStage
    partnership { id kind partnerCity { nameZh nameEn country { nameZh } } }
  }
}`;

interface Progress {
  target: {
    id: string;
    metric: string;
    targetValue: number;
    focusRegions: string[];
    focusSubregions: string[];
    note: string | null;
  };
  achieved: number;
  met: boolean;
  uncoveredRegions: string[];
  uncoveredSubregions: string[];
}

interface PipelineEntry {
  stage: string;
  since: string | null;
  sincePrecision: "DAY" | "MONTH" | "YEAR" | null;
  daysInStage: number | null;
  partnership: {
    id: string;
    kind: string;
    partnerCity: { nameZh: string; nameEn: string; country: { nameZh: string } };
  };
}

export class PlanningView {
  constructor(
    private readonly api: HubApi,
    private readonly scope: () => Scope,
  ) {}

  /** The plan of the city and year in the header; all cities have no one plan. */
  async refresh(): Promise<void> {
    const { year, city } = this.scope();
    if (!city) {
      byId("plan-title").textContent = `${year} 年计划 · plan for ${year}`;
      for (const id of ["plan-targets", "plan-regions", "pipeline"]) show(byId(id));
      show(
        byId("plan-targets"),
        el("p", { class: "notice" }, "请在上方选择一个城市 · pick a city above to see its plan"),
      );
      return;
    }
    byId("plan-title").textContent =
      `${city.nameZh} ${year} 年计划 · ${city.nameEn}'s plan for ${year}`;
    try {
      const { planProgress, pipeline } = await this.api.query<{
        planProgress: Progress[];
        pipeline: PipelineEntry[];
      }>(PLAN, { cityId: city.id, year });
      show(byId("plan-targets"), ...targets(planProgress));
      show(byId("plan-regions"), ...regions(planProgress));
      show(byId("pipeline"), ...stages(pipeline));
    } catch (error) {
      show(
        byId("plan-targets"),
        el("p", { class: "notice" }, explain(error, "计划进度 plan progress ", "analyst")),
      );
    }
  }
}

function targets(progress: Progress[]): HTMLElement[] {
  if (!progress.length)
    return [el("p", { class: "notice" }, "本年无计划指标 · no targets this year")];
  return progress.map(({ target, achieved, met }) => {
    const share = target.targetValue ? Math.min(achieved / target.targetValue, 1) : 1;
    return el(
      "div",
      { class: `target${met ? " met" : ""}`, "data-metric": target.metric },
      el("div", { class: "target-head" }, el("strong", {}, label(METRIC, target.metric))),
      el(
        "div",
        {
          class: "bar",
          role: "progressbar",
          "aria-valuenow": achieved,
          "aria-valuemax": target.targetValue,
        },
        el("span", { style: `width:${(share * 100).toFixed(1)}%` }),
      ),
      el(
        "div",
        { class: "target-figures" },
        el("span", { class: "achieved" }, `${achieved} / ${target.targetValue}`),
        el("span", {}, met ? "已完成 met" : "未完成 not yet"),
      ),
      target.note ? el("p", { class: "note" }, target.note) : null,
    );
  });
}

/** Every focus region of the year's targets, each marked covered or not yet. */
function regions(progress: Progress[]): HTMLElement[] {
  const focus = new Map<string, boolean>();
  const mark = (name: string, uncovered: boolean) =>
    focus.set(name, !uncovered && (focus.get(name) ?? true));
  for (const { target, uncoveredRegions, uncoveredSubregions } of progress) {
    for (const region of target.focusRegions) {
      mark(label(REGION, region), uncoveredRegions.includes(region));
    }
    for (const subregion of target.focusSubregions) {
      mark(label(SUBREGION, subregion), uncoveredSubregions.includes(subregion));
    }
  }
  if (!focus.size) return [el("p", { class: "notice" }, "无重点地区 · no focus regions")];
  return [...focus].map(([name, covered]) =>
    el(
      "span",
      { class: `region ${covered ? "covered" : "uncovered"}`, "data-region": name },
      `${name} · ${covered ? "已覆盖 covered" : "未覆盖 not yet covered"}`,
    ),
  );
}

function stages(pipeline: PipelineEntry[]): HTMLElement[] {
  return Object.keys(STAGE).map((stage) => {
    const entries = pipeline.filter((entry) => entry.stage === stage);
    return el(
      "div",
      { class: "stage", "data-stage": stage },
      el("h3", {}, `${label(STAGE, stage)} (${entries.length})`),
      ...entries.map((entry) =>
        el(
          "div",
          { class: "card", "data-partnership": entry.partnership.id },
          el("strong", {}, entry.partnership.partnerCity.nameZh),
          el("span", {}, ` ${entry.partnership.partnerCity.country.nameZh}`),
          el(
            "small",
            {},
            `${entry.partnership.kind === "SISTER_CITY" ? "友好城市" : "友好交流城市"} · ${inStage(entry)}`,
          ),
        ),
      ),
    );
  });
}

/** Time in a stage as a reader counts it (12 天, 3 个月, 14 年), from as much of the date as is known. */
function inStage({ since, sincePrecision, daysInStage }: PipelineEntry): string {
  if (since === null || daysInStage === null) return "日期不详 · date unknown";
  if (sincePrecision === "YEAR") return `自 since ${since.slice(0, 4)} 年`;
  const from = sincePrecision === "MONTH" ? since.slice(0, 7) : since;
  return `${duration(daysInStage)} · 自 since ${from}`;
}

function duration(days: number): string {
  if (days < 60) return `${days} 天 days`;
  if (days < 730) return `${Math.floor(days / 30.4)} 个月 months`;
  return `${Math.floor(days / 365.25)} 年 years`;
}
