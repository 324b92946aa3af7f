/* solib.c: the program's loaded ELF objects, followed through the dynamic loader's
 * rendezvous (the r_debug protocol of <link.h>; glibc elf/dl-debug.c).
 *
 * Facts relied on:
 * - /proc/PID/auxv gives AT_ENTRY (run-time entry point: its difference from the file's
 *   e_entry is the executable's load bias) and AT_BASE (where the dynamic loader is mapped;
 *   0 for a static executable).
 * - glibc's ld.so exports `_r_debug` (struct r_debug: r_version int, r_map pointer, r_brk,
 *   r_state int, r_ldbase) and `_dl_debug_state`, an empty function it calls after setting
 *   r_state to RT_ADD or RT_DELETE and again after the change, with RT_CONSISTENT. It does so
 *   for the libraries loaded at startup too, so a breakpoint there, planted at the exec stop,
 *   sees every load and unload: no polling of /proc/PID/maps.
 * - struct link_map begins l_addr (bias), l_name, l_ld, l_next, l_prev (8 bytes each).
 */
#include "session/ses_internal.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

enum { RT_CONSISTENT = 0 };

static int read_auxv(pid_t pid, uint64_t *entry, uint64_t *base)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/auxv", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	uint64_t av[2];
	*entry = *base = 0;
	while (read(fd, av, sizeof(av)) == (ssize_t)sizeof(av) && av[0] != AT_NULL) {
		if (av[0] == AT_ENTRY)
			*entry = av[1];
		else if (av[0] == AT_BASE)
			*base = av[1];
	}
	close(fd);
	return *entry ? 0 : -1;
}

static int file_entry(const char *path, uint64_t *e_entry)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	Elf64_Ehdr eh;
	ssize_t n = pread(fd, &eh, sizeof(eh), 0);
	close(fd);
	if (n != (ssize_t)sizeof(eh) || memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64)
		return -1;
	*e_entry = eh.e_entry;
	return 0;
}

/* The file mapped at addr, from /proc/PID/maps. */
static char *mapped_file_at(pid_t pid, uint64_t addr)
{
	char path[64], line[PATH_MAX + 128];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *res = NULL;
	while (!res && fgets(line, sizeof(line), f)) {
		unsigned long long lo, hi;
		int off = 0;
		if (sscanf(line, "%llx-%llx %*s %*s %*s %*s %n", &lo, &hi, &off) < 2 || !off)
			continue;
		if (addr >= lo && addr < hi && line[off] == '/') {
			line[strcspn(line, "\n")] = 0;
			res = xstrdup(line + off);
		}
	}
	fclose(f);
	return res;
}

static struct ses_lib *add_lib(struct ses *s, const char *path, uint64_t bias, bool permanent)
{
	struct mx_err err;
	const struct nat_module *m;
	if (nat_syms_add_module(s->syms, path, bias, &m, &err) != 0)
		return NULL;
	xgrow((void **)&s->libs, &s->cap_libs, s->nlibs + 1, sizeof(*s->libs));
	struct ses_lib *l = &s->libs[s->nlibs++];
	l->path = xstrdup(path);
	l->bias = bias;
	l->module = m;
	l->permanent = permanent;
	return l;
}

void ses_solib_clear(struct ses *s)
{
	for (size_t i = 0; i < s->nlibs; i++)
		free(s->libs[i].path);
	s->nlibs = 0;
	if (s->syms)
		nat_syms_clear(s->syms);
	s->r_debug_addr = s->solib_bp_addr = 0;
	s->solib_bp_inserted = false;
}

/* Called at the exec stop of a launch, after an exec, and after attach. */
int ses_solib_init(struct ses *s, struct mx_err *err)
{
	ses_solib_clear(s);
	uint64_t entry, base, e_entry;
	char exe_link[64], exe[PATH_MAX];
	snprintf(exe_link, sizeof(exe_link), "/proc/%d/exe", (int)s->pid);
	ssize_t n = readlink(exe_link, exe, sizeof(exe) - 1);
	if (n <= 0)
		return mx_err_errno(err, errno, "cannot read %s", exe_link);
	exe[n] = 0;
	if (read_auxv(s->pid, &entry, &base) != 0)
		return mx_err_set(err, "cannot read the auxiliary vector of process %d",
				  (int)s->pid);
	if (file_entry(exe, &e_entry) != 0)
		return mx_err_set(err, "'%s' is not a 64-bit ELF executable", exe);
	struct ses_lib *l = add_lib(s, exe, entry - e_entry, true);
	if (l)
		ses_bp_resolve_all_in(s, l->module);
	if (!base)
		return 0; /* statically linked: no loader, no libraries */
	char *interp = mapped_file_at(s->pid, base);
	if (!interp)
		return 0;
	l = add_lib(s, interp, base, true);
	free(interp);
	if (!l)
		return 0;
	s->r_debug_addr = nat_syms_symbol_addr(s->syms, l->module, "_r_debug");
	s->solib_bp_addr = nat_syms_symbol_addr(s->syms, l->module, "_dl_debug_state");
	if (s->solib_bp_addr && ses_insert_raw(s, s->solib_bp_addr, SES_GROUP_SOLIB, TR_BP_INTERNAL,
					       &s->solib_bp_orig) == 0)
		s->solib_bp_inserted = true;
	ses_bp_resolve_all_in(s, l->module);
	return 0;
}

static bool read_cstr(struct ses *s, uint64_t addr, char *buf, size_t len)
{
	if (!addr || ses_read_memory(s, addr, buf, len - 1, NULL) != 0) {
		/* the string may end near the end of a mapping: read byte by byte */
		size_t i = 0;
		for (; addr && i + 1 < len; i++)
			if (ses_read_memory(s, addr + i, &buf[i], 1, NULL) != 0 || !buf[i])
				break;
		buf[i] = 0;
		return i > 0;
	}
	buf[len - 1] = 0;
	return buf[0] != 0;
}

/* The file a link-map name refers to: absolute as is; a relative name (dlopen("lib/x.so"))
 * is relative to the program's working directory. NULL when there is no such file (the
 * vDSO's "linux-vdso.so.1"). */
static char *resolve_name(struct ses *s, const char *name)
{
	if (name[0] == '/')
		return access(name, R_OK) == 0 ? xstrdup(name) : NULL;
	char *rel = xasprintf("/proc/%d/cwd/%s", (int)s->pid, name);
	char *real = realpath(rel, NULL);
	free(rel);
	return real;
}

struct seen {
	char *path;
	uint64_t bias;
};

/* Re-reads the link map and reports every library loaded or unloaded since last time. */
void ses_solib_sync(struct ses *s)
{
	if (!s->r_debug_addr)
		return;
	uint64_t hdr[5];
	if (ses_read_memory(s, s->r_debug_addr, hdr, sizeof(hdr), NULL) != 0)
		return;
	int state = (int)(uint32_t)hdr[3];
	if (state != RT_CONSISTENT)
		return; /* a change is under way; the loader will call again when it is done */
	struct seen *v = NULL;
	size_t nv = 0, cap = 0;
	uint64_t lm = hdr[1];
	for (int guard = 0; lm && guard < 65536; guard++) {
		uint64_t f[4];
		if (ses_read_memory(s, lm, f, sizeof(f), NULL) != 0)
			break;
		char name[PATH_MAX];
		char *path = read_cstr(s, f[1], name, sizeof(name)) ? resolve_name(s, name) : NULL;
		if (path) {
			xgrow((void **)&v, &cap, nv + 1, sizeof(*v));
			v[nv].path = path;
			v[nv++].bias = f[0];
		}
		lm = f[3];
	}
	/* unloaded: known libraries no longer in the map */
	for (size_t i = 0; i < s->nlibs;) {
		struct ses_lib *l = &s->libs[i];
		bool present = l->permanent;
		for (size_t j = 0; !present && j < nv; j++)
			present = v[j].bias == l->bias;
		if (present) {
			i++;
			continue;
		}
		ses_bp_drop_module(s, l->module);
		struct ses_note n = {.kind = SES_NOTE_LIBRARY_UNLOAD, .text = l->path};
		s->notify(s->notify_ctx, &n);
		nat_syms_remove_module(s->syms, l->module);
		free(l->path);
		s->libs[i] = s->libs[--s->nlibs];
	}
	/* loaded: entries we do not know (the executable and the loader are known by bias) */
	for (size_t j = 0; j < nv; j++) {
		bool known = false;
		for (size_t i = 0; !known && i < s->nlibs; i++)
			known = s->libs[i].bias == v[j].bias;
		if (!known) {
			struct ses_lib *l = add_lib(s, v[j].path, v[j].bias, false);
			if (l) {
				struct ses_note n = {.kind = SES_NOTE_LIBRARY_LOAD,
						     .text = l->path};
				s->notify(s->notify_ctx, &n);
				ses_managed_library_loaded(s, l->path);
				ses_bp_resolve_all_in(s, l->module);
				ses_pstep_resolve_in(s, l->module);
			}
		}
		free(v[j].path);
	}
	free(v);
}
