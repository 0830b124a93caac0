// Builds the dashboard into dist/web, where the hub serves it at `/`. Everything the page needs
// (scripts, styles, map shapes) is bundled: the page fetches nothing but the hub's own API.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    // The dashboard, and GraphiQL, which the hub serves to a browser opening /graphql.
    rollupOptions: {
      // GraphiQL's React compiler runtime marks itself "use no memo", which bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      input: {
        dashboard: fileURLToPath(new URL("index.html", import.meta.url)),
        graphiql: fileURLToPath(new URL("graphiql.html", import.meta.url)),
      },
    },
    // The map shapes and the graph library make one large chunk; the page is served locally.
    chunkSizeWarningLimit: 2000,
  },
});
