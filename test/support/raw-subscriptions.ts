// A raw graphql-ws connection for tests that look at the frames themselves, or carry many
// subscriptions on one socket: each frame is handed over as the text the hub sent.
import WebSocket from "ws";

export interface Operation {
  query: string;
  variables?: object;
}

/**
 * Opens a connection to `url` with `token`, starts one subscription per operation (its id is its
 * index), and hands every later frame to `onFrame`, as text and parsed.
 */
export async function rawSubscriptions(
  url: string,
  token: string,
  operations: Operation[],
  onFrame: (text: string, message: any) => void,
): Promise<WebSocket> {
  const socket = new WebSocket(url.replace(/^http/, "ws"), "graphql-transport-ws");
  await new Promise((resolve) => socket.once("open", resolve));
  socket.send(
    JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }),
  );
  await new Promise((resolve) => socket.once("message", resolve));
  socket.on("message", (data) => {
    const text = String(data);
    onFrame(text, JSON.parse(text));
  });
  operations.forEach((payload, id) =>
    socket.send(JSON.stringify({ id: String(id), type: "subscribe", payload })),
  );
  return socket;
}
