# mixdbg build. `make deps` installs the Debian packages, `make` builds, `make test` runs every
# test (unit and end-to-end), `make SAN=1 test` the same under ASan+UBSan, `make demo` shows
# the debugger on a bundled program.

CC      ?= gcc
SAN     ?= 0
BUILD   ?= $(if $(filter 1,$(SAN)),build-asan,build)

CFLAGS_COMMON = -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -g -Isrc -MMD -MP
ifeq ($(SAN),1)
CFLAGS_COMMON += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
LDFLAGS_SAN = -fsanitize=address,undefined
else
CFLAGS_COMMON += -O2
endif
CFLAGS  ?=
ALL_CFLAGS = $(CFLAGS_COMMON) $(CFLAGS)
LDLIBS_MIXDBG = -ldw -lelf -ledit -lcapstone -lz -ldl -lpthread -ljansson -lm

UTIL_SRCS    = $(wildcard src/util/*.c) src/proto/wire.c src/proto/sigpolicy.c
TRACER_SRCS  = $(wildcard src/tracer/*.c) $(UTIL_SRCS)
NATIVE_SRCS  = $(wildcard src/native/*.c)
META_SRCS    = $(wildcard src/meta/*.c)
CLR_SRCS     = $(wildcard src/clr/*.c)
SESSION_SRCS = $(wildcard src/session/*.c)
CLI_SRCS     = $(wildcard src/cli/*.c)
DAP_SRCS     = $(wildcard src/dap/*.c)
CSX_SRCS     = $(wildcard src/csx/*.c)
LIB_SRCS     = $(CSX_SRCS) $(SESSION_SRCS) $(CLR_SRCS) $(META_SRCS) $(NATIVE_SRCS) $(UTIL_SRCS)
MIXDBG_SRCS  = $(CLI_SRCS) $(DAP_SRCS) $(LIB_SRCS)
UNIT_SRCS    = $(wildcard tests/unit/test_*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))

.PHONY: check all deps test unit-tests fixtures demo docs check-docs format format-check bench clean fuzz \
	fuzz-dap fuzz-csx

all: $(BUILD)/mixdbg $(BUILD)/mixdbg-tracer

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/mixdbg-tracer: $(call obj,$(TRACER_SRCS))
	$(CC) $(LDFLAGS_SAN) $^ -lcapstone -o $@

$(BUILD)/mixdbg: $(call obj,$(MIXDBG_SRCS))
	$(CC) $(LDFLAGS_SAN) $^ $(LDLIBS_MIXDBG) -o $@

# Unit tests: each tests/unit/test_X.c is a program linked with the library code.
$(BUILD)/unit/test_%: tests/unit/test_%.c $(call obj,$(LIB_SRCS))
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $^ $(LDFLAGS_SAN) $(LDLIBS_MIXDBG) -o $@

# the trampoline builder is the tracer's; its unit test runs the code it makes
$(BUILD)/unit/test_agent_jit: $(call obj,src/tracer/agent_jit.c)

unit-tests: $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRCS))

fixtures:
	$(MAKE) -C tests/fixtures OUT=$(CURDIR)/$(BUILD)/fixtures

# Fuzzes the metadata and PDB reader (src/meta) with libFuzzer for FUZZ_SECONDS (default 60),
# seeded from the C# fixtures; see fuzz/run.sh.
fuzz: fixtures
	FIXTURES=$(CURDIR)/$(BUILD)/fixtures FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

# Fuzzes the DAP server's reader (src/dap: framing, JSON, request decoding) with libFuzzer for
# FUZZ_SECONDS (default 60); see fuzz/run_dap.sh.
fuzz-dap:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run_dap.sh

# Fuzzes the C# expression parser (src/csx) with libFuzzer for FUZZ_SECONDS (default 30); see
# fuzz/run_csx.sh.
fuzz-csx:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run_csx.sh

# Debian packages the build, the tests and the benchmark need.
DEB_PACKAGES = gcc make pkg-config libdw-dev libelf-dev libedit-dev libcapstone-dev \
	elfutils binutils gdb libc6-dbg clang-format procps bsdutils zlib1g-dev clang \
	libclang-rt-14-dev libjansson-dev
deps:
	@if dpkg -s $(DEB_PACKAGES) >/dev/null 2>&1; then \
		echo "deps: all Debian packages present"; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $(DEB_PACKAGES); \
	fi
	@# The DAP tests' client (@vscode/debugadapter-testsupport, run by Node's own test runner):
	@# Node and npm from Debian unless some Node is there already (a newer one may not mix).
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q nodejs npm; \
	fi
	npm ci --prefix tests/dap --no-audit --no-fund

test: all unit-tests fixtures
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg FIXTURES=$(CURDIR)/$(BUILD)/fixtures \
	UNIT_DIR=$(CURDIR)/$(BUILD)/unit bash tests/run.sh $(T)

demo: all
	bash demo/run-demo.sh $(CURDIR)/$(BUILD)

docs: $(BUILD)/mixdbg
	$(BUILD)/mixdbg --help-commands-markdown > docs/commands.md

format:
	clang-format -i $(shell find src tests/unit -name '*.[ch]')

format-check:
	clang-format --dry-run -Werror $(shell find src -name '*.[ch]')

bench: all
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/run.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/backtrace.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/stepi.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/cond.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/managed.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/managed_cond.sh
	MIXDBG=$(CURDIR)/$(BUILD)/mixdbg bash bench/interop.sh

clean:
	rm -rf build build-asan

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# The README's test command: the suite, plainly and under ASan+UBSan.
check:
	bash tests/check.sh
