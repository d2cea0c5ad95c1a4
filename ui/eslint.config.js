// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** @type {import("eslint").Linter.RuleEntry} */
const tauriImportRule = [
  "error",
  {
    patterns: [
      {
        group: ["@tauri-apps/*"],
        message: "Only src/api/ talks to Tauri. Call a typed function from src/api instead.",
      },
    ],
  },
];

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
  {
    // The one place that may talk to Tauri (and mock it for tests).
    files: ["src/api/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["vite.config.ts", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
);
