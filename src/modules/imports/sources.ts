// Where an import's file comes from: a path on the command line, or content sent over GraphQL.
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { BadUserInput } from "../../core/errors";
import { checkText } from "../../core/input-checks";
import { formatOf, ImportSource } from "./sheet-reader";

export function fileSource(file: string): ImportSource {
  formatOf(file);
  return {
    fileName: path.basename(file),
    field: "file",
    size: statSync(file).size,
    open: (start, end) => createReadStream(file, { start, end }),
  };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function uploadedSource(fileName: string, contentBase64: string): ImportSource {
  checkText(fileName, "fileName");
  formatOf(fileName);
  const text = contentBase64.replace(/\s+/g, "");
  if (!BASE64.test(text)) throw new BadUserInput("contentBase64", "is not base64");
  const content = Buffer.from(text, "base64");
  return {
    fileName,
    field: "contentBase64",
    size: content.length,
    open: (start = 0, end = content.length - 1) =>
      Readable.from([content.subarray(start, end + 1)]),
  };
}
