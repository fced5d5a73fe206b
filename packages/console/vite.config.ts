import { defineConfig, defaultClientConditions } from "vite";
import react from "@vitejs/plugin-react";

// Built from the workspace sources (no CDN, relative asset URLs), so the
// collector can serve dist/ at any path prefix.
export default defineConfig({
  plugins: [react()],
  base: "./",
  resolve: { conditions: ["@llmscope/source", ...defaultClientConditions] },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
});
