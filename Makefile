# newsclaims: `make demo` and `make test` set everything up on a fresh machine (Python 3.11 + pip).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1

.PHONY: install lock demo test fuzz wheel-check eval bench clean

LOCK   := requirements.lock

# Every dependency at the exact version and hash of the lock, then newsclaims itself (editable, nothing resolved).
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP)

# Re-resolve every dependency from pyproject.toml's ranges (and constraints.txt's torch pin) into the lock.
lock:
	test -x .lock-tools/bin/pip-compile || ($(PYTHON) -m venv .lock-tools && .lock-tools/bin/pip install 'pip-tools==7.6.2')
	.lock-tools/bin/pip-compile --generate-hashes --allow-unsafe --strip-extras --extra dev --extra eval \
	  --no-emit-index-url --no-emit-find-links -c constraints.txt -o $(LOCK) --upgrade pyproject.toml

# The main job on the bundled samples: JSONL in .newsclaims/demo.jsonl, the SQLite store, a readable summary.
demo: $(STAMP)
	$(BIN)/newsclaims extract corpora/samples --out .newsclaims/demo.jsonl --store default
	$(BIN)/newsclaims summary .newsclaims/demo.jsonl
	$(BIN)/newsclaims factchecks import corpora/factchecks/checkers-desk.jsonld corpora/factchecks/wire-checks.tsv --store default
	@echo "Claims in the samples that match a fact-check (link / suggest / conflict):"
	$(BIN)/newsclaims factchecks match --store-claims --top 1 --strong --text-output --store default
	@echo "Figures that disagree across outlets, in corpora/compare (32 short articles):"
	$(BIN)/newsclaims extract corpora/compare/articles.jsonl --out .newsclaims/compare.jsonl --store sqlite:///.newsclaims/compare.db
	$(BIN)/newsclaims compare --conflicts --store sqlite:///.newsclaims/compare.db

test: $(STAMP)
	$(BIN)/python -m pytest

# Every entry point fuzzed harder than in `make test`: over 10,000 cases (hypothesis profile "fuzz", tests/conftest.py).
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests/test_fuzz.py --hypothesis-profile=fuzz --hypothesis-show-statistics

# The wheel, installed with the locked dependencies into a fresh venv outside the checkout: CLI, library, spacy.load.
wheel-check: $(STAMP)
	.ci/wheel-check

# Scores on gold data (seed article and corpora/gold), side by side with other tools where installed.
# PolNeAR and CoNLL-2003 are not bundled: make eval POLNEAR=/path/to/PolNeAR (a checkout with data/dev/text and
# attributions, and data/train/text for the entity set) CONLL=/path/to/conll2003/dev.txt
# WIKINEWS=/path/to/WikinewsSum (a clone of github.com/airKlizz/WikinewsSum, for the web news entity set)
eval: $(STAMP)
	$(BIN)/python -m eval.seed_score
	$(BIN)/python -W ignore -m eval.quantity_score
	$(BIN)/python -m eval.compare_score
	$(BIN)/python -m eval.compare_score --set news --split dev
	@if [ -d ../shared/data/clef2020-task2 ]; then $(BIN)/python -m eval.factcheck_score; \
	else echo "CLEF 2020 task 2: skipped (../shared/data/clef2020-task2 absent)"; fi
	@if [ -n "$(POLNEAR)" ]; then $(BIN)/python -W ignore -m eval.polnear "$(POLNEAR)" --split dev --rules-only --accurate --agreement; \
	$(BIN)/python -W ignore -m eval.entity_score "$(POLNEAR)" --half dev --ablate; \
	$(BIN)/python -W ignore -m eval.news_quantity_score "$(POLNEAR)" --half dev --coverage; \
	else echo "PolNeAR: skipped (set POLNEAR=/path/to/PolNeAR)"; fi
	@if [ -n "$(WIKINEWS)" ]; then $(BIN)/python -W ignore -m eval.entity_score "$(WIKINEWS)" --set wikinews --half dev --ablate; \
	else echo "WikinewsSum entity set: skipped (set WIKINEWS=/path/to/a WikinewsSum checkout)"; fi
	@if [ -n "$(CONLL)" ]; then $(BIN)/python -W ignore -m eval.conll_score "$(CONLL)"; \
	else echo "CoNLL-2003: skipped (set CONLL=/path/to/a CoNLL-2003 English file, e.g. its dev split)"; fi

# Throughput of the full pipeline against bare spaCy on the same articles, the CLI start-up against
# `python -c pass`, and corpus export / import of 1,000 articles against extracting them, each in the same run.
bench: $(STAMP)
	$(BIN)/python -m eval.bench --accurate
	$(BIN)/python -m eval.startup
	$(BIN)/python -m eval.bench_corpus
	$(BIN)/python -m eval.bench_compare --claims 10000

clean:
	rm -rf $(VENV) .newsclaims .pytest_cache .lock-tools build dist
