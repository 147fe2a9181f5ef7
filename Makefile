# nithet - Thai supervision report generator.
# `make run` and `make test` do all set-up on a fresh Debian 12 machine.

PREFIX   ?= /usr/local
BUILD    ?= build
CC       ?= cc
PKGS     := libxml-2.0 harfbuzz harfbuzz-subset libthai zlib libdeflate
# The spreadsheet libraries: nithet loads them when it first reads or writes
# a workbook (src/core/dynlib.h), so it is compiled with their headers but
# not linked to them; the tests and tools that call them directly are.
PKGS_ONDEMAND := libzip freexl xlsxwriter
# The file name each is loaded by, as the linker here would record it (on
# Debian 12 libzip.so.4, libfreexl.so.1, libxlsxwriter.so.4, the code's
# defaults when objdump cannot say).
soname = $(shell objdump -p "$$($(CC) -print-file-name=$(1))" 2>/dev/null | awk '/SONAME/ { print $$2 }')
SONAMES := $(foreach l,LIBZIP:libzip.so FREEXL:libfreexl.so XLSXWRITER:libxlsxwriter.so,\
  $(if $(call soname,$(word 2,$(subst :, ,$(l)))),-D$(word 1,$(subst :, ,$(l)))_SONAME='"$(call soname,$(word 2,$(subst :, ,$(l))))"'))
WARN     := -Wall -Wextra -Werror -Wswitch -Wunused-result -Wshadow -Wvla \
            -Wstrict-prototypes -Wmissing-prototypes
CSTD     := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT      ?= -O2 -g
SAN      ?=
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(PKGS_ONDEMAND) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL = -DNITHET_VERSION='"$(VERSION)"' $(SONAMES) $(CSTD) $(OPT) $(WARN) $(SAN) -Isrc $(PKG_CFLAGS) -MMD -MP $(CPPFLAGS) $(CFLAGS)
LDLIBS_NITHET = $(PKG_LIBS) -lhpdf -lcsv -liniparser -lm -pthread $(LDLIBS)
LDLIBS_ALL = $(LDLIBS_NITHET) $(shell pkg-config --libs $(PKGS_ONDEMAND) 2>/dev/null)

VERSION  := 0.1.0
# `make V=1` shows the full commands.
Q        := $(if $(V),,@)
LIB_SRC  := $(sort $(filter-out src/main.c,$(wildcard src/*/*.c)))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
TOOL_SRC := $(sort $(wildcard tools/*.c))
TOOLS    := $(TOOL_SRC:tools/%.c=$(BUILD)/tools/%)

FONT_FILES := fonts/Laksaman.ttf fonts/Laksaman-Bold.ttf \
              fonts/NotoSansThai-Regular.ttf fonts/NotoSansThai-Bold.ttf \
              fonts/NotoSans-Regular.ttf fonts/NotoSans-Bold.ttf

.PHONY: all deps build fonts run test layers test-unit test-src test-cases test-thai test-reports test-hostile test-sheets test-examples check-asan example \
        bench check-tsan fuzz lint install uninstall test-install test-offices test-pdfa deb test-deb pot clean specimen sample
.DELETE_ON_ERROR:

all: build
build: nithet $(BUILD)/unit-tests $(TOOLS) fonts $(MO_FILES)

deps:
	@sh tools/deps.sh

# Messages in Thai (core/i18n.h): po/nithet.pot lists every message of the
# source (make pot refreshes it), po/th.po translates them, compiled here;
# tests/src/messages.sh fails on a message without a translation.
LANGS      := th
MO_FILES   := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/nithet.mo)
XGETTEXT_KEYWORDS := -k_ -kN_ -kNP_:1,2 -kdiag_report:6 -kdiag_say:3 -kproblem:4 -kfail:3

$(BUILD)/locale/%/LC_MESSAGES/nithet.mo: po/%.po
	@mkdir -p $(@D)
	$(if $(V),,@echo "  MSGFMT $<")
	$(Q)msgfmt --check -o $@ $<

pot:
	xgettext --from-code=UTF-8 --package-name=nithet --package-version=$(VERSION) \
	  --sort-by-file $(XGETTEXT_KEYWORDS) -o po/nithet.pot src/main.c $(LIB_SRC)
	for l in $(LANGS); do msgmerge --quiet --update --backup=none po/$$l.po po/nithet.pot; done

nithet: $(BUILD)/nithet $(MO_FILES) input/emblem.png
	@cp $< $@

# The sample's pictures (its placeholder emblem and photos of activities)
# are drawn by the generator when the program is built, not kept in git.
input/emblem.png: $(BUILD)/tools/gen-sample
	$(if $(V),,@echo "  GEN   input/emblem.png input/photos/")
	$(Q)$(BUILD)/tools/gen-sample --images --out input >/dev/null

$(BUILD)/nithet: $(BUILD)/src/main.o $(BUILD)/libnithet.a
	$(if $(V),,@echo "  LD    $@")
	$(Q)$(CC) $(SAN) -o $@ $^ $(LDLIBS_NITHET) $(LDFLAGS)

$(BUILD)/libnithet.a: $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/unit-tests: $(TEST_OBJ) $(BUILD)/libnithet.a
	$(if $(V),,@echo "  LD    $@")
	$(Q)$(CC) $(SAN) -o $@ $^ $(LDLIBS_ALL) $(LDFLAGS)

$(BUILD)/tools/%: $(BUILD)/tools/%.o $(BUILD)/libnithet.a
	$(if $(V),,@echo "  LD    $@")
	$(Q)$(CC) $(SAN) -o $@ $^ $(LDLIBS_ALL) $(LDFLAGS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(if $(V),,@echo "  CC    $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

# The fonts the reports embed come from Debian's packages unless the user has
# put their own files in fonts/ (an existing file is never overwritten).
fonts: $(FONT_FILES)
fonts/Laksaman.ttf fonts/Laksaman-Bold.ttf:
	@mkdir -p fonts
	cp /usr/share/fonts/truetype/tlwg/$(@F) $@
fonts/NotoSansThai-Regular.ttf fonts/NotoSansThai-Bold.ttf fonts/NotoSans-Regular.ttf fonts/NotoSans-Bold.ttf:
	@mkdir -p fonts
	cp /usr/share/fonts/truetype/noto/$(@F) $@

run: deps
	@$(MAKE) --no-print-directory build
	./nithet build
	./nithet specimen
	@ls -lL output/*.pdf output/[0-9]*/*.pdf

specimen: build
	./nithet specimen

test: deps
	@$(MAKE) --no-print-directory build
	@$(MAKE) --no-print-directory lint layers test-unit test-src test-cases test-thai test-reports test-hostile test-sheets test-examples test-install test-offices test-pdfa

test-unit: $(BUILD)/unit-tests
	LC_ALL=C.UTF-8 $(BUILD)/unit-tests
	LC_ALL= LANG=C.UTF-8 LC_NUMERIC=fr_FR.UTF-8 NITHET_TEST_LOCALE=fr_FR.UTF-8 $(BUILD)/unit-tests

# The program knows no office's plan: no word of the bundled plan in src/;
# the manual page, nithet help and the bash completion agree.
test-src: nithet
	sh tests/src/one-plan-words.sh
	NITHET=./nithet sh tests/src/help.sh
	sh tests/src/messages.sh

# The stages of src/ use only the stages before them (src/README.md), by
# their includes and by the link; tests/src/layers.sh plants upward uses and
# checks that each is caught.
layers: $(BUILD)/nithet
	sh tools/layers.sh src $(BUILD)
	sh tests/src/layers.sh $(BUILD)

test-cases: nithet
	NITHET=./nithet sh tests/cases/run.sh

test-reports: nithet fonts
	NITHET=./nithet sh tests/reports/run.sh

test-hostile: nithet
	NITHET=./nithet sh tests/hostile/run.sh

# Workbooks: the sample as .xlsx made by LibreOffice (committed), hostile ones.
test-sheets: nithet $(BUILD)/tools/gen-xlsx
	GEN=$(BUILD)/tools/gen-xlsx NITHET=./nithet sh tests/sheets/run.sh

# The second office's example, from freshly generated data, against its README.
test-examples: nithet $(BUILD)/tools/gen-example fonts
	GEN=$(BUILD)/tools/gen-example NITHET=./nithet sh tests/examples/run.sh

test-thai: nithet $(BUILD)/tools/typeset-lines fonts
	BUILD=$(BUILD) NITHET=./nithet sh tests/thai/run.sh

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in a
# build tree of its own so the normal binary is not replaced by a slow one.
check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  build/asan/nithet build/asan/unit-tests build/asan/tools/typeset-lines build/asan/tools/gen-example \
	  build/asan/tools/gen-xlsx build/asan/locale/th/LC_MESSAGES/nithet.mo input/emblem.png fonts
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 build/asan/unit-tests
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 NITHET=build/asan/nithet sh tests/cases/run.sh
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 BUILD=build/asan NITHET=build/asan/nithet sh tests/thai/run.sh
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 NITHET=build/asan/nithet sh tests/reports/run.sh
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 NITHET=build/asan/nithet sh tests/hostile/run.sh
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 GEN=build/asan/tools/gen-xlsx NITHET=build/asan/nithet sh tests/sheets/run.sh
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 GEN=build/asan/tools/gen-example NITHET=build/asan/nithet sh tests/examples/run.sh

# The reports and the second office's example under ThreadSanitizer: a
# build's workers are threads sharing the fonts, the word-break dictionary
# and the PDF writer's caches; any data race fails the run.
check-tsan: deps
	@$(MAKE) --no-print-directory BUILD=build/tsan OPT="-O1 -g" SAN="-fsanitize=thread" \
	  build/tsan/nithet build/tsan/tools/gen-example build/tsan/locale/th/LC_MESSAGES/nithet.mo input/emblem.png fonts
	TSAN_OPTIONS=halt_on_error=1 NITHET=build/tsan/nithet sh tests/reports/run.sh
	TSAN_OPTIONS=halt_on_error=1 GEN=build/tsan/tools/gen-example NITHET=build/tsan/nithet sh tests/examples/run.sh

sample: $(BUILD)/tools/gen-sample
	$(BUILD)/tools/gen-sample --out input

# The second example's data (its plan.xml is written by hand).
example: $(BUILD)/tools/gen-example
	$(BUILD)/tools/gen-example --out examples/secondary-2567/input

# Benchmarks print medians of several runs; compare ratios within one run.
# The Pango/Cairo yardstick (tools/pango) is built here only: Pango and
# Cairo are no dependency of nithet.
PANGO_PKGS := pangocairo pangoft2 cairo-pdf fontconfig
bench: build
	@sh tools/deps.sh libpango1.0-dev libcairo2-dev
	$(MAKE) $(BUILD)/tools/bench-pango
	sh tools/bench.sh $(BUILD)

$(BUILD)/tools/bench-pango: tools/pango/bench-pango.c tools/bench.h $(BUILD)/libnithet.a
	@mkdir -p $(@D)
	$(if $(V),,@echo "  CC+LD $@")
	$(Q)$(CC) $(CSTD) -D_GNU_SOURCE $(OPT) $(WARN) -Isrc $(shell pkg-config --cflags $(PANGO_PKGS)) -o $@ \
	  tools/pango/bench-pango.c $(BUILD)/libnithet.a $(shell pkg-config --libs $(PANGO_PKGS)) $(LDLIBS_ALL) $(LDFLAGS)

# clang and its fuzzer runtime: only this target uses them.
fuzz:
	@sh tools/deps.sh clang libclang-rt-14-dev
	sh tests/fuzz/run.sh

# Banned functions: unbounded or unchecked string and number calls.
lint:
	@if grep -nE '\b(atoi|atol|sprintf|vsprintf|strcpy|strcat|strtok|sscanf|gets)\s*\(' \
	    $$(find src tools tests -name '*.[ch]'); then \
	  echo "lint: banned function used (use the bounded ones of src/core)"; exit 1; \
	else echo "lint: ok"; fi

# Installed as a system would have it: the program, the schema and fonts
# (copies; the Debian package links the font packages' files instead), the
# manual page, the bash completion, and a config for the office to fill in
# (the sample's office, people and holidays taken out; its folders under
# /var/lib/nithet). nithet finds its data from its own path, so DESTDIR
# staging and any PREFIX work unchanged (src/cli/places.h).
SYSCONFDIR ?= $(if $(filter /usr,$(PREFIX)),/etc,$(PREFIX)/etc)
STATEDIR   ?= $(if $(filter /usr,$(PREFIX)),/var/lib/nithet,$(PREFIX)/var/lib/nithet)
INSTALL_FONTS ?= copy

install: nithet
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/nithet/config \
	  $(DESTDIR)$(PREFIX)/share/nithet/fonts $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(SYSCONFDIR)/nithet \
	  $(DESTDIR)$(PREFIX)/share/doc/nithet
	install -m 755 nithet $(DESTDIR)$(PREFIX)/bin/nithet
	install -m 644 config/plan.xsd $(DESTDIR)$(PREFIX)/share/nithet/config/
	install -m 644 docs/nithet.1 $(DESTDIR)$(PREFIX)/share/man/man1/nithet.1
	install -m 644 completion/nithet.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nithet
	install -m 644 docs/plan.md README.md tools/run-offices.sh $(DESTDIR)$(PREFIX)/share/doc/nithet/
	for l in $(LANGS); do install -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/nithet.mo \
	  $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/nithet.mo; done
	sh tools/installed-config.sh $(STATEDIR) <config/nithet.ini >$(DESTDIR)$(SYSCONFDIR)/nithet/nithet.ini.new
	@if [ -f $(DESTDIR)$(SYSCONFDIR)/nithet/nithet.ini ]; then \
	  echo "install: $(DESTDIR)$(SYSCONFDIR)/nithet/nithet.ini kept; the new one is nithet.ini.new"; \
	else mv $(DESTDIR)$(SYSCONFDIR)/nithet/nithet.ini.new $(DESTDIR)$(SYSCONFDIR)/nithet/nithet.ini; fi
	@if [ "$(INSTALL_FONTS)" = link ]; then \
	  ln -sf /usr/share/fonts/truetype/tlwg/Laksaman.ttf /usr/share/fonts/truetype/tlwg/Laksaman-Bold.ttf \
	    /usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf /usr/share/fonts/truetype/noto/NotoSansThai-Bold.ttf \
	    /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf \
	    $(DESTDIR)$(PREFIX)/share/nithet/fonts/; \
	else $(MAKE) --no-print-directory fonts && install -m 644 $(FONT_FILES) $(DESTDIR)$(PREFIX)/share/nithet/fonts/; fi

uninstall:
	for l in $(LANGS); do rm -f $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/nithet.mo; done
	rm -f $(DESTDIR)$(PREFIX)/bin/nithet $(DESTDIR)$(PREFIX)/share/man/man1/nithet.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nithet
	rm -rf $(DESTDIR)$(PREFIX)/share/nithet $(DESTDIR)$(PREFIX)/share/doc/nithet
	@echo "uninstall: $(DESTDIR)$(SYSCONFDIR)/nithet/ (the office's config) is left in place"

# The Debian package (debian/), built from a copy of the tree, checked with
# lintian, installed, run and removed (tests/deb/run.sh; as root, in CI).
# Its tools are installed here, not by make deps: only this target uses them.
deb:
	@sh tools/deps.sh debhelper fakeroot dpkg-dev git
	sh tools/make-deb.sh

test-deb:
	@sh tools/deps.sh debhelper fakeroot lintian dpkg-dev git
	sh tests/deb/run.sh

# Every kind of report is PDF/A-1b, as Apache PDFBox Preflight judges it.
test-pdfa: nithet fonts
	NITHET=./nithet sh tests/pdfa/run.sh

# Several offices on one server with GNU parallel (tools/run-offices.sh),
# each with its own config, input, output and JSON summary.
test-offices: nithet
	NITHET=$(CURDIR)/nithet sh tests/offices/run.sh

# An installed nithet, staged with DESTDIR, run from / (tests/install/run.sh).
test-install: nithet fonts
	NITHET_SRC=$(CURDIR) sh tests/install/run.sh

clean:
	rm -rf $(BUILD) nithet

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
