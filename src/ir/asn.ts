// Which BGP AS numbers may be used in a fabric: reserved ones never (RFC 7300, 6793, 5398), public ones with a warning (RFC 6996).

export function isReservedAsn(asn: number): boolean {
  return (
    asn === 0 ||
    asn === 23456 || // AS_TRANS
    asn === 65535 ||
    asn === 4294967295 ||
    (asn >= 64496 && asn <= 64511) || // documentation
    (asn >= 65536 && asn <= 65551) // documentation
  );
}

export function isPrivateAsn(asn: number): boolean {
  return (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
}
