import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // one database shared by the files: run them one after another
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          setupFiles: ["tests/integration/setup.ts"],
        },
      },
    ],
  },
});
