# qemu/linux-ref.sh - sourced, not run: booting Debian's Linux 6.1
# (armmp) on the same QEMU board as topdown, with a program of ours as
# /init. Used by qemu/check-linux.sh (the behavioural reference) and by
# make bench (the instruction counts side by side).
#
# The sourcing script sets TOP, REF (where the kernel package is kept,
# extracted), IMAGE (topdown's initramfs, which Linux gets too) and
# TIMEOUT (seconds for one boot); LINUX_REF_PKG picks another package
# than the newest linux-image-6.1.0-N-armmp.

log() {
	echo "# check-linux: $*"
}

die() {
	echo "check-linux: $*" >&2
	exit 2
}

# Run a command as root: directly, or through sudo.
as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		die "need root (or sudo) for: $*"
	fi
}

# Make armhf packages visible to apt (once per machine).
enable_armhf() {
	if ! dpkg --print-foreign-architectures | grep -qx armhf; then
		log "dpkg --add-architecture armhf"
		as_root dpkg --add-architecture armhf
	fi
	# armmp kernels exist only for armhf: none listed means no armhf lists
	if ! apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-armmp$' |
		grep -q .; then
		log "apt-get update"
		# A mirror that is mid-sync fails one index; the main one is
		# enough, so only a missing package below is an error.
		as_root apt-get update -qq || log "apt-get update reported errors"
	fi
}

# The package to use: $LINUX_REF_PKG, or the newest 6.1 armmp image.
pick_package() {
	if [ -n "${LINUX_REF_PKG:-}" ]; then
		echo "$LINUX_REF_PKG"
		return
	fi
	apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-armmp$' |
		awk '{ print $1 }' | sort -V | tail -n 1
}

# Download and extract the kernel into $REF/linux once; set VMLINUZ, DTB.
fetch_linux() {
	local deb pkg

	mkdir -p "$REF"
	deb=$(ls "$REF"/linux-image-*armmp*_armhf.deb 2>/dev/null | head -n 1 || true)
	if [ -z "$deb" ]; then
		enable_armhf
		pkg=$(pick_package)
		[ -n "$pkg" ] || die "no linux-image-6.1.0-*-armmp package found"
		log "apt-get download $pkg:armhf"
		(cd "$REF" && apt-get download -q "$pkg:armhf" 2>&1 |
			grep -v '^W: Download is performed unsandboxed' || true)
		deb=$(ls "$REF"/linux-image-*armmp*_armhf.deb 2>/dev/null | head -n 1 || true)
		[ -n "$deb" ] || die "apt-get download $pkg:armhf failed"
	fi
	if [ ! -d "$REF/linux" ]; then
		log "extracting $(basename "$deb")"
		rm -rf "$REF/linux.tmp"
		dpkg-deb -x "$deb" "$REF/linux.tmp"
		mv "$REF/linux.tmp" "$REF/linux"
	fi
	VMLINUZ=$(ls "$REF"/linux/boot/vmlinuz-* | head -n 1)
	DTB=$(ls "$REF"/linux/usr/lib/linux-image-*/vexpress-v2p-ca9.dtb | head -n 1)
	[ -f "$VMLINUZ" ] && [ -f "$DTB" ] || die "no vmlinuz or dtb in $deb"
	log "kernel $(basename "$VMLINUZ")"
}

# The initrd for one run, written to $2: topdown's image followed by a
# second newc archive holding /init = $1 (Linux unpacks concatenated
# archives in turn), gzipped.
make_initrd() {
	local dir

	dir=$(mktemp -d "$REF/initrd.XXXXXX")
	cp "$1" "$dir/init"
	chmod 755 "$dir/init"
	(cat "$IMAGE" && cd "$dir" && echo init | cpio -o -H newc --quiet) |
		gzip -n > "$2"
	rm -rf "$dir"
}

# Boot Linux with initrd $1 and init arguments $2; the console goes to $3.
# LINUX_QEMU_ARGS: more QEMU options (make bench: -icount); LINUX_APPEND:
# more kernel options.
boot_linux() {
	# shellcheck disable=SC2086 # the options are words
	timeout "$TIMEOUT" qemu-system-arm -M vexpress-a9 -m 256M \
		-nographic -no-reboot ${LINUX_QEMU_ARGS:-} \
		-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
		-kernel "$VMLINUZ" -dtb "$DTB" -initrd "$1" \
		-append "console=ttyAMA0 norandmaps panic=-1 quiet ${LINUX_APPEND:-} -- $2" \
		</dev/null >"$3" 2>&1 || true
}

