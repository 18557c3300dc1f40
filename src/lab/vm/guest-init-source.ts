// The lab VM's boot scripts: the initramfs /init (busybox) that mounts the machine's root read-only, and stage 2 in the new root.

/**
 * /init: loads the virtio, 9p and overlay modules from the initramfs, mounts the machine's root (9p tag `hostroot`)
 * read-only under a tmpfs overlay, gives the guest a fresh /run and /tmp (never the machine's lab state, netns pins or
 * sockets), binds the kernel's own module tree (`thrice.moddir`), mounts the lab directory (`thrice.share`) read-write
 * (9p tag `lab`) at /run/thrice-vm/share, loads the lab's feature modules with one modprobe, and switches root.
 */
export const GUEST_INIT = `#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mkdir -p /proc /sys /dev /lower /rw /newroot
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
log() { echo "[thrice-init] $*" > /dev/console; }
fail() { log "FATAL: $*"; poweroff -f; }
log "initramfs $(cut -d' ' -f1 /proc/uptime)s"
for m in $(cat /boot.order); do
  insmod "/modules/$m.ko" 2>/dev/null || log "insmod $m failed"
done
MODDIR=; SHARE=
for a in $(cat /proc/cmdline); do
  case "$a" in
    thrice.moddir=*) MODDIR=\${a#thrice.moddir=} ;;
    thrice.share=*) SHARE=\${a#thrice.share=} ;;
  esac
done
i=0
while ! grep -q hostroot /sys/bus/virtio/drivers/9pnet_virtio/virtio*/mount_tag 2>/dev/null; do
  i=$((i+1)); [ $i -gt 200 ] && fail "no 9p device hostroot"; sleep 0.05
done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=524288,cache=loose hostroot /lower || fail "cannot mount the host root"
mount -t tmpfs -o mode=755 tmpfs /rw || fail "tmpfs"
mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot || fail "overlay"
mount -t tmpfs -o mode=755 tmpfs /newroot/run
mount -t tmpfs -o mode=1777 tmpfs /newroot/tmp
mkdir -p /newroot/run/thrice-vm/host /newroot/run/thrice-vm/bin
mount --move /lower /newroot/run/thrice-vm/host
KV=$(uname -r)
[ -n "$MODDIR" ] && [ -d "/newroot/run/thrice-vm/host$MODDIR" ] || fail "no module tree $MODDIR for $KV"
mkdir -p "/newroot/lib/modules/$KV"
mount --bind "/newroot/run/thrice-vm/host$MODDIR" "/newroot/lib/modules/$KV"
if [ -n "$SHARE" ]; then
  mkdir -p /newroot/run/thrice-vm/share
  mount -t 9p -o trans=virtio,version=9p2000.L,rw,msize=524288 lab /newroot/run/thrice-vm/share || fail "cannot mount the lab directory $SHARE"
fi
modprobe -a $(cat /features.list) 2>/dev/null || log "modprobe reported an error"
FAILED=
for m in $(cat /features.list); do grep -q "^$m " /proc/modules || FAILED="$FAILED $m"; done
echo "$FAILED" > /newroot/run/thrice-vm/modules-failed
log "feature modules $(cut -d' ' -f1 /proc/uptime)s; not loaded:\${FAILED:- none}"
cp /bin/busybox /newroot/run/thrice-vm/bin/busybox
cp /stage2.sh /agent.cjs /newroot/run/thrice-vm/
mount --move /proc /newroot/proc
mount --move /sys /newroot/sys
mount --move /dev /newroot/dev
exec switch_root /newroot /run/thrice-vm/bin/busybox sh /run/thrice-vm/stage2.sh
`;

/**
 * Stage 2, PID 1 in the new root: the usual pseudo file systems, a busybox modprobe the kernel can auto-load with (the
 * machine's root may have no kmod), FRR's runtime directory, then busybox init, which reaps orphans (FRR's daemons
 * double-fork), respawns the agent and powers off cleanly.
 */
export const GUEST_STAGE2 = `BB=/run/thrice-vm/bin/busybox
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/run/thrice-vm/bin
log() { echo "[thrice-stage2] $*" > /dev/console; }
mkdir -p /dev/pts /dev/shm /run/netns
$BB mount -t devpts -o mode=620,ptmxmode=666 devpts /dev/pts
$BB mount -t tmpfs tmpfs /dev/shm
$BB mount -t cgroup2 cgroup2 /sys/fs/cgroup 2>/dev/null
$BB mount -t bpf bpf /sys/fs/bpf 2>/dev/null
printf '#!/run/thrice-vm/bin/busybox sh\\nexec /run/thrice-vm/bin/busybox modprobe "$@"\\n' > /run/thrice-vm/bin/modprobe
chmod 755 /run/thrice-vm/bin/modprobe
echo /run/thrice-vm/bin/modprobe > /proc/sys/kernel/modprobe
mkdir -p /run/frr && chown frr:frr /run/frr 2>/dev/null
$BB hostname thrice-vm
ip link set lo up
NODE=/usr/bin/node
for a in $(cat /proc/cmdline); do case "$a" in thrice.node=*) NODE=\${a#thrice.node=} ;; esac; done
cat > /etc/inittab <<EOI
::respawn:/usr/bin/env PATH=$PATH HOME=/root $NODE /run/thrice-vm/agent.cjs
::shutdown:/run/thrice-vm/bin/busybox sync
EOI
log "agent starting $(cut -d' ' -f1 /proc/uptime)s"
exec $BB init
`;
