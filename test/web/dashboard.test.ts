// The dashboard in a real browser: Debian's Chromium driven by playwright-core, against a hub
// serving the page built from web/. Under CI the test fails, never skips, when no browser starts.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { BrowserContext, chromium, Page, WebSocketRoute } from "playwright-core";
import { factId } from "../../src/seed/seed";
import { startTestHub, TestHub } from "../support/test-hub";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve("test-artifacts/dashboard");
const DOCS = path.resolve("docs");
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const YEAR = new Date().getFullYear();
const QIQIHAR = factId("city-qiqihar");
const NANCHANG = factId("city-nanchang");
const RECORD = `mutation($input: DelegationInput!) { createDelegation(input: $input) { id } }`;

const browserExpected = Boolean(process.env.CI) || existsSync(CHROMIUM);
const inBrowser = browserExpected ? describe : describe.skip;

function buildPage(): void {
  const vite = path.resolve("node_modules/vite/bin/vite.js");
  execFileSync(process.execPath, [vite, "build", "--config", "web/vite.config.ts"], {
    stdio: "pipe",
  });
}

/** A fresh profile each run, so no cache or stored token carries over. */
function launch(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), "hub-dashboard-")), {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1600, height: 1000 },
    timeout: 30_000,
  });
}

let hub: TestHub;
let browser: BrowserContext;
let page: Page;
let admin: string;
/** While true, every WebSocket the page opens is closed at once: the connection is cut. */
let cut = false;
const sockets: WebSocketRoute[] = [];

const origin = () => hub.url.replace(/\/graphql$/, "");
const record = async (name: string, size: number, extra: object = {}) => {
  const { data, errors } = await hub.gql(RECORD, {
    input: {
      direction: "INBOUND",
      name,
      size,
      startDate: `${YEAR}-03-01`,
      homeCityId: QIQIHAR,
      counterpartCountryCode: "LT",
      ...extra,
    },
  });
  expect(errors).toBeUndefined();
  return data!.createDelegation.id as string;
};
const counter = async (name: string) =>
  Number(await page.locator(`[data-counter="${name}"] .value`).textContent());
const expectCounter = (name: string, value: number) =>
  page
    .locator(`[data-counter="${name}"] .value`, { hasText: new RegExp(`^${value}$`) })
    .waitFor({ timeout: 10_000 });
const feedNames = () =>
  page.locator("#feed li").evaluateAll((items) => items.map((li) => li.getAttribute("data-name")));
const graph = (): Promise<{
  center: string;
  layout: "kinds" | "rings";
  groups: { type: string; label: string }[];
  nodes: { id: string; label: string; type: string; x: number; y: number }[];
  edges: number;
  zoom: number;
  total: number;
  width: number;
  height: number;
}> => page.evaluate(() => (globalThis as any).hubDashboard.network());
const yearFilter = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
/** The hub's own count of a city's visits in a year, for the page to agree with. */
const visitsOf = async (cityId: string, year: number) => {
  const { data } = await hub.gql(
    `query($f: DelegationFilter) {
      delegations(filter: $f, first: 500) { totalCount nodes { id } }
      byDirection: delegationStats(groupBy: [DIRECTION], filter: $f) { key batches }
      byCountry: delegationStats(groupBy: [COUNTRY], filter: $f) { key batches }
    }`,
    { f: { ...yearFilter(year), homeCityId: cityId } },
  );
  return {
    total: data!.delegations.totalCount as number,
    ids: new Set<string>(data!.delegations.nodes.map((visit: { id: string }) => visit.id)),
    batches: (direction: string) =>
      data!.byDirection.find((stat: any) => stat.key[0] === direction)?.batches ?? 0,
    countries: data!.byCountry
      .map((stat: any) => stat.key[0])
      .filter((code: string) => code !== "UNKNOWN") as string[],
  };
};
/** Home cities, most delegations first (in the year, when given): as the page ranks them. */
const busiestCities = async (year?: number) =>
  (
    await hub.gql(
      `query($f: DelegationFilter) { delegationStats(groupBy: [HOME_CITY], filter: $f) { key batches } }`,
      {
        f: year ? yearFilter(year) : null,
      },
    )
  )
    .data!.delegationStats.sort((a: any, b: any) => b.batches - a.batches)
    .map((stat: any) => stat.key[0] as string);
const picked = () => page.locator("#city").inputValue();
const setYear = async (year: number) => {
  await page.fill("#year", String(year));
  await page.locator("#year").dispatchEvent("change");
};
const useToken = async (token: string) => {
  await page.fill("#token", token);
  await page.click("#token-box button");
};
/** The feed's visits, as the page marks them. */
const feedVisits = () =>
  page.locator("#feed li.visit").evaluateAll((items) =>
    items.map((li) => ({
      name: li.getAttribute("data-name")!,
      city: li.getAttribute("data-city")!,
      start: li.getAttribute("data-start")!,
      end: li.getAttribute("data-end")!,
    })),
  );
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1600, height: 1000 };
/** Runs the same checks on a desktop screen and on a 390 px phone. */
const atBothWidths = async (run: (width: "desktop" | "phone") => Promise<void>) => {
  try {
    for (const [width, size] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      await page.setViewportSize(size);
      await run(width);
      const overflow = await page.evaluate(() => {
        const { scrollWidth, clientWidth } = (globalThis as any).document.documentElement;
        return scrollWidth - clientWidth;
      });
      expect({ width, overflow }).toEqual({ width, overflow: 0 });
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
};
const screenshot = (name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
/** docs/dashboard.md's pictures are only rewritten when asked for, so a test run leaves docs/ alone. */
const documentationShot = async (name: string) => {
  await screenshot(`seed-${name}`);
  if (process.env.HUB_UPDATE_DOCS === "1") {
    await page.screenshot({ path: path.join(DOCS, `${name}.png`) });
  }
};

inBrowser("the dashboard", () => {
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    buildPage();
    hub = await startTestHub();
    admin = await hub.token("admin" as never);
    browser = await launch();
    page = browser.pages()[0] ?? (await browser.newPage());
    await browser.routeWebSocket(/\/graphql$/, (ws) => {
      if (cut) return ws.close({ code: 1013, reason: "cut by the test" });
      sockets.push(ws);
      ws.connectToServer();
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it("is served at / and connects with the token given in the token box", async () => {
    await page.goto(`${origin()}/?year=${YEAR}#live`);
    await expect(page.title()).resolves.toContain("Foreign Affairs Exchange Hub");
    await useToken(admin);
    await page.locator('#connection[data-state="live"]').waitFor();
    await expect(page.locator("#who").textContent()).resolves.toContain("admin");
    await page.locator("#feed li").first().waitFor();
  });

  it("shows the seed data, for the screenshots of docs/dashboard.md", async () => {
    await page.goto(`${origin()}/?year=2011&city=all#live`);
    await page.locator('[data-counter="inbound-batches"]').waitFor();
    await page.locator('#connection[data-state="live"]').waitFor();
    const [{ batches }] = (
      await hub.gql(
        `{ delegationStats(groupBy: [], filter: { direction: INBOUND, from: "2011-01-01", to: "2011-12-31" }) { batches } }`,
      )
    ).data!.delegationStats;
    await expectCounter("inbound-batches", batches);
    // Beside what is on record, what the office reported; no visit of 2011 gives its size.
    await expect(
      page.locator('[data-counter="inbound-batches"] .reported').first().textContent(),
    ).resolves.toBe(`已录入 ${batches} 批 · 报告 南昌 接待党宾、外宾 28 批 368 人次`);
    await expect(
      page.locator('[data-counter="outbound-person-times"] .value').textContent(),
    ).resolves.toBe("人数不详");
    await documentationShot("dashboard");
    await page.goto(`${origin()}/?year=2011&city=Nanchang#network`);
    await page.locator('#graph[data-center-label="南昌"]').waitFor();
    await page.locator("#world path[data-partnerships]").first().waitFor();
    await documentationShot("dashboard-network");
    await page.goto(`${origin()}/?year=${YEAR}&city=齐齐哈尔#live`);
    await page.locator('#connection[data-state="live"]').waitFor();
  });

  it("shows a delegation recorded through the API in the feed and the year's counters", async () => {
    expect(await picked()).toBe(QIQIHAR);
    await page.locator('[data-counter="inbound-batches"]').waitFor();
    const batches = await counter("inbound-batches");
    const personTimes = await counter("inbound-person-times");
    const outbound = await counter("outbound-batches");
    await record("维萨基纳斯市长代表团", 7);
    await page.locator('#feed li[data-name="维萨基纳斯市长代表团"]').waitFor();
    expect((await feedNames())[0]).toBe("维萨基纳斯市长代表团");
    await expectCounter("inbound-batches", batches + 1);
    await expectCounter("inbound-person-times", personTimes + 7);
    expect(await counter("outbound-batches")).toBe(outbound);
    await screenshot("live");
  });

  it("says when the connection drops, and resumes from its last cursor with no gap or repeat", async () => {
    const before = await feedNames();
    cut = true;
    for (const ws of sockets.splice(0)) await ws.close({ code: 1001, reason: "cut by the test" });
    await page.locator('#connection[data-state="lost"]').waitFor();
    await expect(page.locator("#connection").textContent()).resolves.toContain("连接中断");
    const whileCut = ["断线期间一", "断线期间二", "断线期间三"];
    for (const name of whileCut) await record(name, 2);
    await screenshot("connection-lost");
    expect(await feedNames()).toEqual(before);
    cut = false;
    await page.locator('#connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await record("恢复之后", 1);
    await page.locator('#feed li[data-name="恢复之后"]').waitFor();
    const after = await feedNames();
    expect(after.slice(0, 4)).toEqual(["恢复之后", ...[...whileCut].reverse()]);
    expect(after.slice(4)).toEqual(before.slice(0, after.length - 4));
    expect(new Set(after).size).toBe(after.length);
  });

  it("draws the network of 鹤城 with 齐齐哈尔 at its centre, and expands a node when clicked", async () => {
    await page.goto(`${origin()}/?year=${YEAR}&city=all#network`);
    await page.selectOption("#network-layout", "rings");
    await page.fill("#city-search", "鹤城");
    await page.press("#city-search", "Enter");
    await page.locator('#graph[data-center-label="齐齐哈尔"]').waitFor();
    // A city the header offers is picked there, for every view.
    expect(await picked()).toBe(QIQIHAR);
    await expect(page.locator("#search-hits button").first().textContent()).resolves.toContain(
      "齐齐哈尔",
    );
    const drawn = await graph();
    const center = drawn.nodes.find((node) => node.id === drawn.center)!;
    expect(center).toMatchObject({ id: QIQIHAR, label: "齐齐哈尔" });
    expect(Math.abs(center.x - drawn.width / 2)).toBeLessThan(drawn.width * 0.1);
    expect(Math.abs(center.y - drawn.height / 2)).toBeLessThan(drawn.height * 0.1);
    expect(drawn.nodes.map((node) => node.label)).toEqual(expect.arrayContaining(["维萨基纳斯"]));
    expect(drawn.edges).toBeGreaterThan(drawn.nodes.length / 2);
    await page.locator('#world path[data-country="LT"][data-partnerships]').waitFor();
    await screenshot("network");

    const partner = drawn.nodes.find((node) => node.label === "维萨基纳斯")!;
    const box = (await page.locator("#graph").boundingBox())!;
    await page.mouse.click(box.x + partner.x, box.y + partner.y);
    const { data } = await hub.gql(
      `query($id: ID!) { network(centerId: $id, depth: 1, limit: 150) { nodes { id type } } }`,
      { id: partner.id },
    );
    // Visits of other years are not drawn: the view shows the year picked.
    const neighbours: string[] = data!.network.nodes
      .filter((node: { type: string }) => node.type !== "Delegation")
      .map((node: { id: string }) => node.id);
    await page.waitForFunction(
      (ids) => {
        const shown = new Set(
          (globalThis as any).hubDashboard.network().nodes.map((node: { id: string }) => node.id),
        );
        return ids.every((id: string) => shown.has(id));
      },
      neighbours,
      { timeout: 10_000 },
    );
    expect((await graph()).center).toBe(QIQIHAR);
  });

  it("shows a city's plan for the year: progress, focus regions not yet covered, pipeline", async () => {
    await page.goto(`${origin()}/?year=2012&city=all#planning`);
    await page.locator("#plan-targets", { hasText: "选择一个城市" }).waitFor();
    await page.selectOption("#city", NANCHANG);
    const { data } = await hub.gql(
      `query($c: ID!) {
        planProgress(cityId: $c, year: 2012) { target { metric targetValue } achieved uncoveredSubregions }
        pipeline(cityId: $c) { stage since sincePrecision partnership { id } }
      }`,
      { c: NANCHANG },
    );
    for (const { target, achieved } of data!.planProgress) {
      await page
        .locator(`.target[data-metric="${target.metric}"] .achieved`, {
          hasText: `${achieved} / ${target.targetValue}`,
        })
        .waitFor();
    }
    const uncovered = data!.planProgress.flatMap((p: any) => p.uncoveredSubregions);
    expect(uncovered).toContain("Eastern Europe");
    await page.locator('.region.uncovered[data-region="东欧"]').waitFor();
    expect(await page.locator("#pipeline .card").count()).toBe(data!.pipeline.length);
    for (const stage of new Set(data!.pipeline.map((entry: any) => entry.stage))) {
      expect(await page.locator(`.stage[data-stage="${stage}"] .card`).count()).toBe(
        data!.pipeline.filter((entry: any) => entry.stage === stage).length,
      );
    }
    // A step no source dates says so, and one dated only by its year shows the year alone.
    for (const { since, sincePrecision, partnership } of data!.pipeline) {
      const card = await page.locator(`.card[data-partnership="${partnership.id}"]`).innerText();
      expect(card).not.toContain("null");
      if (since === null) expect(card).toContain("日期不详");
      else if (sincePrecision === "YEAR")
        expect(card).toContain(`自 since ${since.slice(0, 4)} 年`);
      else expect(card).toContain(`自 since ${since}`);
    }
    expect(data!.pipeline.map((entry: any) => entry.sincePrecision)).toEqual(
      expect.arrayContaining([null, "YEAR"]),
    );
    await screenshot("planning");
  });

  it("lets an editor record a delegation, with the hub's field errors beside the fields", async () => {
    await page.goto(`${origin()}/?year=${YEAR}#record`);
    await useToken(await hub.token("editor" as never, [QIQIHAR]));
    await expect(page.locator("#who").textContent()).resolves.toContain("editor");
    await page.locator(`#f-homeCityId option[value="${QIQIHAR}"]`).waitFor({ state: "attached" });
    expect(await page.locator("#f-homeCityId").inputValue()).toBe(QIQIHAR);
    // An editor is offered its own cities only.
    expect(await page.locator("#f-homeCityId option").count()).toBe(1);
    await page.fill("#f-name", "表单登记的来访团");
    await page.fill("#f-size", "0");
    await page.selectOption("#f-counterpartCountryCode", "LT");
    await page.check('input[name=purposes][value="CULTURE"]');
    // The dates are left empty: a visit no source dates is recorded as such.
    await page.click("#delegation-form button[type=submit]");
    await page.locator('[data-error-for="size"]:not(:empty)').waitFor();
    expect(await page.locator('[data-error-for="startDate"]').textContent()).toBe("");
    // The hub's reason, after what it means in Chinese.
    expect(await page.locator('[data-error-for="size"]').textContent()).toMatch(/^数字无效 · /);
    await screenshot("record-errors");
    // An end without a start is refused beside the end date.
    await page.fill("#f-endDate", `${YEAR}-05-04`);
    await page.fill("#f-size", "5");
    await page.click("#delegation-form button[type=submit]");
    await page.locator('[data-error-for="endDate"]:not(:empty)').waitFor();
    await page.fill("#f-endDate", "");
    const named = `{ delegations(filter: { homeCityId: "${QIQIHAR}" }, first: 500) { nodes { name size purposes } } }`;
    const stored = async () =>
      (await hub.gql(named)).data!.delegations.nodes.filter(
        (visit: any) => visit.name === "表单登记的来访团",
      );
    expect(await stored()).toEqual([]);
    await page.click("#delegation-form button[type=submit]");
    await page.locator('#form-status[data-tone="ok"]').waitFor();
    expect(await stored()).toEqual([{ name: "表单登记的来访团", size: 5, purposes: ["CULTURE"] }]);
    await screenshot("record");
    await page.click('nav a[data-view="live"]');
    const recorded = page.locator('#feed li[data-name="表单登记的来访团"]');
    await recorded.waitFor();
    expect(await recorded.locator("time").textContent()).toBe("日期不详");
  });

  it("draws Chinese legends, and says what the network shows before a search", async () => {
    await page.goto(`${origin()}/?year=${YEAR}&city=all#network`);
    await expect(page.locator("#network-message").textContent()).resolves.toContain("搜索一个城市");
    await expect(page.locator("#network-legend").textContent()).resolves.toMatch(
      /投资意向 investment.*友城关系 partnership/s,
    );
    expect(await page.locator("#network-legend").textContent()).not.toMatch(/InvestmentIntention/);
  });

  it("opens on the editor's own city, else on the city with most delegations", async () => {
    await atBothWidths(async (width) => {
      const busiest = (await busiestCities())[0];
      for (const [role, cities, expected] of [
        ["editor", [QIQIHAR], QIQIHAR],
        ["viewer", undefined, busiest],
        ["admin", undefined, busiest],
      ] as const) {
        await page.goto(`${origin()}/?year=${YEAR}#live`);
        await useToken(await hub.token(role as never, cities && [...cities]));
        await page.waitForFunction(
          (id) => (globalThis as any).document.querySelector("#city").value === id,
          expected,
        );
        await page.locator("#counters h3", { hasText: `${YEAR} 年` }).waitFor();
        await screenshot(`default-city-${role}-${width}`);
      }
    });
  });

  it("shows the picked city's counters, feed, network and map, and keeps the city on reload", async () => {
    const shows = async (cityId: string, year: number) => {
      const visits = await visitsOf(cityId, year);
      await page.click('nav a[data-view="live"]');
      await expectCounter("inbound-batches", visits.batches("INBOUND"));
      await expectCounter("outbound-batches", visits.batches("OUTBOUND"));
      await page.waitForFunction(
        ({ city, count }) => {
          const items = [...(globalThis as any).document.querySelectorAll("#feed li.visit")];
          return items.length === count && items.every((li) => li.dataset.city === city);
        },
        { city: cityId, count: Math.min(visits.total, 50) },
      );
      await page.click('nav a[data-view="network"]');
      await page.locator(`#graph[data-center-id="${cityId}"]`).waitFor();
      for (const code of visits.countries) {
        await page.locator(`#world .country-list li[data-country="${code}"]`).waitFor();
      }
      const drawn = await graph();
      expect(drawn.center).toBe(cityId);
      const delegations = drawn.nodes.filter((node) => node.type === "Delegation");
      expect(delegations.length > 0).toBe(visits.total > 0);
      for (const node of delegations) expect(visits.ids).toContain(node.id);
    };
    await page.goto(`${origin()}/?year=2011&city=南昌#live`);
    await useToken(admin);
    await atBothWidths(async (width) => {
      await page.goto(`${origin()}/?year=2011&city=南昌#live`);
      await page.locator('#connection[data-state="live"]').waitFor();
      expect(await picked()).toBe(NANCHANG);
      await shows(NANCHANG, 2011);
      if (width === "phone") {
        await page.click('nav a[data-view="live"]');
        await documentationShot("dashboard-phone");
      }
      await page.selectOption("#city", QIQIHAR);
      await shows(QIQIHAR, 2011);
      await setYear(YEAR);
      await shows(QIQIHAR, YEAR);
      await screenshot(`picked-city-network-${width}`);
      await page.click('nav a[data-view="live"]');
      await screenshot(`picked-city-live-${width}`);
      // The address names the city, and this browser remembers it.
      await page.reload();
      await page.locator(`#city`).waitFor();
      await page.waitForFunction(
        (id) => (globalThis as any).document.querySelector("#city").value === id,
        QIQIHAR,
      );
      await page.goto(`${origin()}/?year=2011#live`);
      await page.waitForFunction(
        (id) => (globalThis as any).document.querySelector("#city").value === id,
        QIQIHAR,
      );
    });
  });

  it("lists in the feed only the year's visits of the picked city, live ones too", async () => {
    const inYear = (year: number) => (visit: { start: string; end: string }) =>
      visit.start <= `${year}-12-31` && visit.end >= `${year}-01-01`;
    await atBothWidths(async (width) => {
      await page.goto(`${origin()}/?year=2011&city=${NANCHANG}#live`);
      await page.locator('#connection[data-state="live"]').waitFor();
      await page.locator("#feed li.visit").first().waitFor();
      const of2011 = await feedVisits();
      expect(of2011.every((visit) => visit.city === NANCHANG && inYear(2011)(visit))).toBe(true);
      await setYear(YEAR);
      await page.locator(`#feed[data-year="${YEAR}"][data-city="${NANCHANG}"]`).waitFor();
      await page.locator("#counters h3", { hasText: `${YEAR} 年` }).waitFor();
      const elsewhere = `齐齐哈尔的团组-${width}`;
      const anotherYear = `南昌往年的团组-${width}`;
      const here = `南昌本年的团组-${width}`;
      const inbound = await counter("inbound-batches");
      await record(elsewhere, 3);
      await record(anotherYear, 3, { homeCityId: NANCHANG, startDate: "2011-06-01" });
      await record(here, 4, { homeCityId: NANCHANG });
      await page.locator(`#feed li[data-name="${here}"]`).waitFor();
      // Events arrive in the order they were committed: the two before were left out.
      const names = await feedNames();
      expect(names).not.toContain(elsewhere);
      expect(names).not.toContain(anotherYear);
      expect((await feedVisits()).every(inYear(YEAR))).toBe(true);
      await expectCounter("inbound-batches", inbound + 1);
      await screenshot(`feed-year-city-${width}`);
    });
  });

  it("groups the network by kind, zooms, and draws more on 显示更多", async () => {
    await atBothWidths(async (width) => {
      await page.goto(`${origin()}/?year=2011&city=${NANCHANG}#network`);
      await page.locator(`#graph[data-center-id="${NANCHANG}"]`).waitFor();
      let drawn = await graph();
      expect(drawn.layout).toBe("kinds");
      for (const type of new Set(drawn.nodes.map((node) => node.type))) {
        const count = drawn.nodes.filter((node) => node.type === type).length;
        const group = drawn.groups.find((g) => g.type === type)!;
        // A Chinese word, the English one, and how many are drawn: 城市 city · 10.
        expect(group.label).toMatch(new RegExp(`^\\p{Script=Han}+ [a-z ]+ · ${count}$`, "u"));
      }
      expect(drawn.groups.find((g) => g.type === "City")?.label).toMatch(/^城市 city · /);
      expect(drawn.total).toBeGreaterThan(40);
      expect(drawn.nodes).toHaveLength(40);
      await screenshot(`network-kinds-${width}`);
      await page.click("#network-more");
      await page.waitForFunction(
        (count) => (globalThis as any).hubDashboard.network().nodes.length === count,
        Math.min(80, drawn.total),
      );
      drawn = await graph();
      await page.click('[data-zoom="in"]');
      expect((await graph()).zoom).toBeCloseTo(drawn.zoom * 1.4, 5);
      await page.click('[data-zoom="out"]');
      await page.click('[data-zoom="out"]');
      expect((await graph()).zoom).toBeLessThan(drawn.zoom);
      await page.click('[data-zoom="fit"]');
      expect((await graph()).zoom).toBeCloseTo(drawn.zoom, 5);
      // Another year: the visits drawn are that year's.
      const visits2012 = await visitsOf(NANCHANG, 2012);
      await setYear(2012);
      await page.locator("#network-title", { hasText: "2012 年" }).waitFor();
      await page.waitForFunction(
        (ids) =>
          (globalThis as any).hubDashboard
            .network()
            .nodes.filter((node: any) => node.type === "Delegation")
            .every((node: any) => ids.includes(node.id)),
        [...visits2012.ids],
      );
      await page.selectOption("#network-layout", "rings");
      drawn = await graph();
      expect(drawn.groups).toEqual([]);
      await screenshot(`network-rings-${width}`);
      await page.selectOption("#network-layout", "kinds");
    });
  });

  it("ships its Chinese font, so that a machine without one shows the names", async () => {
    await page.goto(`${origin()}/?year=2011#live`);
    await page.locator("#feed li").first().waitFor();
    const loaded = await page.evaluate(async () => {
      const fonts = (globalThis as any).document.fonts;
      await fonts.load("16px 'Noto Sans SC'", "齐齐哈尔");
      return [...fonts]
        .filter((face: any) => face.family.replace(/"/g, "") === "Noto Sans SC")
        .map((face: any) => face.status);
    });
    expect(loaded).toEqual(["loaded"]);
    await screenshot("font");
  });

  it("fits a 390 px phone: nothing is wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const view of ["live", "network", "planning", "record"]) {
        await page.goto(`${origin()}/?year=2011#${view}`);
        await page.locator(`#view-${view}:not([hidden])`).waitFor();
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => {
          const { scrollWidth, clientWidth } = (globalThis as any).document.documentElement;
          return scrollWidth - clientWidth;
        });
        expect({ view, overflow }).toEqual({ view, overflow: 0 });
        await screenshot(`phone-${view}`);
      }
    } finally {
      await page.setViewportSize({ width: 1600, height: 1000 });
    }
  });

  it("serves GraphiQL from its own bundle at /graphql, working with no other site reachable", async () => {
    const elsewhere: string[] = [];
    await page.route(
      (url) => url.hostname !== "localhost",
      (route) => {
        elsewhere.push(route.request().url());
        return route.abort();
      },
    );
    try {
      await page.goto(`${origin()}/graphql`);
      await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
      await page.locator(".graphiql-doc-explorer-search, .graphiql-sidebar").first().waitFor();
      await page.waitForLoadState("networkidle");
      await page.locator(".graphiql-execute-button").click();
      await page.locator(".result-window", { hasText: "Qiqihar" }).waitFor();
      await screenshot("graphiql");
      expect(elsewhere).toEqual([]);
    } finally {
      await page.unroute(() => true);
    }
  });
});
