// The floor benchmark's subscribers: raw `ws` sockets that time each message from its `sentAt`.
import WebSocket from "ws";

const [port, subscribers] = process.argv.slice(2).map(Number);
const now = () => performance.timeOrigin + performance.now();
const latencies = [];
let open = 0;
let cpuBefore;
for (let i = 0; i < subscribers; i++) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  socket.on("open", () => {
    if (++open < subscribers) return;
    cpuBefore = process.cpuUsage();
    process.send("open");
  });
  socket.on("message", (data) => latencies.push(now() - JSON.parse(data).sentAt));
  // A burst of connects beyond the listen backlog would cost retries.
  if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 20));
}
process.on("message", async () => {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  process.send({
    received: latencies.length,
    latency: `${at(0.5).toFixed(1)} / ${at(0.99).toFixed(1)} / ${at(1).toFixed(1)} ms`,
    cpuMicros: cpu.user + cpu.system,
  });
});
