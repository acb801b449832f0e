/**
 * What a file is, from its first bytes and its name, before any parser sees it. Only a zip goes on to
 * the zip checks; everything else is refused with a sentence saying what to do instead.
 */
import { WorkbookFileError } from "./errors";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream Office puts in an OLE file holding an encrypted .xlsx. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

/** True when the head looks like text (a CSV, a TSV, an HTML export): no NUL bytes, valid UTF-8 or UTF-16 BOM. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)))
    return true;
  if (head.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

/** Throws the WorkbookFileError that describes a file that is not a zip; returns when it is one. */
export function sniffWorkbook(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) {
    throw new WorkbookFileError(
      "empty-file",
      file,
      `"${file}" is empty (0 bytes): it may not have finished copying or downloading; get the workbook again.`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE)) {
      throw new WorkbookFileError(
        "password-protected",
        file,
        `"${file}" is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it again.`,
      );
    }
    throw new WorkbookFileError(
      "xls",
      file,
      `"${file}" is an old-format Excel file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx).`,
    );
  }
  const head = bytes.subarray(0, 4096);
  const lower = file.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower) || looksLikeText(head)) {
    throw new WorkbookFileError(
      "csv-or-text",
      file,
      `"${file}" is a text or CSV file, not an .xlsx workbook: open it in Excel, save it as an Excel Workbook (.xlsx), then bring its rows in with \`iccwc-plan import\`.`,
    );
  }
  throw new WorkbookFileError(
    "not-a-workbook",
    file,
    `"${file}" is not an Excel workbook (.xlsx): check that you picked the right file.`,
  );
}
