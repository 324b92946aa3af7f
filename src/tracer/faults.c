/* faults.c: whether a hardware fault happened in native code or in the .NET runtime's managed
 * code, read from the debuggee's mappings at the moment of the fault.
 *
 * CoreCLR turns SIGSEGV, SIGFPE (and SIGBUS, SIGILL) raised by managed code into
 * NullReferenceException, DivideByZeroException and so on: its handler accepts a fault whose
 * pc is in code the execution manager owns (JIT-compiled code and stubs, in anonymous or
 * double-mapped memfd memory) or in one of its own JIT helpers in libcoreclr.so; any other
 * fault it treats as fatal (dotnet/runtime src/coreclr/vm/exceptionhandling.cpp,
 * IsSafeToHandleHardwareException). So a fault whose pc is in another file-backed mapping
 * (the user's C library, libc) is a crash the debugger must show before the runtime's crash
 * handling runs. */
#include "tracer/tracer.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static bool is_runtime_library(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "libcoreclr.so") == 0;
}

bool tr_fault_in_native_code(struct tracer *t, uint64_t pc)
{
	char maps[64];
	snprintf(maps, sizeof(maps), "/proc/%d/maps", (int)t->pid);
	FILE *f = fopen(maps, "re");
	if (!f)
		return false; /* cannot tell: leave the fault to the runtime */
	char line[4352];
	bool native = true; /* a pc outside every mapping (a call through a bad pointer) */
	while (fgets(line, sizeof(line), f)) {
		uint64_t lo, hi;
		int path_at = 0;
		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %*s %*s %*s %n", &lo, &hi, &path_at) <
		    2)
			continue;
		if (pc < lo || pc >= hi)
			continue;
		const char *path = line + path_at;
		line[strcspn(line, "\n")] = 0;
		/* anonymous memory, [heap]-like pseudo files and memfd double mappings hold the
		 * runtime's generated code */
		native =
		    path[0] == '/' && strncmp(path, "/memfd:", 7) != 0 && !is_runtime_library(path);
		break;
	}
	fclose(f);
	return native;
}
