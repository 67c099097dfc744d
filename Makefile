# BPF local storage on rqspinlock for Linux 6.12: series workflow and tests.
# `make` runs the user-space KUnit suites; `make check` runs the tests CI runs.
# See README.md for every target and what it costs.

ARCH	?= x86_64
KSRC	?= build/linux
OUT	?= $(HOME)/.cache/lsrq
export OUT

SHIM	= $(MAKE) -C shim KSRC=$(abspath $(KSRC)) STOCK=$(CURDIR)/build/base ARCH=$(ARCH)

.PHONY: all shim faults asan ubsan tsan bench explore explore-long explore-cov deps tree export roundtrip harness apply apply-test \
	kunit-qemu checkpatch bisect cocci bench-lock locktorture selftests bench-kernel mutants check \
	check-full clean

all: shim

deps:
	@scripts/install-deps.sh base kernel arm64 shim cocci

# The patched tree is a prerequisite of everything that reads kernel sources;
# KSRC names it (default build/linux), and "make tree" makes it there.
$(KSRC)/.git:
	@TREE=$(KSRC) scripts/tree.sh

tree:
	@TREE=$(KSRC) scripts/tree.sh

export:
	@scripts/export.sh

roundtrip: $(KSRC)/.git
	@scripts/roundtrip.sh

harness:
	@scripts/harness-test.sh

apply:
	@scripts/apply.sh "$(KSRC)"

apply-test: $(KSRC)/.git
	@scripts/install-deps.sh apply
	@scripts/apply-test.sh

shim faults asan ubsan tsan bench explore explore-long explore-cov: $(KSRC)/.git
	@scripts/install-deps.sh shim $(if $(filter arm64,$(ARCH)),shim-arm64)
	+@$(SHIM) $(if $(filter shim,$@),ktap,$@)

mutants: $(KSRC)/.git
	@scripts/install-deps.sh shim $(if $(filter arm64,$(ARCH)),shim-arm64)
	@KSRC=$(KSRC) scripts/mutants.sh $(ARCH)

kunit-qemu: $(KSRC)/.git
	@scripts/install-deps.sh kernel $(if $(filter arm64,$(ARCH)),arm64)
	@KSRC=$(KSRC) scripts/kunit-qemu.sh $(ARCH)

bench-lock: $(KSRC)/.git
	@scripts/install-deps.sh kernel $(if $(filter arm64,$(ARCH)),arm64)
	@KSRC=$(KSRC) scripts/bench-lock.sh $(ARCH)

locktorture: $(KSRC)/.git
	@scripts/install-deps.sh kernel $(if $(filter arm64,$(ARCH)),arm64)
	@KSRC=$(KSRC) scripts/locktorture.sh $(ARCH)

# KUnit runs for the NMI, paravirt and arm64 timed-wait branches, and the NMI
# stress (SECS=60); see scripts/kunit-variant.sh.
.PHONY: kunit-paravirt kunit-pseudo-nmi kunit-noevtstrm nmi-stress
kunit-paravirt kunit-pseudo-nmi kunit-noevtstrm nmi-stress: $(KSRC)/.git
	@scripts/install-deps.sh kernel $(if $(filter arm64,$(ARCH)),arm64)
	@KSRC=$(KSRC) scripts/kunit-variant.sh $@ $(ARCH)

# The mutants only a kernel in QEMU kills ("qemu:" lines of mutants/list).
.PHONY: mutants-qemu
mutants-qemu: $(KSRC)/.git
	@KSRC=$(KSRC) scripts/mutants-qemu.sh $(ARCH)

checkpatch: $(KSRC)/.git
	@scripts/install-deps.sh checkpatch
	@KSRC=$(KSRC) scripts/checkpatch.sh

bisect: $(KSRC)/.git
	@scripts/install-deps.sh kernel
	@KSRC=$(KSRC) scripts/bisect.sh

cocci: $(KSRC)/.git
	@scripts/install-deps.sh cocci
	@scripts/cocci.sh $(KSRC) build/base

selftests: $(KSRC)/.git
	@scripts/selftests.sh $(KSRC) $(ARCH)

bench-kernel: $(KSRC)/.git
	@scripts/bench-kernel.sh $(KSRC) $(ARCH)

check:
	@scripts/check.sh tree roundtrip apply-test checkpatch cocci shim shim-arm64 asan explore harness kunit-qemu

check-full:
	@scripts/check.sh tree roundtrip apply-test checkpatch bisect cocci shim shim-arm64 asan explore harness faults ubsan tsan \
		kunit-qemu kunit-qemu-arm64 bench-lock bench-lock-arm64 \
		locktorture locktorture-arm64 selftests

# The shim's objects; kernel objects and ccache are under $(OUT), the trees
# under build/ (see README.md).
clean:
	-@$(MAKE) -C shim clean
