import { classifyIpAddress } from '@mcp-registry/data-provider';

/**
 * True only for an IP literal an outbound request may reach without an exemption (private, loopback, link-local and the like need an exemption).
 * IPv4 must be dotted decimal and IPv6 unbracketed without a zone id; anything else is false.
 */
export function isGlobalUnicast(ip: string): boolean {
  return classifyIpAddress(ip).kind === 'global';
}
