#!/usr/bin/env python3
"""tests/shell/test_session.py - the shell, driven through the serial port.

    tests/shell/test_session.py           boot topdown: qemu/qemu.sh init=/bin/sh
    tests/shell/test_session.py --linux   boot Debian's Linux 6.1 (fetched by
                                          make check-linux) with the shell as /init

Types a session into QEMU's serial input one command at a time, as a
person would (each line ended by CR, as a terminal sends it), waits for
the prompt after each, and checks the transcript against expectations
that come from the requests and from Linux's rules, never from what the
shell printed before:

  - the prompt "topdown$ " appears;
  - mmap 3p rw returns a page-aligned address, 3 pages below mmap_base
    (0xB7000000 with an 8 MiB stack: TASK_SIZE - 128 MiB);
  - maps shows that range rw-p, anonymous;
  - a value written reads back; an untouched page reads 0;
  - after munmap, maps no longer shows it, and a read there is a fault
    reported as signal 11 / status 139, after which the shell goes on;
  - brk +8k and brk -8k move the break by exactly 8192;
  - line editing: backspaces erase, CR LF is one end of line;
  - an unknown command is refused and the shell goes on;
  - ps shows the shell as pid 1, running, and a child shell (spawn sh
    -c '...') sees it sleeping and itself running with parent 1; maps 1
    and the child's maps 1 are the shell's maps; ns_last_pid is the
    child's pid;
  - pte: no entry before the first access, the zero page (one frame for
    two pages, user r--, XN) after a read, a frame of its own and user
    rw- after a write, r-x for the shell's code, nothing after munmap;
  - mincore, pagemap and smaps of four pages, two read and one written:
    three resident, the two read on one frame (the zero page, in no
    Rss), the written one on its own exclusive frame; madvise dontneed
    drops them all, and the next read is the zero page again; bad
    arguments get Linux's errno (EINVAL unaligned, ENOMEM a hole);
  - exit ends the run: QEMU exits with status 0 (under Linux, init's
    exit code 0 is in the kernel's panic message).

Prints KTAP lines ("ok N shell:NAME") and ends with "# shell: done";
exits 1 if a check failed. The whole exchange is in build/test/shell.log.
"""
import glob
import os
import re
import select
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(TOP, "build")
PROMPT = "topdown$ "
PAGE = 4096
MMAP_BASE = 0xB7000000
BOOT_TIMEOUT = 120
COMMAND_TIMEOUT = 30


class Timeout(Exception):
    pass


class Session:
    """QEMU with the shell on its serial port, typed at through a pipe."""

    def __init__(self, argv, log_path):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, bufsize=0)
        self.log = open(log_path, "w")
        self.pending = ""

    def read_until(self, token, timeout):
        """Everything up to and including @token; Timeout if it never comes."""
        deadline = time.monotonic() + timeout
        while token not in self.pending:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout(repr(token))
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                continue
            data = os.read(self.proc.stdout.fileno(), 4096)
            if not data:
                raise Timeout("end of output before " + repr(token))
            text = data.decode("latin-1").replace("\r", "")
            self.log.write(text)
            self.log.flush()
            self.pending += text
        end = self.pending.index(token) + len(token)
        out, self.pending = self.pending[:end], self.pending[end:]
        return out

    def type(self, keys):
        """Send @keys to the serial port."""
        self.proc.stdin.write(keys.encode("latin-1"))
        self.proc.stdin.flush()

    def command(self, line, end="\r"):
        """Type @line, return what came before the next prompt (no echo line)."""
        self.type(line + end)
        out = self.read_until(PROMPT, COMMAND_TIMEOUT)[:-len(PROMPT)]
        return out.split("\n", 1)[1] if "\n" in out else ""

    def command_through(self, line, token):
        """As command(), for a line whose output holds prompts of its own
        (a child shell's): what came before the prompt after @token."""
        self.type(line + "\r")
        out = self.read_until(token, COMMAND_TIMEOUT)
        out += self.read_until(PROMPT, COMMAND_TIMEOUT)[:-len(PROMPT)]
        return out.split("\n", 1)[1] if "\n" in out else ""

    def finish(self, timeout):
        """Wait for QEMU to exit; its status, or None after @timeout s."""
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.proc.stdout], [], [], 0.5)
            if ready:
                data = os.read(self.proc.stdout.fileno(), 4096)
                text = data.decode("latin-1").replace("\r", "")
                self.log.write(text)
                self.pending += text
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
            return None
        return self.proc.returncode


class Checks:
    """KTAP result lines."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, name, ok, why=""):
        self.n += 1
        if not ok:
            self.failed += 1
            if why:
                print("#   " + why)
        print("%s %d shell:%s" % ("ok" if ok else "not ok", self.n, name))
        sys.stdout.flush()
        return ok


def topdown_argv():
    """Boot topdown with the shell as the first task."""
    return [os.path.join(TOP, "qemu", "qemu.sh"), "init=/bin/sh"]


def linux_argv():
    """Boot Linux 6.1 with our image and the shell as /init, or None."""
    ref = os.environ.get("LINUX_REF_DIR", os.path.join(BUILD, "linux-ref"))
    vmlinuz = glob.glob(os.path.join(ref, "linux", "boot", "vmlinuz-*"))
    dtb = glob.glob(os.path.join(ref, "linux", "usr", "lib", "linux-image-*",
                                 "vexpress-v2p-ca9.dtb"))
    image = os.path.join(BUILD, "initramfs.cpio")
    if not vmlinuz or not dtb or not os.path.exists(image):
        return None
    initrd = os.path.join(ref, "run", "shell.cpio.gz")
    stage = os.path.join(ref, "run", "shell-init")
    os.makedirs(stage, exist_ok=True)
    subprocess.run(["cp", os.path.join(BUILD, "u", "user", "sh.elf"),
                    os.path.join(stage, "init")], check=True)
    # our image, then a second archive with /init (Linux unpacks both)
    with open(initrd, "wb") as out:
        cpio = subprocess.run("cat %s && cd %s && echo init | cpio -o -H newc "
                              "--quiet" % (image, stage), shell=True,
                              check=True, stdout=subprocess.PIPE).stdout
        out.write(subprocess.run(["gzip", "-n"], input=cpio, check=True,
                                 stdout=subprocess.PIPE).stdout)
    return ["qemu-system-arm", "-M", "vexpress-a9", "-m", "256M",
            "-nographic", "-no-reboot", "-audiodev", "none,id=snd0",
            "-global", "pl041.audiodev=snd0", "-kernel", vmlinuz[0],
            "-dtb", dtb[0], "-initrd", initrd, "-append",
            "console=ttyAMA0 norandmaps panic=-1 quiet"]


def maps_lines(text):
    """(start, end, perms, rest) for each line of a maps listing."""
    out = []
    for m in re.finditer(r"^([0-9a-f]+)-([0-9a-f]+) (\S{4}) (.*)$", text, re.M):
        out.append((int(m.group(1), 16), int(m.group(2), 16), m.group(3),
                    m.group(4)))
    return out


def pte_entry(out):
    """(frame, user rights, XN) of the L2 line pte printed, or None."""
    m = re.search(r"^  L2 [0-9a-f]{8} [0-9a-f]{8} small page ([0-9a-f]{8}): "
                  r"user (\S{3}), kernel \S{3}(.*)$", out, re.M)
    if not m:
        return None
    return int(m.group(1), 16), m.group(2), ", XN" in m.group(3)


def mapped_at(s, c, name, cmd):
    """Run the mmap command @cmd, check (as @name) that it printed a range;
    its start, or None."""
    out = s.command(cmd)
    m = re.search(r"mmap: (0x[0-9a-f]+)-", out)
    if not c.check(name, m is not None, "got: %r" % out):
        return None
    return int(m.group(1), 16)


def check_refusals(s, c, cases):
    """Type each (command, what its refusal must say) of @cases."""
    for cmd, want in cases:
        out = s.command(cmd)
        c.check("refused_%s" % re.sub(r"\W+", "_", cmd[:24]).strip("_"),
                want in out, "%r: got %r" % (cmd[:40], out))


def processes_and_page_tables(s, c, linux):
    """ps, maps PID, pte, sysctl kernel.*: what each must show follows from
    how the session was started (the shell is pid 1, booted as init), from
    what fork returned, and from the rules of demand paging."""
    name = "init" if linux else "sh"        # Linux runs the shell as /init
    out = s.command("ps")
    c.check("ps_shows_the_shell_as_pid_1_running",
            re.search(r"^\s+1\s+0 R \(running\)\s+%s$" % name, out, re.M)
            is not None, "got: %r" % out)
    own = s.command("maps")
    out = s.command("maps 1")
    c.check("maps_1_is_the_shells_own", out == own and maps_lines(out),
            "maps: %r, maps 1: %r" % (own, out))

    # a child shell: it sees us (pid 1) waiting for it, and our maps
    out = s.command_through("spawn sh -c 'maps 1; ps'", "spawn: /bin/sh")
    m = re.search(r"spawn: /bin/sh \(pid (\d+)\): exit 0", out)
    if c.check("spawn_quoted_script_runs", m is not None, "got: %r" % out):
        child = int(m.group(1))
        theirs = out[out.index("maps 1\n") + 7:out.index(PROMPT + "ps")]
        c.check("child_maps_1_is_the_parents", theirs == own,
                "parent: %r, child's maps 1: %r" % (own, theirs))
        c.check("child_ps_shows_the_parent_sleeping",
                re.search(r"^\s+1\s+0 S \(sleeping\)\s+%s$" % name, out,
                          re.M)
                is not None, "got: %r" % out)
        c.check("child_ps_shows_itself_running",
                re.search(r"^\s+%d\s+1 R \(running\)\s+sh$" % child, out,
                          re.M) is not None, "pid %d, got: %r" % (child, out))
        out = s.command("sysctl kernel.ns_last_pid")
        m = re.match(r"kernel.ns_last_pid = (\d+)$", out.strip())
        c.check("ns_last_pid_is_the_last_fork",
                m is not None and (int(m.group(1)) == child or
                                   (linux and int(m.group(1)) >= child)),
                "child %d, got: %r" % (child, out))
    check_refusals(s, c, [
            ("maps 99999", "maps: no process 99999"),
            ("maps x", "maps: not a pid: x"),
            ("maps 1 2", "maps: too many arguments\nusage: maps [PID]"),
            ("ps 1", "ps: too many arguments\nusage: ps"),
            ("pte", "pte: missing arguments\nusage: pte ADDR [PID]"),
            ("pte 0x1000 99999", "pte: no process 99999"),
            ("pte nowhere", "not a number: nowhere"),
            ("sysctl kernel", "sysctl: kernel: not a name such as"),
            ("echo 'open", "a quote is not closed: nothing done")])

    if linux:
        out = s.command("pte 0x8000")
        c.check("pte_says_linux_has_no_such_file",
                "Linux shows no task its descriptors" in out, "got: %r" % out)
        return
    # demand paging, seen in the descriptors: nothing until the first
    # access; a read maps the one zero page (the same frame for two pages)
    # read-only and never executable; a write gives the page its own frame
    # and user write access
    a = mapped_at(s, c, "pte_mmap", "mmap 2p rw")
    if a is None:
        return
    out = s.command("pte $")
    c.check("pte_untouched_is_not_present",
            "=> not present" in out and pte_entry(out) is None,
            "got: %r" % out)
    s.command("touch $ 2p")
    e0 = pte_entry(s.command("pte $"))
    e1 = pte_entry(s.command("pte $+1p"))
    c.check("pte_after_read_is_user_read_only_xn",
            e0 is not None and e0[1:] == ("r--", True), "got: %r" % (e0,))
    c.check("pte_two_read_pages_share_the_zero_page",
            e0 is not None and e1 is not None and e0[0] == e1[0],
            "%r, %r" % (e0, e1))
    s.command("write $ 7")
    w = pte_entry(s.command("pte $"))
    c.check("pte_after_write_is_user_read_write",
            w is not None and w[1:] == ("rw-", True), "got: %r" % (w,))
    c.check("pte_written_page_has_its_own_frame",
            w is not None and e0 is not None and w[0] != e0[0],
            "%r, zero page %r" % (w, e0))
    out = s.command("pte 0x8000")
    code = pte_entry(out)
    c.check("pte_of_the_shells_code_is_user_r_x",
            code is not None and code[1:] == ("r-x", False), "got: %r" % out)
    out = s.command("pte 0xc0010000")
    c.check("pte_refuses_the_kernels_half", "in the kernel's half" in out,
            "got: %r" % out)
    s.command("munmap %#x 2p" % a)
    out = s.command("pte %#x" % a)
    c.check("pte_after_munmap_is_not_present", "=> not present" in out,
            "got: %r" % out)


def pagemap_lines(out):
    """{address: (pfn or None, flags text)} of the lines pagemap printed."""
    lines = {}
    for m in re.finditer(r"^0x([0-9a-f]{8}) [0-9a-f]{16} (?:pfn 0x([0-9a-f]+) "
                         r"present(.*)|not present.*)$", out, re.M):
        pfn = int(m.group(2), 16) if m.group(2) else None
        lines[int(m.group(1), 16)] = (pfn, m.group(3) or "")
    return lines


def smaps_block(out, start):
    """{name: kB} of the smaps block of the VMA that starts at @start."""
    m = re.search(r"^%08x-[0-9a-f]+ .*?\n(.*?)^VmFlags:" % start, out,
                  re.M | re.S)
    if not m:
        return {}
    return {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB$",
                                            m.group(1), re.M)}


def pages_and_frames(s, c):
    """mincore, pagemap, smaps and madvise on four fresh pages, the first
    two read, the third written: what each must show follows from demand
    paging (a read maps the one zero page, a write a frame of the task's
    own) and from Linux's rules (the zero page is in no task's Rss;
    MADV_DONTNEED drops private anonymous pages)."""
    a = mapped_at(s, c, "pages_mmap", "mmap 4p rw")
    if a is None:
        return
    out = s.command("mincore $ 4p")
    c.check("mincore_untouched_none_resident",
            re.search(r"^0x%08x \.\.\.\.$" % a, out, re.M) is not None and
            "mincore: 0 of 4 pages resident" in out, "got: %r" % out)
    s.command("touch $ 2p")
    s.command("write $+2p 5")
    out = s.command("mincore $ 4p")
    c.check("mincore_after_two_reads_and_a_write",
            re.search(r"^0x%08x ###\.$" % a, out, re.M) is not None and
            "mincore: 3 of 4 pages resident" in out, "got: %r" % out)

    pm = pagemap_lines(s.command("pagemap $ 4p"))
    c.check("pagemap_one_line_a_page",
            sorted(pm) == [a + i * PAGE for i in range(4)], "got: %r" % pm)
    if len(pm) == 4:
        z0, z1, w, n = (pm[a + i * PAGE] for i in range(4))
        c.check("pagemap_reads_are_on_the_zero_page",
                z0[0] is not None and z0 == z1 and
                z0[1].strip() == "(the zero page)", "%r, %r" % (z0, z1))
        c.check("pagemap_written_page_is_its_own_exclusive_frame",
                w[0] is not None and w[0] != z0[0] and
                w[1].strip() == "exclusive", "%r (zero page %r)" % (w, z0))
        c.check("pagemap_untouched_page_not_present", n[0] is None,
                "got: %r" % (n,))

    # the zero page is nobody's: only the written page is in Rss
    kb = smaps_block(s.command("smaps"), a)
    c.check("smaps_rss_is_the_written_page_only",
            kb.get("Size") == 16 and kb.get("Rss") == 4 and
            kb.get("Anonymous") == 4 and kb.get("Private_Dirty") == 4,
            "got: %r" % kb)

    out = s.command("madvise $ 4p dontneed")
    c.check("madvise_dontneed_ok",
            "madvise: %#x-%#x dontneed: ok" % (a, a + 4 * PAGE) in out,
            "got: %r" % out)
    out = s.command("mincore $ 4p")
    c.check("mincore_after_dontneed_none_resident",
            "mincore: 0 of 4 pages resident" in out, "got: %r" % out)
    out = s.command("read $+2p")
    c.check("dontneed_page_reads_back_zero",
            "read: 0x%08x: 0x00000000" % (a + 2 * PAGE) in out,
            "got: %r" % out)
    pm = pagemap_lines(s.command("pagemap $+2p"))
    c.check("dontneed_page_read_is_the_zero_page",
            pm.get(a + 2 * PAGE, (None, ""))[1].strip() == "(the zero page)",
            "got: %r" % pm)

    check_refusals(s, c, [
            ("madvise $ 4p bogus", 'madvise: what is "bogus"?'),
            ("madvise $+1 1p dontneed", "madvise: EINVAL"),
            ("mincore $+1 1p", "mincore: EINVAL"),
            ("pagemap $ 1p 99999", "pagemap: no process 99999"),
            ("pagemap $ 300p", "pagemap: at most 256 pages")])
    s.command("munmap $ 4p")
    for cmd in ("madvise $ 4p dontneed", "mincore $ 4p"):
        out = s.command(cmd)
        c.check("%s_of_a_hole_is_enomem" % cmd.split()[0],
                "%s: ENOMEM" % cmd.split()[0] in out, "got: %r" % out)


def session(s, c, linux=False):
    """The scripted session; checks go to @c."""
    out = s.command("mmap 3p rw")
    m = re.search(r"mmap: (0x[0-9a-f]+)-(0x[0-9a-f]+) rw- private anonymous",
                  out)
    if not c.check("mmap_prints_range", m is not None, "got: %r" % out):
        return
    addr, end = int(m.group(1), 16), int(m.group(2), 16)
    print("# mmap 3p rw: %#x-%#x" % (addr, end))
    c.check("mmap_page_aligned", addr % PAGE == 0, "%#x" % addr)
    c.check("mmap_three_pages", end - addr == 3 * PAGE, "%#x-%#x" % (addr, end))
    c.check("mmap_below_mmap_base", end <= MMAP_BASE and addr >= 0x1000,
            "%#x-%#x, mmap_base %#x" % (addr, end, MMAP_BASE))

    out = s.command("maps")
    covering = [l for l in maps_lines(out) if l[0] <= addr and end <= l[1]]
    c.check("maps_shows_it_rw_p",
            len(covering) == 1 and covering[0][2] == "rw-p" and
            re.match(r"0+ 00:00 0\s*$", covering[0][3]) is not None,
            "no rw-p anonymous line covering %#x-%#x in: %r" % (addr, end, out))

    out = s.command("write %#x 0x1234abcd" % (addr + PAGE))
    c.check("write_done", re.search(r"write: 0x%08x: 0x1234abcd" % (addr + PAGE),
                                    out) is not None, "got: %r" % out)
    out = s.command("read %#x" % (addr + PAGE))
    c.check("value_reads_back",
            re.search(r"read: 0x%08x: 0x1234abcd" % (addr + PAGE), out)
            is not None, "got: %r" % out)
    out = s.command("read %#x" % addr)
    c.check("untouched_page_reads_zero",
            re.search(r"read: 0x%08x: 0x00000000" % addr, out) is not None,
            "got: %r" % out)

    out = s.command("munmap %#x 3p" % addr)
    c.check("munmap_ok", "munmap: ok" in out, "got: %r" % out)
    out = s.command("maps")
    overlapping = [l for l in maps_lines(out) if l[0] < end and addr < l[1]]
    c.check("maps_no_longer_shows_it", not overlapping and maps_lines(out),
            "still there: %r" % overlapping)

    out = s.command("read %#x" % addr)
    c.check("read_after_munmap_is_sigsegv",
            "killed by signal 11" in out and "status 139" in out,
            "got: %r" % out)
    out = s.command("echo still here")
    c.check("shell_goes_on_after_fault", out.strip() == "still here",
            "got: %r" % out)

    # a file page wholly beyond the end of the file: any access is SIGBUS
    # (Linux's filemap_fault), so the shell must not make it itself
    out = s.command("mmap 1p r file /bin/sh off 1000p")
    m = re.search(r"mmap: (0x[0-9a-f]+)-", out)
    if c.check("mmap_file_beyond_its_end", m is not None, "got: %r" % out):
        out = s.command("read $")
        c.check("read_beyond_eof_kills_a_child_with_sigbus",
                "killed by signal 7" in out and "status 135" in out,
                "got: %r" % out)
        out = s.command("touch $")
        c.check("touch_beyond_eof_kills_a_child_with_sigbus",
                "killed by signal 7" in out, "got: %r" % out)
        out = s.command("echo alive")
        c.check("shell_survives_sigbus", out.strip() == "alive",
                "got: %r" % out)
        s.command("munmap $ 1p")

    # bad forms: each refused with its reason, and nothing else happens
    bad_forms = [
        ("mmap", "mmap: missing arguments\nusage: mmap LEN"),
        ("munmap $", "munmap: missing arguments\nusage: munmap ADDR LEN"),
        ("mprotect $ 1p", "usage: mprotect ADDR LEN PROT"),
        ("read", "usage: read ADDR"),
        ("touch", "usage: touch ADDR [LEN]"),
        ("free now", "free: too many arguments"),
        ("mmap 1p rw fixed", "mmap: fixed needs an ADDR after it"),
        ("mmap 1p rw file", "mmap: file needs a NAME after it"),
        ("mmap 1p rw bogus", 'mmap: what is "bogus"?'),
        ("exit foo", "exit: the status is a number from 0 to 255"),
        ("exit 256", "exit: the status is a number from 0 to 255"),
        ("echo " + " ".join("w%d" % i for i in range(16)),
         "too many words: at most 16"),
        ("echo " + "x" * 300, "line too long: at most 255 characters"),
    ]
    check_refusals(s, c, bad_forms)
    out = s.command("echo still answering")
    c.check("shell_answers_after_bad_forms",
            out.strip() == "still answering", "got: %r" % out)

    # brk below the heap's start: refused, and the shell says why
    out = s.command("brk 0x1000")
    c.check("brk_below_start_brk_says_why",
            "brk: refused" in out and "is below start_brk" in out,
            "got: %r" % out)

    # ENOMEM with its reason: one request larger than the RAM (Linux's
    # heuristic overcommit); read-only, the same request is not counted
    out = s.command("mmap 1g")
    c.check("mmap_enomem_says_overcommit",
            "mmap: ENOMEM" in out and "the overcommit check refuses it" in out,
            "got: %r" % out)
    out = s.command("mmap 1g r")
    m = re.search(r"mmap: (0x[0-9a-f]+)-", out)
    c.check("mmap_read_only_1g_is_not_counted", m is not None,
            "got: %r" % out)
    if m:
        s.command("munmap $ 1g")

    # cat and sysctl: the files as they are, Linux's default map limit
    out = s.command("cat /proc/sys/vm/max_map_count")
    c.check("cat_prints_a_file", out.strip() == "65530", "got: %r" % out)
    out = s.command("cat /nonexistent")
    c.check("cat_says_why_it_cannot", "cat: /nonexistent: ENOENT" in out,
            "got: %r" % out)
    out = s.command("sysctl vm.max_map_count=70000")
    c.check("sysctl_sets_a_value",
            out.strip() == "vm.max_map_count = 70000", "got: %r" % out)
    out = s.command("sysctl vm.max_map_count=65530")
    c.check("sysctl_puts_it_back",
            out.strip() == "vm.max_map_count = 65530", "got: %r" % out)
    out = s.command("sysctl vm.no_such_setting")
    c.check("sysctl_unknown_name",
            "sysctl: vm.no_such_setting: ENOENT" in out, "got: %r" % out)

    processes_and_page_tables(s, c, linux)
    pages_and_frames(s, c)

    # the history: up (ESC [ A) brings back the last line, up again the
    # one before, down goes forward again; left/right arrows are ignored
    s.command("echo hist_one")
    s.command("echo hist_two")
    out = s.command("\x1b[A")
    c.check("up_arrow_runs_the_last_line_again",
            out.strip().endswith("hist_two"), "got: %r" % out)
    out = s.command("\x1b[A\x1b[A")
    c.check("two_ups_run_the_line_before",
            out.strip().endswith("hist_one"), "got: %r" % out)
    out = s.command("echo arrow\x1b[Dless")
    c.check("left_arrow_inserts_nothing",
            out.strip().endswith("arrowless"), "got: %r" % out)

    out = s.command("brk", end="\r\n")          # CR LF: one end of line
    m = re.search(r"brk: (0x[0-9a-f]+)", out)
    if c.check("brk_shows_break", m is not None, "got: %r" % out):
        brk = int(m.group(1), 16)
        out = s.command("brk +8k")
        c.check("brk_grows_by_8k",
                re.search(r"brk: 0x%08x -> 0x%08x" % (brk, brk + 8192), out)
                is not None, "from %#x, got: %r" % (brk, out))
        out = s.command("brk -8k")
        c.check("brk_shrinks_by_8k",
                re.search(r"brk: 0x%08x -> 0x%08x" % (brk + 8192, brk), out)
                is not None, "from %#x, got: %r" % (brk + 8192, out))

    out = s.command("echo one")                 # no stray prompt from the LF
    c.check("cr_lf_is_one_line_end", out.strip() == "one", "got: %r" % out)
    out = s.command("mmap 1p rwz\x7f\x7f-")     # typed "mmap 1p r-"
    c.check("backspace_erases",
            re.search(r"mmap: 0x[0-9a-f]+-0x[0-9a-f]+ r-- private", out)
            is not None, "got: %r" % out)
    out = s.command("frobnicate")
    c.check("unknown_command_refused", "unknown command" in out,
            "got: %r" % out)


def main():
    linux = "--linux" in sys.argv[1:]
    argv = linux_argv() if linux else topdown_argv()
    c = Checks()
    if argv is None:
        print("# shell: no Linux kernel in build/linux-ref: run make "
              "check-linux first")
        print("ok 1 shell:session # SKIP no Linux kernel")
        print("# shell: done")
        return 0
    os.makedirs(os.path.join(BUILD, "test"), exist_ok=True)
    log = os.path.join(BUILD, "test", "shell-linux.log" if linux else "shell.log")
    print("# shell: %s" % " ".join(argv))
    s = Session(argv, log)
    try:
        s.read_until(PROMPT, BOOT_TIMEOUT)
        c.check("prompt", True)
        session(s, c, linux)
        s.type("exit\r")
        status = s.finish(COMMAND_TIMEOUT)
        if linux:
            ok = "exitcode=0x00000000" in s.pending
            c.check("exit_status_0", ok, "no 'exitcode=0x00000000' from Linux")
        else:
            c.check("exit_status_0", status == 0, "QEMU status %r" % status)
    except Timeout as e:
        c.check("no_timeout", False, "timed out waiting for %s (log: %s)" %
                (e, log))
        s.finish(1)
    print("1..%d" % c.n)
    print("# shell: %d passed, %d failed" % (c.n - c.failed, c.failed))
    print("# shell: done")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
