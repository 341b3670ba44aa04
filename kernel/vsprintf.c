/*
 * kernel/vsprintf.c - the kernel's printf formatter.
 *
 * Portable: the host tests build it too (renamed k_vsnprintf) and compare
 * its output with the C library's printf for the same formats.
 */
#include "kernel/printk.h"
#include "kernel/string.h"

/* How one conversion is to be printed. */
struct fmt_spec {
	bool left;		/* '-': pad on the right */
	bool zero;		/* '0': pad numbers with zeros */
	bool plus;		/* '+': sign on positive numbers */
	bool space;		/* ' ': space before positive numbers */
	bool alt;		/* '#': 0x before hex, 0 before octal */
	int width;		/* minimum field width, or 0 */
	int precision;		/* digits / max chars, or -1 when not given */
};

/* An output cursor that counts everything but stores only what fits. */
struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Print a string field with width and precision. */
static void put_str(struct out *o, const char *s, const struct fmt_spec *f)
{
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, f->precision >= 0 ? (size_t)f->precision
						 : (size_t)-1);
	if (!f->left)
		pad(o, ' ', f->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (f->left)
		pad(o, ' ', f->width - len);
}

/*
 * Print one integer: @neg says it was negative (@v is then its magnitude),
 * @base is 8, 10 or 16, @upper selects A-F.
 */
static void put_num(struct out *o, unsigned long long v, bool neg, int base,
		    bool upper, const struct fmt_spec *f)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, prec_zeros, total;
	const char *prefix = "";

	if (v == 0 && f->precision == 0) {
		n = 0;		/* "%.0d" of 0 prints no digits */
	} else {
		do {
			tmp[n++] = digits[v % base];
			v /= base;
		} while (v);
	}

	if (neg)
		prefix = "-";
	else if (f->plus && base == 10)
		prefix = "+";
	else if (f->space && base == 10)
		prefix = " ";
	else if (f->alt && base == 16 && n && !(n == 1 && tmp[0] == '0'))
		prefix = upper ? "0X" : "0x";
	else if (f->alt && base == 8 && (n == 0 || tmp[n - 1] != '0'))
		prefix = "0";

	prec_zeros = f->precision > n ? f->precision - n : 0;
	if (base == 8 && *prefix == '0' && prec_zeros)
		prefix = "";	/* the precision's zeros already lead */
	total = (int)strlen(prefix) + prec_zeros + n;

	if (!f->left && !(f->zero && f->precision < 0))
		pad(o, ' ', f->width - total);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	if (!f->left && f->zero && f->precision < 0)
		pad(o, '0', f->width - total);
	pad(o, '0', prec_zeros);
	while (n)
		put(o, tmp[--n]);
	if (f->left)
		pad(o, ' ', f->width - total);
}

/* Parse a decimal number at *fmt, advancing it. */
static int parse_int(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9')
		v = v * 10 + (*(*fmt)++ - '0');
	return v;
}

/*
 * Format @fmt with @ap into @buf, at most @size bytes including the NUL.
 * Returns the length the full output would have (like C's vsnprintf).
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		struct fmt_spec f = { .precision = -1 };
		int lng = 0;	/* 0 int, 1 long, 2 long long, -1 short, -2 char */
		unsigned long long v;
		bool neg;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;

		for (;; fmt++) {	/* flags */
			if (*fmt == '-')
				f.left = true;
			else if (*fmt == '0')
				f.zero = true;
			else if (*fmt == '+')
				f.plus = true;
			else if (*fmt == ' ')
				f.space = true;
			else if (*fmt == '#')
				f.alt = true;
			else
				break;
		}
		if (*fmt == '*') {
			f.width = va_arg(ap, int);
			if (f.width < 0) {
				f.left = true;
				f.width = -f.width;
			}
			fmt++;
		} else {
			f.width = parse_int(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				f.precision = va_arg(ap, int);
				if (f.precision < 0)
					f.precision = -1;
				fmt++;
			} else {
				f.precision = parse_int(&fmt);
			}
		}
		for (;; fmt++) {	/* length modifiers */
			if (*fmt == 'l')
				lng = lng == 1 ? 2 : 1;
			else if (*fmt == 'h')
				lng = lng == -1 ? -2 : -1;
			else if (*fmt == 'z')
				lng = sizeof(size_t) == sizeof(long) ? 1 : 0;
			else
				break;
		}

		switch (*fmt) {
		case 'd':
		case 'i': {
			long long s;

			if (lng == 2)
				s = va_arg(ap, long long);
			else if (lng == 1)
				s = va_arg(ap, long);
			else
				s = va_arg(ap, int);
			if (lng == -1)
				s = (short)s;
			else if (lng == -2)
				s = (signed char)s;
			neg = s < 0;
			v = neg ? -(unsigned long long)s : (unsigned long long)s;
			put_num(&o, v, neg, 10, false, &f);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng == 2)
				v = va_arg(ap, unsigned long long);
			else if (lng == 1)
				v = va_arg(ap, unsigned long);
			else
				v = va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng == -2)
				v = (unsigned char)v;
			put_num(&o, v, false,
				*fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
				*fmt == 'X', &f);
			break;
		case 'p': {
			/* 0x and at least 8 hex digits (an ARM address). */
			char tmp[24];
			struct out t = { tmp, sizeof(tmp), 0 };
			struct fmt_spec digits = { .precision = 8 };
			struct fmt_spec field = f;

			put(&t, '0');
			put(&t, 'x');
			put_num(&t, (uintptr_t)va_arg(ap, void *), false, 16,
				false, &digits);
			tmp[t.len] = '\0';
			field.precision = -1;
			put_str(&o, tmp, &field);
			break;
		}
		case 's':
			put_str(&o, va_arg(ap, const char *), &f);
			break;
		case 'c': {
			char c[2] = { (char)va_arg(ap, int), 0 };
			struct fmt_spec cf = f;

			cf.precision = 1;
			if (c[0] == 0) {	/* print the NUL itself */
				if (!f.left)
					pad(&o, ' ', f.width - 1);
				put(&o, 0);
				if (f.left)
					pad(&o, ' ', f.width - 1);
			} else {
				put_str(&o, c, &cf);
			}
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;	/* a lone '%' at the end: stop */
			break;
		default:	/* unknown: print it as written */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
