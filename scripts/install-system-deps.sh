#!/bin/sh
# Installs the Debian packages thrice's tests drive for real: FRR (vtysh -C, zebra, bgpd), iproute2, nftables, shellcheck, virt-xml-validate (libvirt-clients, with xmllint), ifupdown2 (ifup --syntax-check), python3 (raw frames in kernel tests), and the lab's VM mode: qemu, a static busybox and Debian's kernel.
set -eu
packages="frr iproute2 nftables shellcheck iptables tcpdump libvirt-clients libxml2-utils ifupdown2 python3 qemu-system-x86 busybox-static xz-utils"
# Debian's kernel for `thrice lab up --kernel vm`, unpacked here rather than installed: installing linux-image-amd64
# would pull in initramfs-tools and udev and rewrite /boot, none of which the VM uses (it boots the image directly).
kernel_dir=/var/cache/thrice/vm-kernel
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
have_kernel() { ls "$kernel_dir"/boot/vmlinuz-* >/dev/null 2>&1; }
if [ -z "$missing" ] && have_kernel; then
  echo "system packages present:$packages; VM kernel in $kernel_dir" | tr -s ' '
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "thrice: installing${missing:- the kernel for the lab VM} needs root (run with sudo)" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086 # the list is meant to split into words
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  echo "installed:$missing"
fi
if ! have_kernel; then
  # The versioned package linux-image-amd64 depends on (linux-image-6.1.0-NN-amd64).
  image=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: \(linux-image-[0-9].*\)$/\1/p' | head -n 1)
  [ -n "$image" ] || { echo "thrice: cannot find the kernel package linux-image-amd64 depends on" >&2; exit 1; }
  work=$(mktemp -d)
  chmod 755 "$work" # apt downloads as _apt
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && apt-get download -qq "$image")
  dpkg-deb -x "$work"/"$image"_*.deb "$work/root"
  version=$(ls "$work/root/lib/modules")
  # No kmod on a minimal machine: busybox builds the module index the VM's modprobe reads.
  busybox depmod -b "$work/root" "$version"
  mkdir -p "$(dirname "$kernel_dir")"
  rm -rf "$kernel_dir.new"
  mv "$work/root" "$kernel_dir.new"
  rm -rf "$kernel_dir"
  mv "$kernel_dir.new" "$kernel_dir"
  echo "unpacked $image into $kernel_dir"
fi
