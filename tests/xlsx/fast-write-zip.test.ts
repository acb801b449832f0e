/**
 * The streaming writer's zip: checksums from zlib's native crc32 (src/hosts/xlsx/streaming/zip-crc.ts),
 * not from the crc-32 package archiver uses, each entry's checksum the CRC-32 of its bytes; and deflate
 * output in chunks of up to 128 KB (write.ts zipOptions), not zlib's default 16 KB.
 */
import * as zlib from "node:zlib";
import { PassThrough } from "node:stream";
import { openWorkbookBuffer } from "../../src/hosts/xlsx";
import { applyToStore } from "../../src/hosts/xlsx/streaming/apply";
import { newSheet, type BookStore } from "../../src/hosts/xlsx/streaming/store";
import { writeStore } from "../../src/hosts/xlsx/streaming/write";
import { installNativeCrc32 } from "../../src/hosts/xlsx/streaming/zip-crc";
import { xlsxBytes } from "./support/build";
import { unzipEntries } from "./support/independent-reader";

jest.setTimeout(60_000);

/** Every entry: the checksum the zip's directory records, and the CRC-32 of the bytes it holds. */
async function entryChecksums(bytes: Buffer): Promise<{ name: string; recorded: number; actual: number }[]> {
  return (await unzipEntries(bytes)).map((e) => ({ name: e.name, recorded: e.crc32, actual: zlib.crc32(e.data) }));
}

describe("the streaming writer's zip checksums", () => {
  it("are zlib's native crc32, right for every entry, and the crc-32 package is never called", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package archiver checksums with
    const crcPackage = require("crc-32") as { buf: (...args: unknown[]) => number };
    const input = await xlsxBytes({
      Activities: [["ID", "Title"], ...Array.from({ length: 300 }, (_, i) => [`A-${i}`, `t ${i}`])],
    });
    const book = await openWorkbookBuffer(input, "plan.xlsx", { streamAboveCells: 0 });
    expect(book.mode).toBe("streaming");
    await book.port.apply({ ops: [{ kind: "note", sheet: "Activities", cell: "B2", text: "a note" }] });
    const spy = jest.spyOn(crcPackage, "buf");
    try {
      const bytes = await book.toBuffer();
      expect(spy).not.toHaveBeenCalled();
      const entries = await entryChecksums(bytes);
      expect(entries.map((e) => e.name)).toEqual(
        expect.arrayContaining(["xl/worksheets/sheet1.xml", "xl/comments1.xml"]),
      );
      for (const e of entries) expect({ name: e.name, crc: e.recorded }).toEqual({ name: e.name, crc: e.actual });
    } finally {
      spy.mockRestore();
    }
  });

  it("leaves an archive it does not recognise as it is", () => {
    const other = { _module: { engine: { append: () => undefined } } };
    expect(installNativeCrc32(other)).toBe(false);
    expect(installNativeCrc32(null)).toBe(false);
    expect(Object.keys(other._module.engine)).toEqual(["append"]);
  });

  it("hands the file the compressed sheet in chunks larger than zlib's default 16 KB", async () => {
    // Numbers that do not compress much: the sheet deflates to well over 128 KB.
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    const rows = Array.from({ length: 20_000 }, () => Array.from({ length: 6 }, () => next() / 1000));
    const book: BookStore = { sheets: [newSheet("Facts")], names: [], date1904: false };
    await applyToStore(book, { ops: [{ kind: "values", sheet: "Facts", at: "A1", values: rows }] });
    const sizes: number[] = [];
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on("data", (c: Buffer) => {
      sizes.push(c.length);
      chunks.push(c);
    });
    await writeStore(book, out);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(400 * 1024);
    expect(Math.max(...sizes)).toBeGreaterThan(16 * 1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(128 * 1024);
    const entries = await entryChecksums(Buffer.concat(chunks));
    for (const e of entries) expect({ name: e.name, crc: e.recorded }).toEqual({ name: e.name, crc: e.actual });
  });
});
