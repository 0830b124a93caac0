// A real graphql-ws client for tests: subscribes over WebSocket and collects what arrives.
import { Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export interface Received<T> {
  data: T;
  cursor: string;
}

export interface Subscriber<T> {
  received: Received<T>[];
  errors: unknown[];
  /** Resolves once `count` events have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<Received<T>[]>;
  close(): Promise<void>;
  client: Client;
}

export async function subscribe<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<Subscriber<T>> {
  const client = createClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  const received: Received<T>[] = [];
  const errors: unknown[] = [];
  let waiters: (() => void)[] = [];
  const wakeAll = () => {
    const woken = waiters;
    waiters = [];
    woken.forEach((wake) => wake());
  };
  const acknowledged = new Promise<void>((resolve, reject) => {
    client.on("connected", () => resolve());
    client.on("closed", (event) =>
      reject(new Error(`closed with code ${(event as { code: number }).code}`)),
    );
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data)
          received.push({
            data: result.data as T,
            cursor: String((result.extensions as { cursor?: string } | undefined)?.cursor),
          });
        wakeAll();
      },
      error: (error) => {
        // A closed socket comes as its close event, whose code would not show in JSON.
        const { code, reason } = error as { code?: number; reason?: string };
        errors.push(code === undefined ? error : { closed: code, reason });
        wakeAll();
      },
      complete: () => undefined,
    },
  );
  await Promise.race([
    acknowledged,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`not connected: ${JSON.stringify(errors)}`)), 5000),
    ),
  ]);
  return {
    received,
    errors,
    client,
    waitFor(count, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `got ${received.length} of ${count} events; errors ${JSON.stringify(errors)}`,
              ),
            ),
          ms,
        );
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received.slice(0, count));
          } else if (errors.length) {
            clearTimeout(timer);
            reject(new Error(JSON.stringify(errors)));
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => client.dispose() as Promise<void>,
  };
}
