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
  nodes: { id: string; label: string; type: string; x: number; y: number }[];
  edges: number;
  width: number;
  height: number;
}> => page.evaluate(() => (globalThis as any).hubDashboard.network());
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
    await page.fill("#token", admin);
    await page.click("#token-box button");
    await page.locator('#connection[data-state="live"]').waitFor();
    await expect(page.locator("#who").textContent()).resolves.toContain("admin");
    await page.locator("#feed li").first().waitFor();
  });

  it("shows the seed data, for the screenshots of docs/dashboard.md", async () => {
    await page.goto(`${origin()}/?year=2011#live`);
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
    await page.goto(`${origin()}/?year=${YEAR}#live`);
    await page.locator('#connection[data-state="live"]').waitFor();
  });

  it("shows a delegation recorded through the API in the feed and the year's counters", async () => {
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
    await page.goto(`${origin()}/?year=${YEAR}#network`);
    await page.fill("#city-search", "鹤城");
    await page.press("#city-search", "Enter");
    await page.locator('#graph[data-center-label="齐齐哈尔"]').waitFor();
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
      `query($id: ID!) { network(centerId: $id, depth: 1, limit: 150) { nodes { id } } }`,
      { id: partner.id },
    );
    const neighbours: string[] = data!.network.nodes.map((node: { id: string }) => node.id);
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
    await page.goto(`${origin()}/?year=2012#planning`);
    await page.locator(`#plan-city option[value="${NANCHANG}"]`).waitFor({ state: "attached" });
    // An admin's token names no city: the view opens on the city with most delegations.
    const byCity = (
      await hub.gql(`{ delegationStats(groupBy: [HOME_CITY]) { key batches } }`)
    ).data!.delegationStats.sort((a: any, b: any) => b.batches - a.batches);
    await page.waitForFunction(
      (id) => (globalThis as any).document.querySelector("#plan-city").value === id,
      byCity[0].key[0],
    );
    await page.selectOption("#plan-city", NANCHANG);
    const { data } = await hub.gql(
      `query($c: ID!) {
        planProgress(cityId: $c, year: 2012) { target { metric targetValue } achieved uncoveredSubregions }
        pipeline(cityId: $c) { stage }
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
    await screenshot("planning");
  });

  it("lets an editor record a delegation, with the hub's field errors beside the fields", async () => {
    await page.goto(`${origin()}/?year=${YEAR}#record`);
    await page.fill("#token", await hub.token("editor" as never, [QIQIHAR]));
    await page.click("#token-box button");
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
    await page.goto(`${origin()}/?year=${YEAR}#network`);
    await expect(page.locator("#network-message").textContent()).resolves.toContain("搜索一个城市");
    await expect(page.locator("#network-legend").textContent()).resolves.toMatch(
      /投资意向 investment.*友城关系 partnership/s,
    );
    expect(await page.locator("#network-legend").textContent()).not.toMatch(/InvestmentIntention/);
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
