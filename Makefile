# coinsift — build, test, benchmark and demo targets.
# Go 1.26 and a C compiler (cgo, for DuckDB) are all that is needed.

GO        ?= go
BIN       ?= bin/coinsift
PKGS      ?= ./...
FUZZTIME  ?= 20s
DEMO_OUT  ?= demo

.PHONY: all build test test-integration check fmt vet bench bench-seized fuzz demo methodology corpus clean

all: check build test

build:
	$(GO) build -o $(BIN) ./cmd/coinsift

# The test command of README.md: fast, offline, deterministic.
test:
	$(GO) test $(PKGS)

# Longer runs: a real MariaDB, a real btcd node, larger worlds. CI runs these.
test-integration:
	COINSIFT_INTEGRATION=1 COINSIFT_MARIADB=1 $(GO) test -timeout 40m $(PKGS)

check: fmt vet

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)

# Benchmarks print the figures docs/benchmarks.md records (python3-igraph,
# from Debian, adds the igraph side-by-side; it is skipped without it).
bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# Seized-load peers side by side (coinsift vs mariadb vs DuckDB read_csv) on
# the calls of an iSpoof-scale world: needs the world and MariaDB.
SEIZED_DIR ?= /tmp/ispoof/seized
bench-seized: build
	COINSIFT_BIN=$(CURDIR)/$(BIN) bash scripts/bench-seized.sh $(SEIZED_DIR)

# Run each fuzz target briefly (long runs happen off CI); every target runs,
# and the failing ones are listed at the end.
fuzz:
	@failed=""; \
	for p in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$p 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$p $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$p || failed="$$failed $$p.$$f"; \
	  done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failing targets:$$failed"; exit 1; fi

# The README's main command: a generated iSpoof-like world, end to end.
demo: build
	rm -rf $(DEMO_OUT)
	./$(BIN) demo --out $(DEMO_OUT)

# Re-measure the clustering heuristics on small worlds of seeds 1-3 (the
# tables of docs/methodology.md). Writes into $(METHOD_DIR).
METHOD_DIR ?= /tmp/coinsift-methodology
methodology: build
	@rm -rf $(METHOD_DIR) && mkdir -p $(METHOD_DIR)
	@for s in 1 2 3; do \
	  ./$(BIN) world gen -q --scale small --seed $$s --out $(METHOD_DIR)/world$$s >/dev/null && \
	  ./$(BIN) case init -q $(METHOD_DIR)/case$$s >/dev/null && \
	  ./$(BIN) --case $(METHOD_DIR)/case$$s chain import -q --blocks $(METHOD_DIR)/world$$s/blocks >/dev/null && \
	  echo "### small world, seed $$s" && \
	  ./$(BIN) --case $(METHOD_DIR)/case$$s cluster eval -q --truth $(METHOD_DIR)/world$$s/truth --markdown; \
	done

# Measure every goal of issue 16 on the corpus (the iSpoof schema variants
# and the other service families, small worlds of seed 1; COINSIFT_CORPUS
# lists other worlds) and rewrite the tables of docs/methodology.md between
# its corpus markers. Figures and JSON are left in $(CORPUS_DIR).
CORPUS_DIR ?= /tmp/coinsift-corpus
CORPUS_REV ?= commit $(shell git rev-parse --short HEAD 2>/dev/null)$(shell git diff --quiet HEAD 2>/dev/null || echo ' with local changes')
corpus:
	@grep -q '^<!-- corpus:begin -->' docs/methodology.md && grep -q '^<!-- corpus:end -->' docs/methodology.md || \
	  { echo "corpus: docs/methodology.md lacks the corpus markers"; exit 1; }
	@rm -rf $(CORPUS_DIR) && mkdir -p $(CORPUS_DIR)
	COINSIFT_INTEGRATION=1 COINSIFT_CORPUS_OUT=$(CORPUS_DIR) COINSIFT_CORPUS_REV='$(CORPUS_REV)' $(GO) test -count=1 -timeout 40m -run '^TestCorpus$$' ./cmd/coinsift/ > $(CORPUS_DIR)/test.log 2>&1 || \
	  { tail -40 $(CORPUS_DIR)/test.log; echo "corpus: TestCorpus failed (log: $(CORPUS_DIR)/test.log); tables written anyway"; }
	@test -s $(CORPUS_DIR)/corpus.md || { echo "corpus: no tables in $(CORPUS_DIR)"; exit 1; }
	@awk -v f=$(CORPUS_DIR)/corpus.md 'BEGIN { while ((getline l < f) > 0) t = t l "\n" } \
	  /^<!-- corpus:begin -->/ { print; printf "%s", t; skip = 1; next } /^<!-- corpus:end -->/ { skip = 0 } !skip' \
	  docs/methodology.md > $(CORPUS_DIR)/methodology.md && mv $(CORPUS_DIR)/methodology.md docs/methodology.md
	@echo "corpus: docs/methodology.md updated from $(CORPUS_DIR)/corpus.md"

clean:
	rm -rf bin $(DEMO_OUT)
