// @ts-check

// Headers every response carries, static files included. The Content-Security-Policy needs a nonce per
// request, so proxy.ts sets it. HSTS only in production builds: a browser ignores it over plain http anyway,
// and a developer's localhost must not learn to insist on https.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

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
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
