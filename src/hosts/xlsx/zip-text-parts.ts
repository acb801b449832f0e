/**
 * Read single parts of an .xlsx as text, by path, with yauzl: the central directory once, then only the
 * parts asked for are inflated. Used after guardZip has checked every part against the limits, so a
 * part read here is known to be within them.
 */
import * as yauzl from "yauzl";
import type { PartReader } from "./package-notes";

export interface ZipTextParts {
  read: PartReader;
  close(): void;
}

/** The archive in memory, entries read one at a time (lazyEntries) with their sizes checked as they inflate. */
export function openZipBuffer(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error("no archive")) : resolve(zip)),
    );
  });
}

function entries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    // Part names are case-insensitive in OPC; keys are lower case.
    const byName = new Map<string, yauzl.Entry>();
    zip.on("error", reject);
    zip.on("entry", (e: yauzl.Entry) => {
      byName.set(e.fileName.replace(/^\//, "").toLowerCase(), e);
      zip.readEntry();
    });
    zip.on("end", () => resolve(byName));
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
  });
}

export async function openZipTextParts(bytes: Buffer): Promise<ZipTextParts> {
  const zip = await openZipBuffer(bytes);
  const byName = await entries(zip);
  return {
    read: async (path) => {
      const entry = byName.get(path.toLowerCase());
      return entry ? inflate(zip, entry) : undefined;
    },
    close: () => zip.close(),
  };
}
