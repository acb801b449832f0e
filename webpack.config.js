/**
 * Builds the add-in's pages into dist/: the task pane, the ribbon-command page (no UI), the preview page
 * (the task pane beside a simulated workbook, for a plain browser) and the support page; copies the
 * icons and the manifest, with the development URL replaced by PRODUCTION_URL in a production build.
 *
 * HTTPS: only `webpack serve` turns it on, and webpack-dev-server makes its own self-signed certificate
 * (office-addin-dev-certs needs sudo, which this machine lacks). `npm run build` never touches certificates.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where the built add-in is hosted. Set it when you build for your organisation. */
const PRODUCTION_URL = process.env.PRODUCTION_URL || "https://iccwc-workbench.example.org/addin/";
/** Office.js from Microsoft's CDN in production (required for AppSource); from the npm package otherwise. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * world-countries ships every language's names (552 KB raw). The core reads only the fields below, so the
 * browser bundle gets a slim copy made from the installed package at build time: the data still comes from
 * the maintained package, and the CLI and tests read the full one, with the same result.
 */
function slimWorldCountries() {
  const fs = require("fs");
  const all = require("world-countries");
  const slim = all.map((c) => ({
    cca3: c.cca3,
    region: c.region,
    subregion: c.subregion,
    name: { common: c.name.common, official: c.name.official },
    altSpellings: c.altSpellings,
    translations: { fra: c.translations.fra, spa: c.translations.spa },
  }));
  const dir = path.join(__dirname, "node_modules", ".cache", "iccwc");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "world-countries.slim.json");
  fs.writeFileSync(file, JSON.stringify(slim));
  return file;
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const officeJs = production && !process.env.LOCAL_OFFICE_JS ? OFFICE_JS_CDN : "office-js/office.js";
  const officeOrigin = officeJs.startsWith("https://") ? " https://appsforoffice.microsoft.com" : "";
  /**
   * Content Security Policy for every page: scripts only from this origin (and Office.js's CDN),
   * no network requests except to this origin, no frames, no plugins. Fluent UI injects its styles at run
   * time, hence 'unsafe-inline' for styles only.
   */
  const csp = [
    "default-src 'self'",
    `script-src 'self'${officeOrigin}`,
    `connect-src 'self'${officeOrigin}`,
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors https://*.office.com https://*.officeapps.live.com https://*.office365.com https://*.microsoft.com 'self'",
  ].join("; ");
  // frame-ancestors is ignored in a <meta> policy; it is sent as a header by the dev server below.
  const metaCsp = csp
    .split("; ")
    .filter((d) => !d.startsWith("frame-ancestors"))
    .join("; ");

  const page = (name, chunks, title, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/pages/${name}.html`,
      chunks,
      title,
      templateParameters: { csp: metaCsp, officeJs, title },
      ...extra,
    });

  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], alias: { "world-countries$": slimWorldCountries() } },
    module: {
      rules: [
        /**
         * Styles (issue 7: the pane's weight and first render). Fluent UI's packages ship their styles compiled
         * ahead of time (`__styles`); @griffel/webpack-loader does the same for our own makeStyles, so no style
         * object is resolved in the browser and Griffel's runtime compiler (stylis, rtl-css-js) leaves the bundle.
         * GriffelCSSExtractionPlugin then moves the CSS rules out of the JavaScript into one .css file that the
         * page links (Griffel extracts to a single file: the panels' rules are in it too).
         */
        {
          test: /\.m?js$/,
          include: /node_modules[\\/]@fluentui[\\/]/,
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Loaders run last to first: TypeScript to JS, then Griffel's build-time styles, then extraction.
          use: [
            { loader: GriffelCSSExtractionPlugin.loader },
            { loader: "@griffel/webpack-loader" },
            {
              loader: "ts-loader",
              // ES modules so webpack can tree-shake Fluent UI; type errors are caught by `npm run typecheck`.
              options: {
                transpileOnly: true,
                compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: !production },
              },
            },
          ],
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
      ],
    },
    performance: { hints: false },
    plugins: [
      // Griffel sorts the rules it extracts itself (by its style buckets), so the order in which chunks
      // import them does not matter: mini-css-extract-plugin's order warnings would be noise.
      new MiniCssExtractPlugin({ ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      page("taskpane", ["taskpane"], "ICCWC Action Plan"),
      page("commands", ["commands"], "ICCWC Action Plan commands"),
      page("preview", ["preview"], "ICCWC Action Plan Workbench: preview"),
      page("support", [], "ICCWC Action Plan Workbench: help"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Office.js served from the npm package (tests and the preview cannot reach the CDN): the loader,
          // Excel's host files and the English strings, not the other hosts' 80 MB.
          ...["office.js", "o15apptofilemappingtable.js", "es6-promise.js", "excel-*.js", "en-us/**"].map((from) => ({
            from,
            context: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: { ignore: ["**/*.debug.js"] },
          })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              production
                ? content
                    .toString()
                    .split(DEV_URL)
                    .join(PRODUCTION_URL)
                    .split(DEV_URL.slice(0, -1))
                    .join(PRODUCTION_URL.replace(/\/$/, ""))
                : content,
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          server: process.env.HTTP_ONLY ? "http" : "https",
          headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": csp },
          static: { directory: path.resolve(__dirname, "dist") },
          hot: false,
          client: false,
        }
      : undefined,
  };
};
