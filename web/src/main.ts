// The dashboard's entry: the token box, the live connection, the year and the city, and the four
// views, one shown at a time by the address's #fragment so that a wall screen can be pointed at
// one. The address keeps the year and the city, so a reload (or a wall screen) shows them again.
import type { Client } from "graphql-ws";
import { HubApi } from "./api";
import { CityPicker, Scope } from "./city-picker";
import { ConnectionStatus } from "./connection-status";
import { YearCounters } from "./counters";
import { DelegationForm } from "./delegation-form";
import { byId } from "./dom";
import { LiveFeed } from "./live-feed";
import { NetworkView } from "./network/network-view";
import { PlanningView } from "./planning-view";
import "./cjk-font";
import "./style.css";

const api = new HubApi();
const status = new ConnectionStatus();
const params = new URLSearchParams(location.search);
const yearInput = byId<HTMLInputElement>("year");
yearInput.value = params.get("year") ?? String(new Date().getFullYear());

const picker = new CityPicker(api, follow);
const scope = (): Scope => ({ year: Number(yearInput.value), city: picker.city });

const counters = new YearCounters(api, byId("counters"), scope());
const feed = new LiveFeed(api, byId("feed"), counters, scope(), (cursor) => {
  byId("cursor").textContent = cursor;
});

const network = new NetworkView(api, (city) => {
  if (!picker.choose(city.id)) return false;
  picker.remember();
  follow();
  return true;
});
const planning = new PlanningView(api, scope);
const form = new DelegationForm(api);

/** What the page has drawn, for the browser test and anyone inspecting a wall screen. */
Object.assign(window, { hubDashboard: { network: () => network.drawn } });

let client: Client | undefined;
let generation = 0;

/**
 * A new token means a new connection: the hub reads it once, in `connection_init`. The old
 * client's last events (its close above all) must not speak for the new one.
 */
async function connect(): Promise<void> {
  const current = ++generation;
  const ifCurrent =
    <A extends unknown[]>(report: (...args: A) => void) =>
    (...args: A) => {
      if (current === generation) report(...args);
    };
  // Disposing waits for a connection attempt in flight, which may never succeed: don't wait.
  Promise.resolve(client?.dispose()).catch(() => undefined);
  client = api.connect({
    connecting: ifCurrent(() => status.connecting()),
    connected: ifCurrent(() => status.connected()),
    closed: ifCurrent((event) => status.closed(event)),
  });
  try {
    await feed.start(client);
  } catch (error) {
    if (current === generation) feed.refused(error);
  }
}

/** Every view shows the year and city picked; the address says which, for a reload. */
function follow(): void {
  const now = scope();
  const address = new URL(location.href);
  address.searchParams.set("year", String(now.year));
  address.searchParams.set("city", picker.named);
  history.replaceState(null, "", address);
  counters.follow(now);
  network.follow(now);
  void feed.follow(now);
  if (!byId("view-planning").hidden) void planning.refresh();
}

function showWho(): void {
  const { role, cities } = api.claims();
  byId("who").textContent = api.hasToken
    ? `${role ?? "?"}${cities?.length ? ` · ${cities.length} 城市 cities` : ""}`
    : "匿名 anonymous";
}

/** A new token is someone else: the city goes back to theirs, the busiest if they have none. */
byId<HTMLFormElement>("token-box").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = byId<HTMLInputElement>("token");
  api.setToken(input.value);
  input.value = "";
  showWho();
  form.forgetChoices();
  await picker.load();
  picker.pickDefault();
  follow();
  route();
  void connect();
});

yearInput.addEventListener("change", follow);

const VIEWS = ["live", "network", "planning", "record"];

function route(): void {
  const current = VIEWS.includes(location.hash.slice(1)) ? location.hash.slice(1) : "live";
  for (const view of VIEWS) byId(`view-${view}`).hidden = view !== current;
  for (const link of document.querySelectorAll<HTMLElement>("nav a")) {
    link.classList.toggle("current", link.dataset.view === current);
  }
  if (current === "network") network.shown();
  if (current === "planning") void planning.refresh();
  if (current === "record") void form.open();
}

window.addEventListener("hashchange", route);

async function start(): Promise<void> {
  showWho();
  await picker.load();
  const abroad = await picker.pickNamed(params.get("city"));
  follow();
  route();
  void connect();
  if (abroad) await network.open(abroad);
}

void start();
