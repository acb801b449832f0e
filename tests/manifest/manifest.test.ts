/**
 * The manifest validates offline against the Office add-in XSD schemas (xmllint), and the check
 * really rejects a broken manifest.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function validate(xml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  return spawnSync(process.execPath, [path.join(root, "scripts/validate-manifest.js"), file], { encoding: "utf8" });
}

describe("manifest.xml", () => {
  it("validates against the schemas, with https URLs, existing icons and an ExcelApi requirement", () => {
    const r = validate(manifest);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("is an Excel task-pane add-in with ReadWriteDocument, ExcelApi 1.8 and a Home tab button", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1.8"\/>/);
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">/);
    expect(manifest).toMatch(/<FunctionName>checkPlan<\/FunctionName>/);
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(root, `assets/icon-${size}.png`));
      // PNG signature, then IHDR width and height.
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it("rejects a manifest with <Requirements> in the wrong place", () => {
    const broken = manifest
      .replace(/<Requirements>[\s\S]*<\/Requirements>/, "")
      .replace(
        "<Hosts>\n",
        '<Requirements><Sets><Set Name="ExcelApi" MinVersion="1.8"/></Sets></Requirements>\n  <Hosts>\n',
      );
    const r = validate(broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/does not validate/);
  });

  it("rejects a manifest with a plain-http URL or a missing icon", () => {
    expect(
      validate(manifest.replace("https://localhost:3000/support.html", "http://localhost:3000/support.html")).stderr,
    ).toMatch(/not https/);
    expect(validate(manifest.replace(/icon-80\.png/g, "icon-81.png")).stderr).toMatch(/missing icon/);
  });
});
