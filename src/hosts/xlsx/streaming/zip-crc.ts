/**
 * The zip's checksums in native code. archiver (through crc32-stream) checksums every entry with the
 * crc-32 package, in JavaScript: ~80 ms of the main thread for the ~70 MB of XML of a 10,000-activity
 * annotate. Node has zlib's own crc32 since 20.15 (`zlib.crc32`), the same CRC-32 at a fraction of the
 * cost. It is put in on the one archive the writer makes, not on the package: archiver's zip module
 * engine (zip-stream, on compress-commons) makes one checksum stream per entry (`_smartStream`), and each such stream gets a `_transform` of its
 * own that does what the package's does with the native function. With an older Node, or another
 * archiver whose streams do not have the shape pinned here, nothing is changed.
 */
import * as zlib from "node:zlib";

type Crc32 = (data: Uint8Array, value?: number) => number;
type Callback = (error?: Error | null, data?: Buffer) => void;
type Transform = (this: ChecksumStream, chunk: Buffer, encoding: BufferEncoding, callback: Callback) => void;

/** crc32-stream's CRC32Stream and DeflateCRC32Stream (4.x), as far as they are used here. */
interface ChecksumStream {
  /** A Buffer of four zero bytes until the first chunk (which crc-32 reads as 0), then a number. */
  checksum: number | Buffer;
  rawSize: number;
  _transform: Transform;
}

interface ZipModule {
  _smartStream(...args: unknown[]): ChecksumStream;
}

const nativeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;

function update(stream: ChecksumStream, chunk: Buffer): void {
  stream.checksum = nativeCrc32!(chunk, typeof stream.checksum === "number" ? stream.checksum >>> 0 : 0);
  stream.rawSize += chunk.length;
}

/** The checksum stream with the native crc32, or unchanged when it is not one of the two known. */
function withNativeCrc(stream: ChecksumStream): ChecksumStream {
  const kind = (stream.constructor as { name?: string } | undefined)?.name;
  if (typeof stream.rawSize !== "number") return stream;
  if (kind === "DeflateCRC32Stream") {
    // The class's own _transform checksums, then hands the chunk to DeflateRaw's (its parent's).
    const deflate = (Object.getPrototypeOf(Object.getPrototypeOf(stream)) as { _transform?: Transform })._transform;
    if (typeof deflate !== "function") return stream;
    stream._transform = function transform(chunk, encoding, callback) {
      if (chunk) update(this, chunk);
      deflate.call(this, chunk, encoding, callback);
    };
  } else if (kind === "CRC32Stream") {
    stream._transform = function transform(chunk, _encoding, callback) {
      if (chunk) update(this, chunk);
      callback(null, chunk);
    };
  }
  return stream;
}

/**
 * Make `archive` (an archiver zip instance, before its first entry) checksum with zlib's crc32. True
 * when it was done; false (and nothing changed) without a native crc32 or with another archiver.
 */
export function installNativeCrc32(archive: unknown): boolean {
  // archiver's zip plugin (`_module`) hands entries to its zip-stream engine, which makes the streams.
  const zip = (archive as { _module?: { engine?: Partial<ZipModule> } } | null)?._module?.engine;
  if (!nativeCrc32 || !zip || typeof zip._smartStream !== "function") return false;
  const smartStream = zip._smartStream;
  zip._smartStream = function smartStreamNativeCrc(this: unknown, ...args: unknown[]): ChecksumStream {
    return withNativeCrc(smartStream.apply(this, args));
  };
  return true;
}
