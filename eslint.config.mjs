// ESLint 9 flat config. Written out in full because office-addin-lint's built-in config only matches
// .js/.ts files: with it alone, no .tsx component would be linted at all.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** The core stays pure: these imports belong to hosts and surfaces. */
const HOST_ONLY = [
  "react",
  "react-dom",
  "exceljs",
  "yauzl",
  "commander",
  "cli-progress",
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "zlib",
  "stream",
  "util",
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "out/", "coverage/", "test-artifacts/", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react, "react-hooks": reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
      },
    },
    settings: { react: { version: "19" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // The Office.js rules, on the code that talks to Office.js. Not on the simulation (it implements the API),
    // nor on ExcelJS code (its getRange/load look alike), nor on tests that break the rules on purpose.
    files: ["src/hosts/excel/**/*.ts", "src/commands/**/*.ts", "src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/hosts/excel/simulation/**"],
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: HOST_ONLY.map((name) => ({
            name,
            message: "src/core stays pure: move host code to src/hosts or src/app.",
          })),
          patterns: [
            { group: ["node:*"], message: "src/core stays pure: no Node APIs." },
            { group: ["@fluentui/*", "office-addin-*"], message: "src/core stays pure." },
            {
              group: ["**/hosts/**", "**/app/**", "**/cli/**", "**/taskpane/**"],
              message: "Dependencies point down: core imports nothing above it.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process", "Buffer", "require", "Office", "Excel"],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/hosts/**", "**/cli/**", "**/taskpane/**"],
              message: "Use cases talk to hosts only through the WorkbookPort.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  prettier,
);
