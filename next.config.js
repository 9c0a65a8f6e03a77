// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Kept out of the server bundle: PGlite loads its WebAssembly and data files from its own package
  // directory, and Prisma's generated client expects to stay a plain Node module.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  // Separate build directories let parallel checkouts or sessions build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI before the build) over the whole tree:
  // tests, jobs, the sandbox and scripts included, which Next's build-time check would only partly cover.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
