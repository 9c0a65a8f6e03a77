import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "node_modules/",
      ".next/",
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
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["**/sim/*", "**/sim"], message: "Production code reaches the sandbox over HTTP only." }],
        },
      ],
    },
  },
  {
    // lib/ is the domain: it never reaches up into the app or the jobs.
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/app/*", "@/app/*"], message: "lib/ never imports app/." },
            { group: ["**/jobs/*", "@/jobs/*"], message: "lib/ never imports jobs/." },
            { group: ["**/sim/*", "**/sim"], message: "Production code reaches the sandbox over HTTP only." },
          ],
        },
      ],
    },
  },
  {
    // The sandbox and the tests may import the sandbox.
    files: ["sim/**", "tests/**", "bench/**", "scripts/**"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
