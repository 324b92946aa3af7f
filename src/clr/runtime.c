/* runtime.c: telling a .NET program from a native one, and finding its loaded runtime. */
#include "clr/runtime.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "dir/app.dll" -> "dir/app.runtimeconfig.json" */
static char *runtimeconfig_of(const char *dll)
{
	return xasprintf("%.*s.runtimeconfig.json", (int)(strlen(dll) - 4), dll);
}

/* The dotnet host: $DOTNET_ROOT/dotnet, then PATH, then the usual install folders. */
static char *find_dotnet_host(void)
{
	const char *root = getenv("DOTNET_ROOT");
	if (root && *root) {
		char *p = xasprintf("%s/dotnet", root);
		if (access(p, X_OK) == 0)
			return p;
		free(p);
	}
	const char *path = getenv("PATH");
	while (path && *path) {
		size_t n = strcspn(path, ":");
		char *p = xasprintf("%.*s/dotnet", (int)n, path);
		if (n && access(p, X_OK) == 0)
			return p;
		free(p);
		path += n + (path[n] == ':');
	}
	static const char *const usual[] = {"/usr/share/dotnet/dotnet", "/usr/lib/dotnet/dotnet",
					    "/usr/local/share/dotnet/dotnet"};
	for (size_t i = 0; i < sizeof(usual) / sizeof(usual[0]); i++)
		if (access(usual[i], X_OK) == 0)
			return xstrdup(usual[i]);
	return NULL;
}

/* The host's options that take a value (`dotnet --help`); the first other argument is the
 * application (after an optional `exec`). */
static bool host_option_takes_value(const char *a)
{
	static const char *const opts[] = {
	    "--additionalprobingpath", "--additional-deps", "--depsfile",
	    "--runtimeconfig",	       "--fx-version",	    "--roll-forward"};
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (strcmp(a, opts[i]) == 0)
			return true;
	return false;
}

const char *clr_app_kind_name(enum clr_app_kind k)
{
	switch (k) {
	case CLR_APP_HOST:
		return "dotnet host";
	case CLR_APP_DLL:
		return "assembly";
	case CLR_APP_APPHOST:
		return "apphost";
	case CLR_APP_SELF_CONTAINED:
		return "self-contained";
	default:
		return "native";
	}
}

int clr_app_detect(const char *program, int nargs, char *const *args, struct clr_app *app,
		   struct mx_err *err)
{
	memset(app, 0, sizeof(*app));
	const char *base = strrchr(program, '/');
	base = base ? base + 1 : program;
	if (ends_with(program, ".dll")) {
		char *cfg = runtimeconfig_of(program);
		bool runnable = is_file(cfg);
		free(cfg);
		if (!runnable)
			return mx_err_set(
			    err,
			    "'%s' is an assembly without a .runtimeconfig.json beside "
			    "it: a class library cannot be run",
			    program);
		app->host = find_dotnet_host();
		if (!app->host)
			return mx_err_set(err,
					  "cannot run '%s': no dotnet host found (set "
					  "DOTNET_ROOT or put dotnet on PATH)",
					  program);
		app->kind = CLR_APP_DLL;
		app->assembly = xstrdup(program);
		return 0;
	}
	if (strcmp(base, "dotnet") == 0) {
		for (int i = 0; i < nargs; i++) {
			const char *a = args[i];
			if (i == 0 && strcmp(a, "exec") == 0)
				continue;
			if (host_option_takes_value(a)) {
				i++;
				continue;
			}
			if (ends_with(a, ".dll")) {
				app->kind = CLR_APP_HOST;
				app->assembly = xstrdup(a);
			}
			break; /* `dotnet build` and friends are SDK commands, not an app */
		}
		return 0;
	}
	/* An apphost has its app.dll beside it; a self-contained one also the runtime. */
	char *dll = xasprintf("%s.dll", program);
	if (!is_file(dll)) {
		free(dll);
		return 0;
	}
	const char *slash = strrchr(program, '/');
	char *coreclr = slash ? xasprintf("%.*s/libcoreclr.so", (int)(slash - program), program)
			      : xstrdup("libcoreclr.so");
	app->kind = is_file(coreclr) ? CLR_APP_SELF_CONTAINED : CLR_APP_APPHOST;
	free(coreclr);
	app->assembly = dll;
	return 0;
}

void clr_app_free(struct clr_app *app)
{
	free(app->assembly);
	free(app->host);
	memset(app, 0, sizeof(*app));
}

const char *clr_env_disables_debugger(char *const *env)
{
	/* The runtime reads these (DOTNET_ and the legacy COMPlus_ prefix); "0" turns off all
	 * diagnostics or, for _Debugger (.NET 8+), the debugger only (dotnet/runtime
	 * clrconfignames.h, EnableDiagnostics and EnableDiagnostics_Debugger). */
	static const char *const names[] = {
	    "DOTNET_EnableDiagnostics=", "COMPlus_EnableDiagnostics=",
	    "DOTNET_EnableDiagnostics_Debugger=", "COMPlus_EnableDiagnostics_Debugger="};
	for (char *const *e = env; e && *e; e++)
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			size_t n = strlen(names[i]);
			if (strncmp(*e, names[i], n) == 0 && strcmp(*e + n, "0") == 0)
				return *e;
		}
	return NULL;
}

int clr_runtime_find(pid_t pid, struct clr_runtime *rt, struct mx_err *err)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return mx_err_errno(err, errno, "cannot read %s", path);
	char line[PATH_MAX + 256];
	int found = 0;
	while (fgets(line, sizeof(line), f)) {
		uint64_t lo, off;
		int name_at = 0;
		if (sscanf(line, "%" SCNx64 "-%*x %*s %" SCNx64 " %*s %*s %n", &lo, &off,
			   &name_at) < 2 ||
		    !name_at)
			continue;
		char *name = line + name_at;
		name[strcspn(name, "\n")] = 0;
		if (off != 0 || !ends_with(name, "/libcoreclr.so"))
			continue;
		rt->coreclr_base = lo;
		snprintf(rt->dir, sizeof(rt->dir), "%.*s",
			 (int)(strlen(name) - strlen("/libcoreclr.so")), name);
		found = 1;
		break;
	}
	fclose(f);
	if (!found)
		return 0;
	snprintf(rt->dbi, sizeof(rt->dbi), "%s/libmscordbi.so", rt->dir);
	snprintf(rt->dac, sizeof(rt->dac), "%s/libmscordaccore.so", rt->dir);
	if (!is_file(rt->dbi))
		return mx_err_set(err,
				  "the runtime in %s has no libmscordbi.so, the runtime's debugger "
				  "library: managed code cannot be debugged with it",
				  rt->dir);
	if (!is_file(rt->dac))
		return mx_err_set(err,
				  "the runtime in %s has no libmscordaccore.so (the data access "
				  "library the debugger needs)",
				  rt->dir);
	return 1;
}

int clr_process_key(pid_t pid, uint64_t *key, struct mx_err *err)
{
	char path[64], buf[4096];
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return mx_err_errno(err, errno, "cannot read %s", path);
	size_t n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	/* The command name (field 2) is in parentheses and may itself hold ')' or spaces: the
	 * fields resume after the last ')'. Start time is field 22, i.e. the 20th after it. */
	char *p = strrchr(buf, ')');
	if (!p)
		return mx_err_set(err, "unexpected format of %s", path);
	p++;
	for (int field = 3; field < 22; field++) {
		p = strchr(p + 1, ' ');
		if (!p)
			return mx_err_set(err, "unexpected format of %s", path);
	}
	char *end;
	errno = 0;
	unsigned long long v = strtoull(p + 1, &end, 10);
	if (errno || end == p + 1)
		return mx_err_set(err, "unexpected start time in %s", path);
	*key = v;
	return 0;
}
