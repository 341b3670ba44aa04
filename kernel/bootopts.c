/*
 * kernel/bootopts.c - parsing the boot command line (see bootopts.h).
 */
#include "kernel/bootopts.h"
#include "kernel/printk.h"
#include "kernel/string.h"

struct boot_options boot_options;

unsigned long parse_size(const char *s)
{
	unsigned long v = 0;

	if (*s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	switch (*s) {
	case 'G': case 'g': v <<= 30; s++; break;
	case 'M': case 'm': v <<= 20; s++; break;
	case 'K': case 'k': v <<= 10; s++; break;
	}
	return *s ? 0 : v;
}

/*
 * Split off the next space-separated word of *@s, or NULL at the end.
 * Double quotes group, as in Linux's command line: "a b" is the one word
 * a b (the quotes go, anywhere in the word); there is no escape for a
 * quote itself.
 */
static char *next_word(char **s)
{
	char *w = *s, *out;
	bool quoted = false;

	while (*w == ' ')
		w++;
	if (!*w)
		return NULL;
	for (*s = out = w; **s && (quoted || **s != ' '); (*s)++) {
		if (**s == '"')
			quoted = !quoted;
		else
			*out++ = **s;
	}
	if (**s)
		(*s)++;
	*out = '\0';
	return w;
}

/*
 * trace=WHAT[,WHAT...]: placement, syscalls. TRACE= (empty) traces
 * nothing. False for a word it does not know (the option is reported).
 */
static bool parse_trace(struct boot_options *opts, const char *val)
{
	while (*val) {
		size_t len = 0;

		while (val[len] && val[len] != ',')
			len++;
		if (len == 9 && !strncmp(val, "placement", len))
			opts->trace_placement = true;
		else if (len == 8 && !strncmp(val, "syscalls", len))
			opts->trace_syscalls = true;
		else
			return false;
		val += len;
		if (*val == ',')
			val++;
	}
	return true;
}

/* Apply one "key" or "key=value" option; false if not understood. */
static bool apply_option(struct boot_options *opts, char *word)
{
	char *val = strchr(word, '=');

	if (val)
		*val++ = '\0';
	if (!strcmp(word, "mem") && val) {
		unsigned long size = parse_size(val);

		if (size)
			opts->mem_size = size;
		return size != 0;
	}
	if (!strcmp(word, "cache_alias") && val) {
		if (!strcmp(val, "auto"))
			opts->cache_alias = CACHE_ALIAS_AUTO;
		else if (!strcmp(val, "on"))
			opts->cache_alias = CACHE_ALIAS_ON;
		else if (!strcmp(val, "off"))
			opts->cache_alias = CACHE_ALIAS_OFF;
		else
			return false;
		return true;
	}
	if (!strcmp(word, "trace") && val)
		return parse_trace(opts, val);
	if (!strcmp(word, "norandmaps") && !val) {
		opts->norandmaps = true;
		return true;
	}
	if (!strcmp(word, "sysctl.kernel.randomize_va_space") && val &&
	    val[0] >= '0' && val[0] <= '2' && !val[1]) {
		opts->randomize_va_space = val[0] - '0';
		return true;
	}
	if (!strcmp(word, "selftest")) {
		opts->selftest = true;
		opts->selftest_filter = val && *val ? val : NULL;
		return true;
	}
	if (!strcmp(word, "init") && val && *val == '/') {
		opts->init = val;
		return true;
	}
	if (!strcmp(word, "argv0") && val && *val) {
		opts->init_argv0 = val;
		return true;
	}
	return false;
}

int parse_boot_options(struct boot_options *opts, char *cmdline)
{
	char *word;
	int bad = 0;

	*opts = (struct boot_options){
		.mem_size = RAM_SIZE_DEFAULT,
		.cache_alias = CACHE_ALIAS_AUTO,
		.randomize_va_space = -1,
	};
	if (!next_word(&cmdline))	/* QEMU's kernel path */
		return 0;
	while ((word = next_word(&cmdline))) {
		if (!strcmp(word, "--")) {
			while ((word = next_word(&cmdline)) &&
			       opts->init_argc < MAX_INIT_ARGS)
				opts->init_argv[opts->init_argc++] = word;
			break;
		}
		if (!apply_option(opts, word)) {
			printk("boot: unknown or malformed option '%s' ignored\n",
			       word);
			bad++;
		}
	}
	return bad;
}
