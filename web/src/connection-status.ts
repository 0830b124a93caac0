// What the header says about the live connection: the wall screen must show when it is stale.
import { byId } from "./dom";

type State = "connecting" | "live" | "lost";

const WORDS: Record<State, string> = {
  connecting: "连接中 connecting…",
  live: "实时 live",
  lost: "连接中断，正在重连 connection lost, reconnecting…",
};

const RESUMED_MS = 10_000;

export class ConnectionStatus {
  private readonly badge = byId("connection");
  private everConnected = false;

  connecting(): void {
    if (this.badge.dataset.state !== "lost") this.set("connecting");
  }

  /** After a drop, "resumed" stays up a while: a wall screen's watchers may have missed it. */
  connected(): void {
    this.set("live");
    if (this.everConnected) {
      this.badge.textContent = "已恢复 resumed · 实时 live";
      setTimeout(() => this.badge.dataset.state === "live" && this.set("live"), RESUMED_MS);
    }
    this.everConnected = true;
  }

  closed(event: { code?: number; reason?: string }): void {
    this.set("lost");
    if (event.code === 4403) this.badge.textContent = "令牌被拒 token refused, retrying…";
  }

  private set(state: State): void {
    this.badge.dataset.state = state;
    this.badge.textContent = WORDS[state];
  }
}
