// vitest.config.mts aliases "server-only" here. The real package throws when imported outside a React
// Server Component bundle, which is exactly what a unit test is; this empty module lets lib/ load in tests.
export {};
