/*
 * tests/check.h - assertions shared by the host tests (tests/host) and the
 * in-kernel self-tests (tests/kernel).
 *
 * A failed CHECK prints where and what, marks the running test as failed
 * and lets it go on, so one run shows every broken expectation. Each
 * side supplies check_failed() and its own way of registering tests:
 * TEST(name) { ... } in both cases.
 */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

/* Record a failure of the running test (prints "#   file:line: msg"). */
void check_failed(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Number of failed checks in the running test so far. */
int check_failures(void);

#define CHECK(cond)                                                        \
	do {                                                               \
		if (!(cond))                                               \
			check_failed(__FILE__, __LINE__, "CHECK(%s)", #cond); \
	} while (0)

/* Compare two integers (any width up to 64 bits), print both when unequal. */
#define CHECK_EQ(a, b)                                                     \
	do {                                                               \
		unsigned long long __a = (unsigned long long)(a);          \
		unsigned long long __b = (unsigned long long)(b);          \
		if (__a != __b)                                            \
			check_failed(__FILE__, __LINE__,                   \
				     "%s == %s: 0x%llx != 0x%llx (%lld != %lld)", \
				     #a, #b, __a, __b, (long long)__a,     \
				     (long long)__b);                      \
	} while (0)

#define CHECK_NE(a, b)                                                     \
	do {                                                               \
		unsigned long long __a = (unsigned long long)(a);          \
		unsigned long long __b = (unsigned long long)(b);          \
		if (__a == __b)                                            \
			check_failed(__FILE__, __LINE__,                   \
				     "%s != %s: both 0x%llx", #a, #b, __a); \
	} while (0)

#define CHECK_STREQ(a, b)                                                  \
	do {                                                               \
		const char *__a = (a), *__b = (b);                         \
		if (!__a || !__b || strcmp(__a, __b) != 0)                 \
			check_failed(__FILE__, __LINE__,                   \
				     "%s == %s: \"%s\" != \"%s\"", #a, #b, \
				     __a ? __a : "(null)",                 \
				     __b ? __b : "(null)");                \
	} while (0)

#endif /* TESTS_CHECK_H */
