// A graphql-ws conversation spoken by hand over a real WebSocket, keeping every frame as sent:
// for tests that look at what crossed the wire (a refusal, a close code, a leaked value).
import WebSocket from "ws";

export interface SocketOutcome {
  /** The close code when the hub closed the connection, else undefined. */
  closeCode?: number;
  closeReason?: string;
  /** graphql-ws messages the hub sent after the acknowledgement, parsed. */
  messages: { type: string; payload?: any }[];
  /** Every text frame the hub sent, as it was sent. */
  frames: string[];
}

/**
 * Opens a connection with `authorization`, sends one subscribe message with `payload` (none:
 * only connect), and gathers what comes back until the operation ends, the hub closes the
 * connection, or `waitMs` passes.
 */
export function converse(
  url: string,
  authorization: string | undefined,
  payload: Record<string, unknown> | string | undefined,
  waitMs = 10_000,
): Promise<SocketOutcome> {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  const outcome: SocketOutcome = { messages: [], frames: [] };
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
      resolve(outcome);
    };
    const timer = setTimeout(finish, waitMs);
    socket.on("open", () =>
      socket.send(
        JSON.stringify({
          type: "connection_init",
          payload: authorization ? { authorization } : {},
        }),
      ),
    );
    socket.on("message", (data) => {
      const text = data.toString();
      outcome.frames.push(text);
      const message = JSON.parse(text) as { type: string; payload?: unknown };
      if (message.type === "connection_ack") {
        if (payload === undefined) return;
        const body = typeof payload === "string" ? payload : JSON.stringify(payload);
        socket.send(`{"id":"1","type":"subscribe","payload":${body}}`);
        return;
      }
      outcome.messages.push(message);
      if (message.type === "error" || message.type === "complete") finish();
    });
    socket.on("close", (code, reason) => {
      outcome.closeCode = code;
      outcome.closeReason = reason.toString();
      finish();
    });
    socket.on("error", reject);
  });
}
