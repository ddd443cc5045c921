/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pino", "postgres"],
  outputFileTracingIncludes: {
    "/**": ["./db/migrations/**/*"],
  },
  poweredByHeader: false,
  devIndicators: false,
  // Development only: lets the dev server's scripts load when the portal is opened at 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  agentRules: false,
  experimental: { agentUpgrade: false },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
