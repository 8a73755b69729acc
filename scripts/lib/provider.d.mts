export type Provider = "sqlite" | "postgresql";
export function providerOf(url: string | undefined): Provider;
export const PROVIDERS: Record<Provider, { schema: string; migrations: string }>;
