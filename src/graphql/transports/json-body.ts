// A POST's JSON body read straight from node's request, as express.json reads it (at most `limit`
// bytes, UTF-8, an object or an array, an empty body as `{}`), for the requests the HTTP
// transport serves without Express.
import { IncomingMessage } from "node:http";

/** Why a body was not read: too large (with the length seen so far), or not JSON. */
export class BodyRefusal extends Error {
  constructor(
    readonly tooLarge: boolean,
    readonly length = 0,
  ) {
    super(tooLarge ? "request entity too large" : "request body is not JSON");
  }
}

/** express.json's strict mode: the text must open an object or an array. */
const OBJECT_OR_ARRAY = /^[ \t\n\r]*[{[]/;

export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) {
      req.resume();
      reject(new BodyRefusal(true, declared));
      return;
    }
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length <= limit) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).resume();
      reject(new BodyRefusal(true, length));
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks, length).toString("utf8");
      if (text.length === 0) return resolve({});
      if (!OBJECT_OR_ARRAY.test(text)) return reject(new BodyRefusal(false));
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyRefusal(false));
      }
    };
    req
      .on("data", onData)
      .on("end", onEnd)
      .on("error", () => reject(new BodyRefusal(false)));
  });
}
