/*
 * tests/user/datafiles.h - what the data files of the image hold
 * (user/files/data/), computed from how they were written, so that a
 * test can check any byte it reads or maps.
 *
 * /data/pages.txt and /data/scratch are 4 pages (16384 bytes) of text,
 * 64 lines of 64 bytes per page. Line l (0..63) of page p (0..3) is
 *
 *	pages.txt:  "page P line LL " then the letter 'a' + (64p + l) % 26
 *	scratch:    "scratch P line LL " then '.'
 *
 * repeated up to 63 bytes, and '\n'. /data/scratch is the one tests may
 * write to; they put it back as it was.
 */
#ifndef TESTS_USER_DATAFILES_H
#define TESTS_USER_DATAFILES_H

#include <stdio.h>
#include <string.h>

#define DATA_FILE_SIZE 16384
#define DATA_LINE 64

/* The byte at offset @off of a data file whose lines start "@word P line LL ". */
static inline char data_file_byte(const char *word, unsigned long off,
				  char fill)
{
	unsigned long line = off / DATA_LINE, col = off % DATA_LINE;
	char head[32];
	int n;

	if (col == DATA_LINE - 1)
		return '\n';
	n = snprintf(head, sizeof(head), "%s %lu line %02lu ", word,
		     line / 64, line % 64);
	if (col < (unsigned long)n && col < sizeof(head))
		return head[col];
	return fill;
}

/* The byte at offset @off (< DATA_FILE_SIZE) of /data/pages.txt. */
static inline char pages_txt_byte(unsigned long off)
{
	return data_file_byte("page", off,
			      (char)('a' + (off / DATA_LINE) % 26));
}

/* The byte at offset @off (< DATA_FILE_SIZE) of /data/scratch. */
static inline char scratch_byte(unsigned long off)
{
	return data_file_byte("scratch", off, '.');
}

#endif /* TESTS_USER_DATAFILES_H */
