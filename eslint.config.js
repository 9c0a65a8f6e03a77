import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "node_modules/",
      ".next*/",
      ".data/",
      "lib/db/generated/",
      "next-env.d.ts",
      "test-results/",
      "bench/results/",
      ".tmp/",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Imports go down: app -> components, lib; jobs -> lib; lib never reaches up; production code reaches
      // the sandbox over HTTP only.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports app/." },
            { target: "./lib", from: "./jobs", message: "lib/ never imports jobs/." },
            { target: "./lib", from: "./components", message: "lib/ never imports components/." },
            { target: "./components", from: "./app", message: "components/ never import app/." },
            { target: "./components", from: "./jobs", message: "components/ never import jobs/." },
            { target: "./app", from: "./jobs", message: "app/ asks lib/ for job runs; it never imports jobs/." },
            {
              target: ["./app", "./components", "./lib", "./jobs"],
              from: "./sim",
              message: "Production code reaches the sandbox over HTTP only.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
