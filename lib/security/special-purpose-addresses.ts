/**
 * IANA's IPv4 and IPv6 Special-Purpose Address Registries (iana-ipv4-special-registry,
 * iana-ipv6-special-registry, as of 2025), plus the multicast and deprecated blocks of the address
 * architecture. No LLM provider lives in any of them, so every entry is refused, including the
 * few marked "globally reachable" (anycast services such as AS112, AMT, PCP, TURN).
 */
export interface SpecialRange {
  cidr: string;
  name: string;
}

export const IPV4_SPECIAL_PURPOSE: readonly SpecialRange[] = [
  { cidr: "0.0.0.0/8", name: "This network" },
  { cidr: "0.0.0.0/32", name: "This host on this network" },
  { cidr: "10.0.0.0/8", name: "Private-Use" },
  { cidr: "100.64.0.0/10", name: "Shared Address Space" },
  { cidr: "127.0.0.0/8", name: "Loopback" },
  { cidr: "169.254.0.0/16", name: "Link Local" },
  { cidr: "172.16.0.0/12", name: "Private-Use" },
  { cidr: "192.0.0.0/24", name: "IETF Protocol Assignments" },
  { cidr: "192.0.0.0/29", name: "IPv4 Service Continuity Prefix" },
  { cidr: "192.0.0.8/32", name: "IPv4 dummy address" },
  { cidr: "192.0.0.9/32", name: "Port Control Protocol Anycast" },
  { cidr: "192.0.0.10/32", name: "Traversal Using Relays around NAT Anycast" },
  { cidr: "192.0.0.170/32", name: "NAT64/DNS64 Discovery" },
  { cidr: "192.0.0.171/32", name: "NAT64/DNS64 Discovery" },
  { cidr: "192.0.2.0/24", name: "Documentation (TEST-NET-1)" },
  { cidr: "192.31.196.0/24", name: "AS112-v4" },
  { cidr: "192.52.193.0/24", name: "AMT" },
  { cidr: "192.88.99.0/24", name: "Deprecated (6to4 Relay Anycast)" },
  { cidr: "192.168.0.0/16", name: "Private-Use" },
  { cidr: "192.175.48.0/24", name: "Direct Delegation AS112 Service" },
  { cidr: "198.18.0.0/15", name: "Benchmarking" },
  { cidr: "198.51.100.0/24", name: "Documentation (TEST-NET-2)" },
  { cidr: "203.0.113.0/24", name: "Documentation (TEST-NET-3)" },
  { cidr: "224.0.0.0/4", name: "Multicast" },
  { cidr: "240.0.0.0/4", name: "Reserved" },
  { cidr: "255.255.255.255/32", name: "Limited Broadcast" },
];

export const IPV6_SPECIAL_PURPOSE: readonly SpecialRange[] = [
  { cidr: "::1/128", name: "Loopback Address" },
  { cidr: "::/128", name: "Unspecified Address" },
  { cidr: "64:ff9b:1::/48", name: "Local-Use IPv4/IPv6 Translation" },
  { cidr: "100::/64", name: "Discard-Only Address Block" },
  { cidr: "100:0:0:1::/64", name: "Dummy IPv6 Prefix" },
  { cidr: "2001::/23", name: "IETF Protocol Assignments" },
  { cidr: "2001::/32", name: "TEREDO" },
  { cidr: "2001:1::1/128", name: "Port Control Protocol Anycast" },
  { cidr: "2001:1::2/128", name: "Traversal Using Relays around NAT Anycast" },
  { cidr: "2001:1::3/128", name: "DNS-SD Service Registration Protocol Anycast" },
  { cidr: "2001:2::/48", name: "Benchmarking" },
  { cidr: "2001:3::/32", name: "AMT" },
  { cidr: "2001:4:112::/48", name: "AS112-v6" },
  { cidr: "2001:10::/28", name: "Deprecated (previously ORCHID)" },
  { cidr: "2001:20::/28", name: "ORCHIDv2" },
  { cidr: "2001:30::/28", name: "Drone Remote ID Protocol Entity Tags (DETs) Prefix" },
  { cidr: "2001:db8::/32", name: "Documentation" },
  { cidr: "2620:4f:8000::/48", name: "Direct Delegation AS112 Service" },
  { cidr: "3fff::/20", name: "Documentation" },
  { cidr: "5f00::/16", name: "Segment Routing (SRv6) SIDs" },
  { cidr: "fc00::/7", name: "Unique-Local" },
  { cidr: "fe80::/10", name: "Link-Local Unicast" },
  { cidr: "fec0::/10", name: "Site-Local (deprecated)" },
  { cidr: "ff00::/8", name: "Multicast" },
];

/**
 * IPv6 blocks that carry an IPv4 address in their low 32 bits (6to4: bits 16-47): the embedded
 * address decides. Mapped, translated (SIIT) and compatible forms reach IPv4 hosts directly;
 * NAT64 and 6to4 through a gateway.
 */
export const IPV6_EMBEDDING_IPV4: readonly (SpecialRange & { shift: number })[] = [
  { cidr: "::ffff:0:0/96", name: "IPv4-mapped Address", shift: 0 },
  { cidr: "::ffff:0:0:0/96", name: "IPv4-translated Address", shift: 0 },
  { cidr: "::/96", name: "IPv4-compatible Address (deprecated)", shift: 0 },
  { cidr: "64:ff9b::/96", name: "IPv4-IPv6 Translation", shift: 0 },
  { cidr: "2002::/16", name: "6to4", shift: 80 },
];
