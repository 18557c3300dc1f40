#!/bin/sh
# Installs the Debian packages thrice's tests drive for real: FRR (vtysh -C, zebra, bgpd), iproute2, nftables, shellcheck, virt-xml-validate (libvirt-clients, with xmllint), ifupdown2 (ifup --syntax-check), python3 (raw frames in kernel tests).
set -eu
packages="frr iproute2 nftables shellcheck iptables tcpdump libvirt-clients libxml2-utils ifupdown2 python3"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "system packages present:$packages" | tr -s ' '
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "thrice: installing$missing needs root (run with sudo)" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 # the list is meant to split into words
apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "installed:$missing"
