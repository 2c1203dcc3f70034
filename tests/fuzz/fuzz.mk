# tests/fuzz/fuzz.mk - libFuzzer targets, built with clang into their own
# build folder ($(FO), default build-fuzz) so they never mix with the normal
# or the sanitizer builds.  The top Makefile's `make fuzz` calls this file.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="graphml ..."]
#                      fuzz each target for FUZZ_SECONDS; a finding (crash,
#                      sanitizer report, leak, timeout) fails the run and is
#                      saved as $(FO)/artifacts/<target>-crash-...
#   make -f tests/fuzz/fuzz.mk fuzz-build      only build the fuzzers
#   make -f tests/fuzz/fuzz.mk fuzz-regress    run every fuzzer once over its
#                      seeds and tests/fuzz/regress/<target>/ (past findings)
#
# A target is one file: tests/fuzz/fuzz_<target>_read.c (LLVMFuzzerTestOneInput)
# with its seed corpus in tests/fuzz/seeds/<target>/ and its dictionary in
# tests/fuzz/<target>.dict; the wildcard below finds it, nothing else to add.
# A target may read its first byte as an options byte (the GraphML one does:
# bit 0 lenient, bit 1 strict, bit 2 --map, bits 3-4 share scale), so seeds
# start with that byte followed by the file.  Findings, once fixed, go to
# tests/fuzz/regress/<target>/ and get a test in tests/unit/test_fuzz_regress.c.
# The corpus grown by fuzzing stays in $(FO)/corpus/<target>/ between runs.

FUZZ_CC      ?= clang
FO           ?= build-fuzz
FUZZ_SECONDS ?= 60
# Inputs larger than this are not generated (GraphML seeds are a few kB; 64 kB
# also crosses the reader's 64 kB chunk boundary).
FUZZ_MAX_LEN ?= 70000
# Per-input time limit (s) and memory limit (MB) before libFuzzer reports.
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB  ?= 2048
FUZZ_FLAGS   ?=
FUZZ_TARGETS ?= $(patsubst tests/fuzz/fuzz_%_read.c,%,$(wildcard tests/fuzz/fuzz_*_read.c))

PKGS        := igraph libxml-2.0
SAN         := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -Wall -Wextra \
               -MMD -MP $(SAN) -DVC_FUZZING=1
FUZZ_CPPFLAGS := -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS)) -DVCHAIN_VERSION=\"fuzz\"
FUZZ_LIBS   := $(shell pkg-config --libs $(PKGS)) -lpthread -lm

LIB_SRC  := $(sort $(wildcard src/core/*.c src/import/*.c src/engine/*.c src/export/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(FO)/%.o)
FUZZ_LIB := $(FO)/libvchain-fuzz.a
FUZZ_BIN := $(FUZZ_TARGETS:%=$(FO)/fuzz_%)

.PHONY: fuzz fuzz-build fuzz-regress $(FUZZ_TARGETS:%=fuzz-run-%) $(FUZZ_TARGETS:%=fuzz-regress-%)

fuzz: fuzz-build $(FUZZ_TARGETS:%=fuzz-run-%)

fuzz-build: $(FUZZ_BIN)

fuzz-regress: fuzz-build $(FUZZ_TARGETS:%=fuzz-regress-%)

# The library: instrumented for coverage (fuzzer-no-link) and the sanitizers.
$(FO)/%.o: %.c
	@mkdir -p $(dir $@)
	@printf '  %-6s %s\n' FUZZCC $<
	@$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_LIB): $(LIB_OBJ)
	@rm -f $@ && ar rcs $@ $^

$(FO)/fuzz_%: tests/fuzz/fuzz_%_read.c $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	@printf '  %-6s %s\n' FUZZLD $@
	@$(FUZZ_CC) $(FUZZ_CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(FUZZ_LIBS)

# (Static pattern rules: GNU Make skips implicit rules for .PHONY targets.)
# One fuzzing session: new inputs go to the first folder (the growing corpus),
# the committed seeds are read only.  libFuzzer exits non-zero on a finding.
$(FUZZ_TARGETS:%=fuzz-run-%): fuzz-run-%: $(FO)/fuzz_%
	@mkdir -p $(FO)/corpus/$* $(FO)/artifacts
	@echo "== fuzzing $* for $(FUZZ_SECONDS) s"
	$(FO)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) -print_final_stats=1 \
	    $(if $(wildcard tests/fuzz/$*.dict),-dict=tests/fuzz/$*.dict) \
	    -artifact_prefix=$(FO)/artifacts/$*- $(FUZZ_FLAGS) \
	    $(FO)/corpus/$* tests/fuzz/seeds/$*

# Replays the seeds and past findings once (seconds; no fuzzing).
$(FUZZ_TARGETS:%=fuzz-regress-%): fuzz-regress-%: $(FO)/fuzz_%
	@echo "== replaying seeds and regressions of $*"
	@files=$$(find tests/fuzz/seeds/$* tests/fuzz/regress/$* -type f 2>/dev/null); \
	if [ -z "$$files" ]; then echo "no inputs for $*"; exit 1; fi; \
	$(FO)/fuzz_$* -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) $$files >$(FO)/regress-$*.log 2>&1 \
	    || { tail -n 40 $(FO)/regress-$*.log; exit 1; }; \
	echo "$$(echo "$$files" | wc -l) inputs of $* ran clean"

-include $(LIB_OBJ:.o=.d) $(FUZZ_BIN:=.d)
