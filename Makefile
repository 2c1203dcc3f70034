# vchain - GNU Make build.
#
#   make                 build build/libvchain.a and build/vchain
#   make check           build and run every test (unit tests, then CLI tests)
#   make check-asan      the same under AddressSanitizer + UndefinedBehaviorSanitizer
#   make check-valgrind  the same under valgrind (errors and leaks fail the run)
#   make fuzz            libFuzzer targets, FUZZ_SECONDS each (clang)
#   make bench           the benchmarks in tools/ (see README)
#   make install         PREFIX=/usr/local DESTDIR= (binary, headers, library, vchain.pc)
#   make uninstall / clean
#
# Knobs: O=build dir, SANITIZE=address,undefined, V=1 for full command lines,
# MPI=1 for a program that runs as an MPI job (make MPI=1 O=build-mpi; docs/scale.md).

# The version is defined once, in include/vchain/version.h.
VERSION  := $(shell sed -n 's/^#define VC_VERSION_STRING "\(.*\)"$$/\1/p' include/vchain/version.h)
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR   ?= $(PREFIX)/share/man
O        ?= build

CC       ?= cc
PKGS     := igraph libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS := $(shell pkg-config --libs cmocka)

CFLAGS   ?= -O2 -g
WARN     := -Wall -Wextra -Wshadow -Wvla -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes \
            -Wno-missing-field-initializers
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -fvisibility=hidden \
             -MMD -MP $(CFLAGS)
ALL_CPPFLAGS = -Iinclude -Isrc $(PKG_CFLAGS) $(CPPFLAGS)
ALL_LDLIBS = $(PKG_LIBS) -lpthread -lm $(LDLIBS)

ifdef SANITIZE
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-sanitize-recover=all -fno-omit-frame-pointer
ALL_LDFLAGS += -fsanitize=$(SANITIZE)
endif

ifneq ($(V),1)
Q := @
quiet = @printf '  %-6s %s\n' $(1) $(2);
else
quiet =
endif

LIB_SRC  := $(sort $(wildcard src/core/*.c src/import/*.c src/engine/*.c src/export/*.c \
                           src/report/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TOOL_SRC := $(sort $(wildcard tools/bench_*.c tools/gen_*.c))
HEADERS  := $(sort $(wildcard include/vchain/*.h))

# MPI=1: the same library; the program links src/mpi/*.c (the only files
# that include mpi.h) in place of src/cli/cli_solo.c.  Every other object is
# compiled exactly as in the default build.
ifeq ($(MPI),1)
MPI_PKG  ?= ompi-c
MPI_CFLAGS := $(shell pkg-config --cflags $(MPI_PKG) 2>/dev/null)
MPI_LIBS   := $(shell pkg-config --libs $(MPI_PKG) 2>/dev/null)
ifeq ($(MPI_LIBS),)
$(error MPI=1 needs OpenMPI's development files (pkg-config $(MPI_PKG); Debian: libopenmpi-dev))
endif
CLI_SRC  := $(filter-out src/cli/cli_solo.c,$(CLI_SRC)) $(sort $(wildcard src/mpi/*.c))
endif

LIB_OBJ  := $(LIB_SRC:%.c=$(O)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(O)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(O)/tests/%)
TOOL_BIN := $(TOOL_SRC:tools/%.c=$(O)/tools/%)
LIB      := $(O)/libvchain.a
BIN      := $(O)/vchain

.PHONY: FORCE all check check-unit check-cli check-asan check-valgrind check-valgrind-full fuzz bench tools \
        install uninstall clean

all: $(LIB) $(BIN)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call quiet,CC,$<)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(O)/src/mpi/%.o: src/mpi/%.c
	@mkdir -p $(dir $@)
	$(call quiet,CC,$<)$(CC) $(ALL_CPPFLAGS) $(MPI_CFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	$(call quiet,AR,$@)rm -f $@ && $(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(call quiet,LINK,$@)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(MPI_LIBS) $(ALL_LDLIBS)

$(O)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(call quiet,CC,$<)$(CC) $(ALL_CPPFLAGS) -Itests/unit $(ALL_CFLAGS) -Wno-missing-prototypes \
	    $(ALL_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CMOCKA_LIBS) $(ALL_LDLIBS)

$(O)/tools/%: tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(call quiet,CC,$<)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -Wno-missing-prototypes \
	    $(ALL_LDFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(ALL_LDLIBS)

tools: $(TOOL_BIN)

# Where the test data that the repository cannot hold lives (the Chip Explorer
# data, CC BY-NC: see the README); tests skip what needs it when absent.
VCHAIN_SHARED ?= $(abspath ../shared)
export VCHAIN_SHARED
TEST_ENV = VCHAIN_SRCDIR=$(CURDIR) VCHAIN_BIN=$(abspath $(BIN)) VCHAIN_BUILD=$(abspath $(O)) \
           VCHAIN_SANITIZE=$(SANITIZE)
# check-valgrind sets this to run every test binary under valgrind.
TEST_WRAP ?=

check: check-unit check-cli

check-unit: $(TEST_BIN) $(BIN)
	@failed=0; for t in $(TEST_BIN); do \
	    $(TEST_ENV) $(TEST_WRAP) $$t || failed=$$((failed + 1)); \
	done; \
	if [ $$failed -ne 0 ]; then echo "unit tests: $$failed test program(s) failed"; exit 1; fi

check-cli: $(BIN) $(O)/tools/bench_bounds
	@$(TEST_ENV) VCHAIN_WRAP="$(TEST_WRAP)" VCHAIN_CLI_ONLY="$(CLI_ONLY)" sh tests/cli/run.sh

check-asan:
	$(MAKE) SANITIZE=address,undefined O=build-asan CFLAGS="-O1 -g" check

VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible --suppressions=$(CURDIR)/tests/valgrind.supp
# Every unit test and the command-line scripts that drive the readers, the
# engine and the writers through their error paths (valgrind makes each run
# 20-50 times slower; check-asan runs every script).  check-valgrind-full
# runs them all.
VALGRIND_CLI = bad_inputs basic firms edgelist export compare opportunities
check-valgrind:
	$(MAKE) O=build-valgrind CFLAGS="-O1 -g" TEST_WRAP="$(VALGRIND)" \
	    CLI_ONLY="$(VALGRIND_CLI)" check

check-valgrind-full:
	$(MAKE) O=build-valgrind CFLAGS="-O1 -g" TEST_WRAP="$(VALGRIND)" check

FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) -f tests/fuzz/fuzz.mk FUZZ_SECONDS=$(FUZZ_SECONDS)

bench: all tools
	sh tools/bench.sh

# Paths under PREFIX are written relative to ${prefix}, so
# pkg-config --define-variable=prefix=... can relocate them.
PC_LIBDIR = $(patsubst $(PREFIX)%,$${prefix}%,$(LIBDIR))
PC_INCLUDEDIR = $(patsubst $(PREFIX)%,$${prefix}%,$(INCLUDEDIR))
$(O)/vchain.pc: vchain.pc.in Makefile FORCE
	@mkdir -p $(O)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(PC_LIBDIR)|' -e 's|@INCLUDEDIR@|$(PC_INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' $< > $(O)/vchain.pc

install: all $(O)/vchain.pc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/vchain \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/vchain
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libvchain.a
	install -m 644 $(HEADERS) $(DESTDIR)$(INCLUDEDIR)/vchain/
	install -m 644 $(O)/vchain.pc $(DESTDIR)$(PKGCONFIGDIR)/vchain.pc
	install -m 644 docs/vchain.1 $(DESTDIR)$(MANDIR)/man1/vchain.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/vchain $(DESTDIR)$(LIBDIR)/libvchain.a \
	    $(DESTDIR)$(PKGCONFIGDIR)/vchain.pc $(DESTDIR)$(MANDIR)/man1/vchain.1
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/vchain/,$(notdir $(HEADERS)))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/vchain 2>/dev/null

clean:
	rm -rf build build-*

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_BIN:=.d) $(TOOL_BIN:=.d)
FORCE:
