/*
 * The portable mm code stays portable: no file directly in mm/ includes
 * an ARM or board header (the ARMv7 layer is mm/armv7/, reached only
 * through mm/mmu.h). The host build compiles these files too, which
 * catches most slips; this test names the file and the line.
 */
#include <dirent.h>
#include "tests/host/test.h"

static const char *const forbidden[] = {
	"mm/armv7/", "kernel/board.h", "kernel/pt_regs.h", "kernel/uart.h",
	"kernel/semihost.h", "kernel/gic.h", "kernel/timer.h",
};

TEST(no_arm_header_in_portable_mm_code)
{
	DIR *dir = opendir("mm");
	struct dirent *d;
	int files = 0;

	CHECK(dir != NULL);
	if (!dir)
		return;
	while ((d = readdir(dir))) {
		char path[512], line[512];
		size_t n = strlen(d->d_name);
		FILE *f;
		int lineno = 0;

		if (n < 3 || (strcmp(d->d_name + n - 2, ".c") &&
			      strcmp(d->d_name + n - 2, ".h")))
			continue;
		snprintf(path, sizeof(path), "mm/%s", d->d_name);
		f = fopen(path, "r");
		CHECK(f != NULL);
		if (!f)
			continue;
		files++;
		while (fgets(line, sizeof(line), f)) {
			lineno++;
			if (strncmp(line, "#include", 8))
				continue;
			for (size_t i = 0; i < sizeof(forbidden) /
					       sizeof(forbidden[0]); i++)
				if (strstr(line, forbidden[i]))
					check_failed(path, lineno,
						     "includes %s", forbidden[i]);
		}
		fclose(f);
	}
	closedir(dir);
	CHECK(files > 5);	/* we did look at the code */
}
