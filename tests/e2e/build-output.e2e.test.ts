/**
 * What `npm run build` leaves in dist/ (the e2e run follows the build): the task pane, commands,
 * preview and support pages, the icons, Office.js served from the npm package, and the production
 * manifest with every development URL replaced, still valid against the schemas.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");

describe("dist/ after the build", () => {
  it("holds every page, the icons and the local Office.js", () => {
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "commands.html",
      "commands.js",
      "preview.html",
      "preview.js",
      "support.html",
      "office-js/office.js",
    ])
      expect(fs.existsSync(path.join(dist, f))).toBe(true);
    for (const size of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(dist, `assets/icon-${size}.png`))).toBe(true);
  });

  it("has a production manifest with no development URL, valid against the schemas", () => {
    const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toMatch(/https?:\/\/localhost/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/[^"]+\/taskpane\.html"\/>/);
    const r = spawnSync(
      process.execPath,
      [path.join(root, "scripts/validate-manifest.js"), path.join(dist, "manifest.xml")],
      { encoding: "utf8" },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("puts a Content Security Policy on every page", () => {
    for (const page of ["taskpane.html", "commands.html", "preview.html", "support.html"]) {
      const html = fs.readFileSync(path.join(dist, page), "utf8");
      // The production build minifies HTML, so attribute quotes are optional.
      expect(html).toMatch(
        /http-equiv="?Content-Security-Policy"? content="default-src 'self';[^"]*connect-src 'self'[^"]*object-src 'none'/,
      );
    }
  });
});
