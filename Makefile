# crmroi - CRM business-case calculator.
#
#   make                 build libcrmroi.a and crmroi
#   make deps            install the Debian packages needed to build and test
#   make run             build and run the bundled business case
#   make check           unit tests, CLI golden tests, docs tests
#   make bench           benchmarks (not part of check)
#   make fuzz            each libFuzzer harness for FUZZ_SECONDS (default 60) seconds
#   make install         PREFIX, DESTDIR, BINDIR, MANDIR, COMPLETIONDIR honoured
#   make SANITIZE=address,undefined check
#   make V=1             show the commands

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
CFLAGS += -std=c11 -fno-math-errno -D_POSIX_C_SOURCE=200809L -pthread -Wall -Wextra -Wshadow -Wstrict-prototypes
CPPFLAGS += -Iinclude -Isrc/cli -Isrc/render -MMD -MP
PKG_CONFIG ?= pkg-config
GSL_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags gsl 2>/dev/null)
GSL_LIBS ?= $(shell $(PKG_CONFIG) --libs gsl 2>/dev/null || echo -lgsl -lgslcblas -lm)
CMOCKA_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS ?= $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
# libcsv ships no pkg-config file.
CSV_LIBS ?= -lcsv
# libmvec (glibc's vector math, in libc6): the lognormal draws' exp four at a time.
MVEC_LIBS ?= -lmvec
LIBS = $(CSV_LIBS) $(GSL_LIBS) $(MVEC_LIBS) -lm -pthread
# libxlsxwriter: only the command-line program (crmroi workbook) links it.
XLSX_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags xlsxwriter 2>/dev/null)
XLSX_LIBS ?= $(shell $(PKG_CONFIG) --libs xlsxwriter 2>/dev/null || echo -lxlsxwriter -lz)
# double-conversion (C++): shortest round-trip number text in the output layer
# (src/render/shortest.cc), so the program links with the C++ compiler.
CXXFLAGS ?= -O2 -g
CXXFLAGS += -std=c++11 -Wall -Wextra -Wshadow
DC_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags double-conversion 2>/dev/null)
DC_LIBS ?= $(shell $(PKG_CONFIG) --libs double-conversion 2>/dev/null || echo -ldouble-conversion)

ifneq ($(SANITIZE),)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
CXXFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
BUILD ?= build-san
else
BUILD ?= build
endif

ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC := $(wildcard src/core/*.c)
CLI_SRC := $(wildcard src/cli/*.c src/render/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
CLI_CXX_SRC := $(wildcard src/render/*.cc)
CLI_OBJ += $(CLI_CXX_SRC:%.cc=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB := $(BUILD)/libcrmroi.a
BIN := $(BUILD)/crmroi
MANPAGES := man/crmroi.1 man/crmroi-scenario.5

DEPS_PKGS := build-essential pkg-config libgsl-dev libcsv-dev libcmocka-dev python3-numpy \
	python3-numba
# make fuzz: clang, and the libFuzzer runtime (libclang_rt.fuzzer) that clang-14 keeps apart.
DEPS_PKGS += clang libclang-rt-14-dev
# crmroi report --pdf and its browser test: a headless Chromium, poppler's
# pdftotext/pdftoppm/pdfinfo, and the fonts the document names.
DEPS_PKGS += chromium-headless-shell poppler-utils fonts-urw-base35 fonts-dejavu-core
# crmroi workbook, and its tests (recomputed by Gnumeric, read with openpyxl).
DEPS_PKGS += libxlsxwriter-dev gnumeric python3-openpyxl
# Shortest round-trip number text in CSV and JSON (Google's double-conversion).
DEPS_PKGS += libdouble-conversion-dev

.PHONY: all deps run check cli-check bench install uninstall clean fuzz fuzz-replay
all: $(BIN) crmroi

# A convenience link at the top, so the README's commands read ./crmroi.
crmroi: $(BIN)
	$(Q)ln -sf $(BIN) crmroi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(XLSX_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $<")
	$(Q)$(CXX) $(CPPFLAGS) $(DC_CFLAGS) $(CXXFLAGS) -c $< -o $@

$(LIB): $(CORE_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CXX) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(XLSX_LIBS) $(DC_LIBS) $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) $(LDFLAGS) \
		-DTEST_SRCDIR='"$(CURDIR)"' -o $@ $< $(LIB) $(CMOCKA_LIBS) $(LIBS)

# The chart module's unit test links the module itself (it is not in libcrmroi).
$(BUILD)/tests/test_chart: tests/unit/test_chart.c tests/unit/testutil.h $(BUILD)/src/render/chart.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) $(LDFLAGS) \
		-o $@ $< $(BUILD)/src/render/chart.o $(LIB) $(CMOCKA_LIBS) $(LIBS)

# The formula translator's unit test links the translator from the output layer.
$(BUILD)/tests/test_xlformula: tests/unit/test_xlformula.c tests/unit/testutil.h \
		$(BUILD)/src/render/xlformula.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) $(LDFLAGS) \
		-DTEST_SRCDIR='"$(CURDIR)"' -o $@ $< $(BUILD)/src/render/xlformula.o $(LIB) \
		$(CMOCKA_LIBS) $(LIBS)

# The shortest-number unit test links the C++ formatter from the output layer.
$(BUILD)/tests/test_shortest: tests/unit/test_shortest.c tests/unit/testutil.h \
		$(BUILD)/src/render/shortest.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	@mkdir -p $(BUILD)/tests/obj
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -c \
		-o $(BUILD)/tests/obj/test_shortest.o $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $(BUILD)/tests/obj/test_shortest.o $(BUILD)/src/render/shortest.o $(LIB) $(DC_LIBS) \
		$(CMOCKA_LIBS) $(LIBS)

# The escaping functions' unit test links the output layer's format.o (and the
# C++ number formatter it calls).
$(BUILD)/tests/test_format: tests/unit/test_format.c tests/unit/testutil.h \
		$(BUILD)/src/render/format.o $(BUILD)/src/render/shortest.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	@mkdir -p $(BUILD)/tests/obj
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) -c \
		-o $(BUILD)/tests/obj/test_format.o $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $(BUILD)/tests/obj/test_format.o $(BUILD)/src/render/format.o \
		$(BUILD)/src/render/shortest.o $(LIB) $(DC_LIBS) $(CMOCKA_LIBS) $(LIBS)

# The starter's unit test writes starters with the output layer's view (and
# the format.o and C++ number formatter it calls) and loads them back.
$(BUILD)/tests/test_starter: tests/unit/test_starter.c tests/unit/testutil.h \
		$(BUILD)/src/render/starter_view.o $(BUILD)/src/render/format.o \
		$(BUILD)/src/render/shortest.o $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	@mkdir -p $(BUILD)/tests/obj
	$(Q)$(CC) $(CPPFLAGS) -Itests/unit $(GSL_CFLAGS) $(CMOCKA_CFLAGS) $(CFLAGS) \
		-DTEST_SRCDIR='"$(CURDIR)"' -c -o $(BUILD)/tests/obj/test_starter.o $<
	$(Q)$(CXX) $(LDFLAGS) -o $@ $(BUILD)/tests/obj/test_starter.o \
		$(BUILD)/src/render/starter_view.o $(BUILD)/src/render/format.o \
		$(BUILD)/src/render/shortest.o $(LIB) $(DC_LIBS) $(CMOCKA_LIBS) $(LIBS)

# The conformance table's helper (tests/conformance): the capabilities a scenario uses.
$(BUILD)/conformance/capabilities: tests/conformance/capabilities.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

deps:
	@missing=""; for p in $(DEPS_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
		echo "installing:$$missing"; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "dependencies already installed"; fi

run: $(BIN) crmroi
	$(BIN) run scenarios/midsize_business_case.csv

check: $(BIN) $(TEST_BIN) $(BUILD)/conformance/capabilities fuzz-replay
	$(Q)sh tests/run_all.sh $(BUILD)

cli-check: $(BIN)
	$(Q)CRMROI=$(CURDIR)/$(BIN) sh tests/cli/run.sh

BENCH_BIN := $(BUILD)/bench/bench_sweep $(BUILD)/bench/bench_simulate

$(BUILD)/bench/%: tests/bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS)

bench: $(BIN) $(BENCH_BIN)
	$(Q)sh tests/bench/run.sh $(BUILD)

# The bash completion script, written by crmroi from its own option tables.
$(BUILD)/crmroi.bash: $(BIN)
	$(BIN) completion bash -o $@

install: $(BIN) $(BUILD)/crmroi.bash
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/crmroi
	install -m 644 man/crmroi.1 $(DESTDIR)$(MANDIR)/man1/crmroi.1
	install -m 644 man/crmroi-scenario.5 $(DESTDIR)$(MANDIR)/man5/crmroi-scenario.5
	install -m 644 $(BUILD)/crmroi.bash $(DESTDIR)$(COMPLETIONDIR)/crmroi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/crmroi $(DESTDIR)$(MANDIR)/man1/crmroi.1 \
		$(DESTDIR)$(MANDIR)/man5/crmroi-scenario.5 $(DESTDIR)$(COMPLETIONDIR)/crmroi

# ---- fuzzing
# Harnesses in tests/fuzz/fuzz_*.c. `make fuzz` builds them with clang's
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer and runs each for
# FUZZ_SECONDS on one core, from its seeds (tests/fuzz/seeds.sh NAME: the
# bundled scenarios, actuals or answers files and tests/fuzz/corpus/NAME) and
# the formats' dictionary; new inputs go to build-fuzz/corpus/NAME, crashes to
# build-fuzz/crash-*. `make check` replays the seeds and every past crash
# (tests/fuzz/regressions/NAME) once with tests/fuzz/replay.c under the same
# sanitizers, built with $(CC). FUZZ_NAMES="actuals answers" fuzzes only those.
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_ALL := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES ?= $(FUZZ_ALL)
FUZZ_SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -pthread -O1 -g -Wall -Wextra
FUZZ_BIN := $(FUZZ_NAMES:%=build-fuzz/fuzz_%)
REPLAY_BIN := $(FUZZ_ALL:%=build-replay/replay_%)

build-fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (fuzz)")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(GSL_CFLAGS) $(XLSX_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) \
		-fsanitize=fuzzer-no-link -c $< -o $@

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(CORE_SRC:%.c=build-fuzz/%.o)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(GSL_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -fsanitize=fuzzer \
		-o $@ $< $(CORE_SRC:%.c=build-fuzz/%.o) $(LIBS)

build-replay/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (replay)")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(XLSX_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -c $< -o $@

build-replay/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(CORE_SRC:%.c=build-replay/%.o)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -o $@ $< \
		tests/fuzz/replay.c $(CORE_SRC:%.c=build-replay/%.o) $(LIBS)

# The number formatter's harness (fuzz_shortest) links the output layer's
# C++ formatter, so it is linked by the C++ compiler.
FUZZ_CXX ?= clang++
FUZZ_BASE_CXXFLAGS := -std=c++11 -O1 -g -Wall -Wextra

build-fuzz/%.o: %.cc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $< (fuzz)")
	$(Q)$(FUZZ_CXX) $(CPPFLAGS) $(DC_CFLAGS) $(FUZZ_BASE_CXXFLAGS) $(FUZZ_SANITIZE) \
		-fsanitize=fuzzer-no-link -c $< -o $@

build-fuzz/fuzz_shortest: tests/fuzz/fuzz_shortest.c tests/fuzz/fuzz.h build-fuzz/src/render/shortest.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link \
		-c -o build-fuzz/fuzz_shortest.o $<
	$(Q)$(FUZZ_CXX) $(FUZZ_SANITIZE) -fsanitize=fuzzer -o $@ build-fuzz/fuzz_shortest.o \
		build-fuzz/src/render/shortest.o $(DC_LIBS)

build-replay/%.o: %.cc
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CXX     $< (replay)")
	$(Q)$(CXX) $(CPPFLAGS) $(DC_CFLAGS) $(FUZZ_BASE_CXXFLAGS) $(FUZZ_SANITIZE) -c $< -o $@

build-replay/replay_shortest: tests/fuzz/fuzz_shortest.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
		build-replay/src/render/shortest.o
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -c -o build-replay/fuzz_shortest.o $<
	$(Q)$(CC) $(CPPFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -c -o build-replay/replay_shortest.o \
		tests/fuzz/replay.c
	$(Q)$(CXX) $(FUZZ_SANITIZE) -o $@ build-replay/fuzz_shortest.o build-replay/replay_shortest.o \
		build-replay/src/render/shortest.o $(DC_LIBS)

# Harnesses that write an output (the renderers', and the actuals' and
# answers' harnesses, which show what they read) link the output layer, from
# archives so that each takes only the objects it calls: its C files, the
# workbook's apart (with libxlsxwriter and zlib, for fuzz_render_xlsx), and
# the C++ number formatter, so they are linked by the C++ compiler. The
# checks of an output (tests/fuzz/outcheck.h) read CSV back with libcsv.
FUZZ_RENDER_SRC := $(filter-out src/render/workbook%.c,$(wildcard src/render/*.c))
FUZZ_WORKBOOK_SRC := $(wildcard src/render/workbook*.c)
FUZZ_OUTPUT_NAMES := actuals answers $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_render_*.c))
FUZZ_OUTPUT_DEPS := tests/fuzz/fuzz.h tests/fuzz/fuzz_render.h tests/fuzz/outcheck.h \
	tests/fuzz/outcheck_xlsx.h
FUZZ_OUTPUT_LIBS = $(XLSX_LIBS) $(DC_LIBS) $(LIBS)

%/librender.a: $(FUZZ_RENDER_SRC:%.c=\%/%.o) %/src/render/shortest.o
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

%/libworkbook.a: $(FUZZ_WORKBOOK_SRC:%.c=\%/%.o)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(FUZZ_OUTPUT_NAMES:%=build-fuzz/fuzz_%): build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OUTPUT_DEPS) \
		build-fuzz/libworkbook.a build-fuzz/librender.a $(CORE_SRC:%.c=build-fuzz/%.o)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(FUZZ_CC) $(CPPFLAGS) $(GSL_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -fsanitize=fuzzer-no-link \
		-c -o build-fuzz/fuzz_$*.o $<
	$(Q)$(FUZZ_CXX) $(FUZZ_SANITIZE) -fsanitize=fuzzer -o $@ build-fuzz/fuzz_$*.o \
		build-fuzz/libworkbook.a build-fuzz/librender.a $(CORE_SRC:%.c=build-fuzz/%.o) $(FUZZ_OUTPUT_LIBS)

$(FUZZ_OUTPUT_NAMES:%=build-replay/replay_%): build-replay/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
		$(FUZZ_OUTPUT_DEPS) build-replay/libworkbook.a build-replay/librender.a \
		$(CORE_SRC:%.c=build-replay/%.o)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CPPFLAGS) $(GSL_CFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -c -o build-replay/fuzz_$*.o $<
	$(Q)$(CC) $(CPPFLAGS) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -c -o build-replay/replay_$*.o \
		tests/fuzz/replay.c
	$(Q)$(CXX) $(FUZZ_SANITIZE) -o $@ build-replay/fuzz_$*.o build-replay/replay_$*.o \
		build-replay/libworkbook.a build-replay/librender.a $(CORE_SRC:%.c=build-replay/%.o) \
		$(FUZZ_OUTPUT_LIBS)

# The sanitized copies of the core and the output layer are kept between runs.
.SECONDARY: $(CORE_SRC:%.c=build-fuzz/%.o) $(CORE_SRC:%.c=build-replay/%.o) \
	$(FUZZ_RENDER_SRC:%.c=build-fuzz/%.o) $(FUZZ_RENDER_SRC:%.c=build-replay/%.o) \
	$(FUZZ_WORKBOOK_SRC:%.c=build-fuzz/%.o) $(FUZZ_WORKBOOK_SRC:%.c=build-replay/%.o)

# The checks of an output's form, tested on outputs made well and badly.
build-replay/outcheck_test: tests/fuzz/outcheck_test.c tests/fuzz/outcheck.h tests/fuzz/outcheck_xlsx.h
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(FUZZ_BASE_CFLAGS) $(FUZZ_SANITIZE) -o $@ $< $(CSV_LIBS) -lz

fuzz-replay: $(REPLAY_BIN) build-replay/outcheck_test

fuzz: $(FUZZ_BIN)
	$(Q)for n in $(FUZZ_NAMES); do \
		mkdir -p build-fuzz/corpus/$$n; \
		seeds=$$(sh tests/fuzz/seeds.sh $$n); \
		[ ! -d tests/fuzz/regressions/$$n ] || seeds="$$seeds tests/fuzz/regressions/$$n"; \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		build-fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-max_len=16384 -dict=tests/fuzz/crmroi.dict -artifact_prefix=build-fuzz/ \
			-print_final_stats=1 build-fuzz/corpus/$$n $$seeds \
			|| exit 1; \
	done

clean:
	rm -rf build build-san build-fuzz build-replay crmroi

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(wildcard build-fuzz/src/*/*.d build-replay/src/*/*.d)
