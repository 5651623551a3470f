export interface LookupAddress {
  address: string;
  family: number;
}

/** Resolves every address of a name, like `dns.promises.lookup(hostname, { all: true })`. */
export type LookupFunction = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

export interface SsrfOptions {
  /** When non-empty, a strict whitelist (`mcpSettings.allowedDomains`). */
  allowedDomains?: readonly string[];
  /** Private targets exempt from the private-address check (`mcpSettings.allowedAddresses`). */
  allowedAddresses?: readonly string[];
  /** Name resolution; defaults to `dns.promises.lookup`. */
  lookup?: LookupFunction;
}

/** Where a request goes: `hostname` as the URL parser or undici gives it (brackets optional for IPv6). */
export interface OutboundTarget {
  protocol: string;
  hostname: string;
  port: number;
}
