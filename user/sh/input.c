/*
 * user/sh/input.c - the shell's console input: one line at a time, as
 * typed, with the shell doing the echo and the editing.
 *
 * topdown's console (and QEMU's serial, when the input is piped) hands
 * over bytes as they come, with no line discipline in between: the shell
 * echoes what it reads and handles backspace (DEL or BS), Ctrl-U (erase
 * the line), Ctrl-C (drop it), Ctrl-D (the end, on an empty line), the
 * up and down arrows (the history), and CR, LF or CR LF as the end of a
 * line. Under Linux, the console is a terminal: raw_terminal() switches
 * it to that same raw mode.
 */
#include <stdio.h>
#include <string.h>
#include "sh.h"
#include "syscall.h"

/* Linux's struct termios (asm-generic/termbits.h) and what we change. */
struct linux_termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[19];
};

#define TCGETS 0x5401
#define TCSETS 0x5402
#define T_ISIG 0000001		/* c_lflag: Ctrl-C sends a signal */
#define T_ICANON 0000002	/* c_lflag: the terminal edits lines */
#define T_ECHO 0000010		/* c_lflag: the terminal echoes */
#define T_ICRNL 0000400		/* c_iflag: CR becomes LF */
#define T_VTIME 5
#define T_VMIN 6

static struct linux_termios saved_termios;
static bool termios_changed;

/*
 * On a kernel with terminals (Linux), make the console deliver bytes as
 * typed, without echo, as topdown's console always does. Elsewhere the
 * ioctl fails (ENOSYS, ENOTTY) and nothing changes.
 */
void raw_terminal(void)
{
	struct linux_termios t;

	if (sys_ioctl(0, TCGETS, &saved_termios) != 0)
		return;
	t = saved_termios;
	t.c_lflag &= ~(T_ICANON | T_ECHO | T_ISIG);
	t.c_iflag &= ~T_ICRNL;
	t.c_cc[T_VMIN] = 1;
	t.c_cc[T_VTIME] = 0;
	termios_changed = sys_ioctl(0, TCSETS, &t) == 0;
}

/* Give the terminal back as we found it. */
void restore_terminal(void)
{
	if (termios_changed)
		sys_ioctl(0, TCSETS, &saved_termios);
}

/* Write @len bytes of @s to the console now (after what stdio holds). */
static void echo(const char *s, size_t len)
{
	fflush(stdout);
	sys_write(1, s, len);
}

/*
 * The history: the last HISTORY lines typed (not empty, not repeating the
 * one before), oldest first in a ring. Up and down arrows (ESC [ A and
 * ESC [ B, as a terminal sends them) walk it.
 */
#define HISTORY 16
#define HISTORY_LINE 256
static char history[HISTORY][HISTORY_LINE];
static unsigned int history_count;	/* lines ever kept */

static void history_add(const char *line)
{
	if (!*line || (history_count &&
		       !strcmp(history[(history_count - 1) % HISTORY], line)))
		return;
	strncpy(history[history_count % HISTORY], line, HISTORY_LINE - 1);
	history[history_count % HISTORY][HISTORY_LINE - 1] = '\0';
	history_count++;
}

/* Replace the @len characters typed in @buf by @text, on screen too. */
static size_t replace_line(char *buf, size_t len, size_t size,
			   const char *text)
{
	while (len > 0) {
		len--;
		echo("\b \b", 3);
	}
	while (*text && len < size - 1)
		buf[len++] = *text++;
	echo(buf, len);
	return len;
}

/*
 * Read one line from fd 0 into @buf (at most @size - 1 characters, NUL
 * at the end), echoing and editing as described at the top. Returns the
 * length, or -1 at the end of the input.
 */
int read_line(char *buf, size_t size)
{
	static bool after_cr;		/* swallow the LF of a CR LF */
	bool too_long = false;		/* a character did not fit */
	unsigned int back = 0;		/* history lines walked back */
	int esc = 0;			/* bytes of an ESC [ x sequence seen */
	size_t len = 0;
	char c;

	for (;;) {
		if (sys_read(0, &c, 1) != 1)		/* end of input */
			return len ? (int)len : -1;
		if (c == '\n' && after_cr) {
			after_cr = false;
			continue;
		}
		after_cr = c == '\r';
		if (esc == 1) {			/* after ESC: '[' or nothing */
			esc = c == '[' ? 2 : 0;
			continue;
		}
		if (esc == 2) {			/* ESC [ x: an arrow key */
			esc = 0;
			if (c == 'A' && back < history_count &&
			    back < HISTORY)
				back++;
			else if (c == 'B' && back > 0)
				back--;
			else
				continue;	/* left, right, or the end */
			len = replace_line(buf, len, size, back ?
				history[(history_count - back) % HISTORY] : "");
			continue;
		}
		switch (c) {
		case 0x1b:				/* ESC */
			esc = 1;
			break;
		case '\r':
		case '\n':
			echo("\n", 1);
			buf[len] = '\0';
			if (too_long) {
				printf("line too long: at most %u characters; "
				       "nothing done\n", (unsigned int)size - 1);
				buf[0] = '\0';
				return 0;
			}
			history_add(buf);
			return (int)len;
		case 0x7f:				/* DEL */
		case '\b':
			if (len > 0) {
				len--;
				echo("\b \b", 3);
			}
			break;
		case 0x15:				/* Ctrl-U */
			too_long = false;
			while (len > 0) {
				len--;
				echo("\b \b", 3);
			}
			break;
		case 0x03:				/* Ctrl-C */
			echo("^C\n", 3);
			buf[0] = '\0';
			return 0;
		case 0x04:				/* Ctrl-D */
			if (len == 0) {
				echo("\n", 1);
				return -1;
			}
			break;
		default:
			if ((c >= ' ' && c < 0x7f) || c == '\t') {
				if (len < size - 1) {
					buf[len++] = c;
					echo(&c, 1);
				} else {
					too_long = true;
				}
			}
			break;
		}
	}
}

/*
 * Split @line (modified) into blank-separated words, at most @max, in
 * @words. A part of a word in '...' or "..." keeps its blanks (the
 * quotes go, as in sh). Returns how many words, @max + 1 when there are
 * more, or -1 when a quote is not closed.
 */
int split_words(char *line, char **words, int max)
{
	char *r = line, *w, quote;
	int n = 0;

	for (;;) {
		while (*r == ' ' || *r == '\t')
			r++;
		if (!*r)
			break;
		if (n == max)
			return max + 1;
		words[n++] = w = r;
		for (quote = 0; *r && (quote || (*r != ' ' && *r != '\t'));
		     r++) {
			if (quote ? *r == quote : (*r == '\'' || *r == '"'))
				quote = quote ? 0 : *r;
			else
				*w++ = *r;
		}
		if (quote)
			return -1;
		if (*r)
			r++;
		*w = '\0';		/* w <= r: never past what was read */
	}
	return n;
}
