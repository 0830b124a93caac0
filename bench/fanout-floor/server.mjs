// The floor under the fan-out benchmark: no hub, no GraphQL, no database. One `ws` server sends
// one prebuilt graphql-ws `next` message per event to every socket, events gathered `batch` at a
// time into one corked write per socket, to N subscribers in a process of their own. What it costs
// per delivery here (the kernel's loopback TCP, both ends) is what no hub on this machine can go
// under. `npm run bench:fanout-floor -- [subscribers 10000] [rate 20] [events 100] [batch 1]`
import { fork } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { WebSocketServer } from "ws";

const [subscribers, rate, events, batch] = [10_000, 20, 100, 1].map((fallback, i) =>
  Number(process.argv[2 + i] ?? fallback),
);
const now = () => performance.timeOrigin + performance.now();
const server = new WebSocketServer({ port: 0, perMessageDeflate: false });
const sockets = [];
server.on("connection", (socket, request) => sockets.push({ socket, tcp: request.socket }));
const clients = fork(new URL("./clients.mjs", import.meta.url), [
  String(server.address().port),
  String(subscribers),
]);
await new Promise((resolve) => clients.once("message", resolve));
const loadAtStart = loadavg()[0];
const cpuBefore = process.cpuUsage();
let pending = [];
let sent = 0;
const start = now();
for (let seq = 0; seq < events; seq++) {
  const wait = start + (seq * 1000) / rate - now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const data = { delegationRecorded: { name: `fanout ${seq}` } };
  pending.push(JSON.stringify({ id: "1", type: "next", payload: { data }, sentAt: now() }));
  if (pending.length < batch && seq < events - 1) continue;
  for (const { socket, tcp } of sockets) {
    tcp.cork();
    for (const message of pending) socket.send(message);
    tcp.uncork();
    sent += pending.length;
  }
  pending = [];
}
const cpu = process.cpuUsage(cpuBefore);
clients.send("report");
const report = await new Promise((resolve) => clients.once("message", resolve));
const perDelivery = (micros) => `${(micros / sent).toFixed(1)} µs`;
console.log("| measure | value |\n| --- | --- |");
for (const [name, value] of [
  [
    "subscribers / events per second / events / events per write",
    `${subscribers} / ${rate} / ${events} / ${batch}`,
  ],
  ["delivered / sent", `${report.received} / ${sent}`],
  ["latency from send p50 / p99 / max", report.latency],
  ["server CPU per delivery", perDelivery(cpu.user + cpu.system)],
  ["subscribers' CPU per delivery", perDelivery(report.cpuMicros)],
  [
    "cores both ends need for this rate",
    `${((((cpu.user + cpu.system + report.cpuMicros) / sent) * subscribers * rate) / 1e6).toFixed(2)} of ${availableParallelism()}`,
  ],
  [
    "1-minute load average at start / end",
    `${loadAtStart.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
  ],
]) {
  console.log(`| ${name} | ${value} |`);
}
clients.kill();
server.close();
