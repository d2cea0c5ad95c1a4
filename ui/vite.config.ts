import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Set by the Tauri CLI when it runs `beforeDevCommand` / `beforeBuildCommand`.
const tauriDevHost = process.env.TAURI_DEV_HOST;
const tauriDebug = Boolean(process.env.TAURI_ENV_DEBUG);

export default defineConfig({
  plugins: [react()],
  // Keep Rust compiler output visible when run by `tauri dev`.
  clearScreen: false,
  envPrefix: ["VITE_", "TAURI_"],
  server: {
    port: 1420,
    strictPort: true,
    host: tauriDevHost ?? false,
    hmr: tauriDevHost ? { protocol: "ws", host: tauriDevHost, port: 1421 } : undefined,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK (Linux) and WKWebView (macOS) are Safari-class engines.
    target: ["es2021", "safari13"],
    minify: tauriDebug ? false : "esbuild",
    sourcemap: tauriDebug,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // Whole-app renders; leave room for a busy 2-core machine.
    testTimeout: 15_000,
    // Process CSS so the stylesheet scan in src/styles can read it with ?raw.
    css: { include: [/\.css(\?|$)/] },
  },
});
