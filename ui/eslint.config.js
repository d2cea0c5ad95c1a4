// @ts-check
import { readdirSync } from "node:fs";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const tauriPattern = {
  group: ["@tauri-apps/*"],
  message: "Only src/api/ talks to Tauri. Call a typed function from src/api instead.",
};

/**
 * no-restricted-imports: nothing from Tauri, nor what `boundaries` (regular
 * expressions on the import as written) forbid.
 * @param {{ regex: string, message: string }[]} boundaries
 * @returns {import("eslint").Linter.RuleEntry}
 */
function restrictImports(boundaries) {
  return ["error", { patterns: [tauriPattern, ...boundaries] }];
}

const tauriImportRule = restrictImports([]);

/** Every folder under src/features: a new feature is covered by the rules below as soon as it exists. */
const FEATURES = readdirSync(new URL("./src/features/", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** How deep below a feature's folder files may sit (src/features/<name>/a/b/c/d/file.ts). */
const MAX_DEPTH = 5;

/**
 * A feature imports the kit, the api, the bindings, i18n and shortcuts, never
 * another feature (a panel shown on another feature's page goes through
 * kit/slots.tsx, filled in src/shell/slots.tsx). no-restricted-imports sees
 * the import as written, so one block per feature and folder depth: from
 * src/features/<name>/ plus `depth` folders, `depth + 1` times "../" reaches
 * src/features/, where any folder but <name> is another feature.
 */
/** @param {string} name */
const crossFeature = (name) =>
  `src/features/${name} must not import another feature. Move what both need to src/kit, or show the other feature's panel through a slot (src/kit/slots.tsx).`;

const featureBoundaries = FEATURES.flatMap((name) =>
  Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`src/features/${name}/${"*/".repeat(depth)}*.{ts,tsx}`],
    rules: {
      "no-restricted-imports": restrictImports([
        {
          regex: `^(?:\\.\\./){${String(depth + 1)}}(?!${name}(?:/|$))[^./][^/]*`,
          message: crossFeature(name),
        },
        {
          regex: `^(?:\\.\\./)+(?:src/)?features/(?!${name}(?:/|$))`,
          message: crossFeature(name),
        },
      ]),
    },
  })),
);

/** @type {import("eslint").Linter.RuleEntry} */
const htmlInjectionRule = [
  "error",
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: "User text goes through React text nodes only; no dangerouslySetInnerHTML.",
  },
  {
    selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
    message: "No innerHTML/outerHTML: render through React.",
  },
  {
    selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]",
    message: "No HTML string injection: render through React.",
  },
  {
    selector: "CallExpression[callee.property.name='createElement'][arguments.0.value='style']",
    message: "No <style> elements: the CSP is style-src 'self'. Put CSS in a .css file.",
  },
];

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "coverage/", "src/bindings/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ["./tsconfig.json", "./tsconfig.node.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  { files: ["src/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    rules: {
      "no-restricted-imports": tauriImportRule,
      "no-restricted-syntax": htmlInjectionRule,
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  ...featureBoundaries,
  {
    // The kit serves every feature, so it imports none (nor the shell that composes them).
    files: ["src/kit/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": restrictImports([
        {
          regex: "^(?:\\.\\./)+(?:src/)?(?:features|shell|App)(?:/|$)",
          message: "src/kit must not import a feature or the shell: take what it needs as props or a slot.",
        },
      ]),
    },
  },
  {
    // The one place that talks to Tauri, and the tests' stand-in for it.
    files: ["src/api/**/*.{ts,tsx}", "src/test/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["vite.config.ts", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
);
