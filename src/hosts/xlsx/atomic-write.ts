/**
 * Write a file so that a crash never leaves half of it: write a temporary file in the same folder
 * (same file system, so the rename is atomic), flush it to disk, then rename it over the target.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, promises as fs } from "node:fs";
import * as path from "node:path";

export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(tmp, "wx");
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(tmp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * The same guarantee for output made as a stream (the streaming path's writer): `write` fills the
 * temporary file's stream and resolves once it has finished; then the file is flushed and renamed.
 */
export async function writeStreamAtomic(
  target: string,
  write: (out: NodeJS.WritableStream & import("node:stream").Writable) => Promise<void>,
): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const out = createWriteStream(tmp, { flags: "wx" });
    const closed = new Promise<void>((resolve, reject) => {
      out.on("close", () => resolve());
      out.on("error", reject);
    });
    await write(out);
    await closed;
    const handle = await fs.open(tmp, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** True when two paths name the same file (following links), or the same path when neither exists yet. */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => {
    try {
      return await fs.realpath(p);
    } catch {
      return path.resolve(p);
    }
  };
  return (await real(a)) === (await real(b));
}
